"""The QA report of one review, as a self-contained HTML page or a CSV table.

ReportData is plain data so that any front end (the review model, the CLI) can
fill it. The HTML has inline CSS and inline SVG charts, no script and no remote
resource, so it opens the same in any browser, offline, and can be mailed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from html import escape
from pathlib import Path

from app.core.files.atomic import write_bytes_atomic, write_text_atomic
from app.core.glossary.model import GlossaryEntry
from app.core.model.errors import InputError
from app.core.outputs.export import replace_surrogates
from app.core.outputs.metrics import ArticleMetrics
from app.core.outputs.report_data import STATUSES, IssueStatus, ReportData
from app.core.outputs.report_rows import CheckGroup, Marked, all_rows, check_groups

__all__ = ["STATUSES", "IssueStatus", "ReportData", "render_csv", "render_html", "write_report"]

# --- HTML ------------------------------------------------------------------------------------

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:70em;
color:#222;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-size:.9em}
th,td{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}
h3{font-size:1.05em;margin-top:1.5em}mark{background:#ffe08a;color:inherit}
.error{color:#b00020}.warning{color:#a05a00}.info{color:#555}
.open{font-weight:bold}.fixed{color:#2e7d32}.ignored{color:#777}
.summary td:first-child{font-weight:bold;width:14em}
svg text{font-size:11px;font-family:sans-serif}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _bar_chart_by_check(items: Sequence[tuple[str, int]]) -> str:
    if not items:
        return "<p>No issues.</p>"
    label_w, bar_w, row_h = 170, 360, 22
    top = max(n for _, n in items)
    height = row_h * len(items) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 60}" '
        f'height="{height}" role="img" aria-label="Issues by check">'
    ]
    for row, (check, count) in enumerate(items):
        y = 5 + row * row_h
        width = max(2, round(bar_w * count / top))
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{_e(check)}</text>'
            f'<rect x="{label_w}" y="{y + 2}" width="{width}" height="{row_h - 6}" '
            f'fill="#3f6fb5"><title>{_e(check)}: {count}</title></rect>'
            f'<text x="{label_w + width + 5}" y="{y + 14}">{count}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _hter_chart(metrics: ArticleMetrics) -> str:
    segments = metrics.segments
    if not segments:
        return ""
    plot_h, left = 150, 40
    step = max(4, min(24, 700 // len(segments)))
    top = max(1.0, max(s.hter for s in segments))
    width = left + step * len(segments) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{plot_h + 30}" '
        'role="img" aria-label="HTER per segment">',
        f'<line x1="{left}" y1="{plot_h + 5}" x2="{width}" y2="{plot_h + 5}" stroke="#999"/>',
        f'<text x="{left - 4}" y="{plot_h + 9}" text-anchor="end">0</text>',
        f'<text x="{left - 4}" y="14" text-anchor="end">{top:.2g}</text>',
    ]
    for s in segments:
        h = round(plot_h * s.hter / top)
        x = left + s.index * step
        color = "#b00020" if s.hter >= 0.5 else "#e08a00" if s.hter >= 0.2 else "#3f6fb5"
        parts.append(
            f'<rect x="{x + 1}" y="{plot_h + 5 - h}" width="{step - 2}" height="{max(h, 1)}" '
            f'fill="{color}"><title>segment {s.index + 1}: HTER {s.hter:.3f}</title></rect>'
        )
    parts.append(f'<text x="{left}" y="{plot_h + 24}">segments 1–{len(segments)}</text></svg>')
    return "".join(parts)


def _summary(data: ReportData) -> str:
    counts = data.status_counts()
    rows = [
        ("Languages", f"{data.source_lang} → {data.target_lang}"),
        ("Segments", str(len(data.pairs))),
        (
            "Issues",
            f"{len(data.issues)} ({counts['fixed']} fixed, {counts['ignored']} ignored, "
            f"{counts['open']} open)",
        ),
        ("Glossary entries added", str(len(data.glossary_added))),
    ]
    m = data.metrics
    if m is not None:
        rows += [
            ("HTER (article)", f"{m.hter:.3f}"),
            ("chrF / BLEU", f"{m.chrf:.1f} / {m.bleu:.1f}"),
            ("Words changed", f"{m.words_changed} of {m.mt_words} MT words"),
            ("Segments edited", f"{m.segments_changed} of {len(m.segments)}"),
        ]
        if m.seconds is not None:
            rows.append(("Time in review", f"{m.seconds / 60:.1f} min"))
    body = "".join(f"<tr><td>{_e(k)}</td><td>{_e(v)}</td></tr>" for k, v in rows)
    return f'<table class="summary">{body}</table>'


def _marked_html(marked: Marked) -> str:
    if not marked.span:
        return _e(marked.text)
    return f"{_e(marked.before)}<mark>{_e(marked.span)}</mark>{_e(marked.after)}"


def _check_summary_table(groups: Sequence[CheckGroup]) -> str:
    if not groups:
        return ""
    head = ("<tr><th>Check</th><th>Id</th><th>Issues</th><th>Open</th><th>Fixed</th>"
            "<th>Ignored</th></tr>")  # fmt: skip
    rows = []
    for g in groups:
        c = g.counts()
        rows.append(
            f'<tr><td><a href="#check-{_e(g.check)}">{_e(g.check_name)}</a></td>'
            f"<td><code>{_e(g.check)}</code></td><td class=num>{g.count()}</td>"
            f"<td class=num>{c['open']}</td><td class=num>{c['fixed']}</td>"
            f"<td class=num>{c['ignored']}</td></tr>"
        )
    return f'<table class="checks">{head}{"".join(rows)}</table>'


def _issue_tables(groups: Sequence[CheckGroup]) -> str:
    """A section per check (name, id, counts), each row with both texts, the span marked."""
    if not groups:
        return "<p>No issues were found.</p>"
    head = ("<tr><th>Seg.</th><th>Severity</th><th>Status</th><th>Source</th><th>Target</th>"
            "<th>Message</th><th>Suggestion</th></tr>")  # fmt: skip
    parts = []
    for g in groups:
        c = g.counts()
        parts.append(
            f'<h3 id="check-{_e(g.check)}">{_e(g.check_name)} <code>{_e(g.check)}</code>: '
            f"{g.count()} ({c['open']} open, {c['fixed']} fixed, {c['ignored']} ignored)</h3>"
        )
        rows = "".join(
            f"<tr><td class=num>{r.segment}</td>"
            f'<td class="{_e(r.severity)}">{_e(r.severity)}</td>'
            f'<td class="{_e(r.status)}">{_e(r.status)}</td>'
            f"<td>{_marked_html(r.source)}</td><td>{_marked_html(r.target)}</td>"
            f"<td>{_e(r.message)}</td><td>{_e(r.suggestion)}</td></tr>"
            for r in g.rows
        )
        parts.append(f"<table>{head}{rows}</table>")
    return "\n".join(parts)


def _segment_table(data: ReportData) -> str:
    by_index = {s.index: s for s in data.metrics.segments} if data.metrics else {}
    edited = list(data.edited) if data.edited is not None else None
    rows = []
    for n, pair in enumerate(data.pairs):
        s = by_index.get(n)
        hter = f"{s.hter:.3f}" if s else ""
        post = edited[n] if edited is not None and n < len(edited) else ""
        rows.append(
            f"<tr><td class=num>{n + 1}</td><td>{_e(pair.source)}</td><td>{_e(pair.target)}</td>"
            f"<td>{_e(post)}</td><td class=num>{hter}</td></tr>"
        )
    head = "<tr><th>Seg.</th><th>Source</th><th>MT</th><th>Edited</th><th>HTER</th></tr>"
    return f"<table>{head}{''.join(rows)}</table>"


def _glossary_table(entries: Sequence[GlossaryEntry]) -> str:
    if not entries:
        return "<p>None.</p>"
    rows = "".join(
        f"<tr><td>{_e(e.source)}</td><td>{_e(' | '.join(e.targets))}</td>"
        f"<td>{_e(' | '.join(e.forbidden))}</td><td>{_e(e.note)}</td></tr>"
        for e in entries
    )
    head = "<tr><th>Source</th><th>Approved</th><th>Rejected</th><th>Note</th></tr>"
    return f"<table>{head}{rows}</table>"


def render_html(data: ReportData) -> str:
    groups = check_groups(data)
    chart = [(g.check_name, g.count()) for g in groups]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>QA report: {_e(data.title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>QA report: {_e(data.title)}</h1>",
        f"<p>Created {_e(data.created)} by Verso.</p>",
        "<h2>Summary</h2>",
        _summary(data),
        "<h2>Issues by check</h2>",
        _bar_chart_by_check(chart),
        _check_summary_table(groups),
    ]
    if data.metrics is not None:
        parts += ["<h2>HTER per segment</h2>", _hter_chart(data.metrics)]
    parts += [
        "<h2>Issues</h2>",
        _issue_tables(groups),
        "<h2>Glossary entries added</h2>",
        _glossary_table(data.glossary_added),
        "<h2>Segments</h2>",
        _segment_table(data),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


# --- CSV -------------------------------------------------------------------------------------

# One table a kind: the issues (the file named), then beside it FILE.checks.csv (counts by
# check), FILE.segments.csv, FILE.article.csv (metrics) and FILE.glossary.csv.
ISSUE_COLUMNS = (
    "record", "check", "check_name", "segment", "severity", "status", "side", "start", "end",
    "text", "source", "target", "message", "suggestion",
)  # fmt: skip
CHECK_COLUMNS = ("check", "check_name", "issues", "open", "fixed", "ignored")
SEGMENT_COLUMNS = ("segment", "source", "mt", "edited", "hter", "chrf", "bleu", "words_changed")
ARTICLE_COLUMNS = ("segments", "issues", "open", "fixed", "ignored", "hter", "chrf", "bleu",
                   "words_changed", "mt_words", "segments_edited", "seconds")  # fmt: skip
GLOSSARY_COLUMNS = ("source", "target", "forbidden", "note")
CSV_KINDS = ("checks", "segments", "article", "glossary")


def _cell(value: object) -> str:
    """Text a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def report_tables(data: ReportData) -> dict[str, tuple[tuple[str, ...], list[list[object]]]]:
    """Every table of the report by kind: (columns, rows); the CSV and Excel writers' source."""
    groups = check_groups(data)
    issues: list[list[object]] = [
        ["issue", r.check, r.check_name, r.segment, r.severity, r.status, r.side, r.start, r.end,
         r.text, r.source.plain(), r.target.plain(), r.message, r.suggestion]
        for r in all_rows(groups)
    ]  # fmt: skip
    checks: list[list[object]] = [
        [g.check, g.check_name, g.count(), *(g.counts()[s] for s in ("open", "fixed", "ignored"))]
        for g in groups
    ]
    by_index = {s.index: s for s in data.metrics.segments} if data.metrics else {}
    segments: list[list[object]] = []
    for n, pair in enumerate(data.pairs):
        s = by_index.get(n)
        post = data.edited[n] if data.edited is not None and n < len(data.edited) else None
        segments.append(
            [
                n + 1,
                pair.source,
                pair.target,
                post,
                f"{s.hter:.4f}" if s else None,
                f"{s.chrf:.2f}" if s else None,
                f"{s.bleu:.2f}" if s else None,
                s.words_changed if s else None,
            ]
        )
    counts = data.status_counts()
    m = data.metrics
    article: list[object] = [len(data.pairs), len(data.issues), counts["open"], counts["fixed"],
                             counts["ignored"]]  # fmt: skip
    if m is not None:
        article += [f"{m.hter:.4f}", f"{m.chrf:.2f}", f"{m.bleu:.2f}", m.words_changed,
                    m.mt_words, m.segments_changed,
                    None if m.seconds is None else f"{m.seconds:.0f}"]  # fmt: skip
    glossary: list[list[object]] = [
        [e.source, " | ".join(e.targets), " | ".join(e.forbidden), e.note]
        for e in data.glossary_added
    ]
    return {
        "issues": (ISSUE_COLUMNS, issues),
        "checks": (CHECK_COLUMNS, checks),
        "segments": (SEGMENT_COLUMNS, segments),
        "article": (ARTICLE_COLUMNS, [article]),
        "glossary": (GLOSSARY_COLUMNS, glossary),
    }


def _csv_text(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def render_csv(data: ReportData, kind: str = "issues") -> str:
    """One table of the report as CSV: the issues grouped by check, or one of CSV_KINDS."""
    columns, rows = report_tables(data)[kind]
    return _csv_text(columns, rows)


def csv_paths(path: str | Path) -> dict[str, Path]:
    """Where each table goes: the issues in PATH, the others beside it (r.csv -> r.checks.csv)."""
    dest = Path(path)
    paths = {"issues": dest}
    for kind in CSV_KINDS:
        paths[kind] = dest.with_name(f"{dest.stem}.{kind}{dest.suffix or '.csv'}")
    return paths


REPORT_FORMATS = {".html": "html", ".htm": "html", ".csv": "csv", ".xlsx": "xlsx"}


def write_report(path: str | Path, data: ReportData, fmt: str | None = None) -> str:
    """Write the report atomically; format from `fmt` or the extension (.html, .csv, .xlsx).

    CSV writes one file a table: the issues in `path`, the rest beside it (csv_paths).
    """
    chosen = fmt or REPORT_FORMATS.get(Path(path).suffix.lower(), "")
    if chosen == "html":
        write_text_atomic(path, replace_surrogates(render_html(data)))
    elif chosen == "csv":
        tables = report_tables(data)
        for kind, dest in csv_paths(path).items():
            text = replace_surrogates(_csv_text(*tables[kind]))
            write_text_atomic(dest, text, encoding="utf-8-sig")  # Excel reads the BOM
    elif chosen == "xlsx":
        from app.core.outputs.report_xlsx import render_xlsx

        write_bytes_atomic(path, render_xlsx(data, report_tables(data), check_groups(data)))
    else:
        raise InputError(path, "name the report .html, .csv or .xlsx (or pass --format)")
    return chosen
