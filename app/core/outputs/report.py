"""The QA report of one review, as a self-contained HTML page or a CSV table.

ReportData is plain data so that any front end (the review model, the CLI) can
fill it. The HTML has inline CSS and inline SVG charts, no script and no remote
resource, so it opens the same in any browser, offline, and can be mailed.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from pathlib import Path

from app.core.files.atomic import write_text_atomic
from app.core.glossary.model import GlossaryEntry
from app.core.model.document import Pair
from app.core.model.errors import InputError
from app.core.model.issues import Issue
from app.core.outputs.export import replace_surrogates
from app.core.outputs.metrics import ArticleMetrics

STATUSES = ("open", "fixed", "ignored")


@dataclass(frozen=True)
class IssueStatus:
    issue: Issue
    status: str = "open"  # open | fixed | ignored

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown issue status {self.status!r}")


@dataclass
class ReportData:
    """Everything a QA report shows. `edited[i]` is the editor's text of pair i."""

    title: str
    source_lang: str
    target_lang: str
    pairs: Sequence[Pair]
    edited: Sequence[str] | None = None
    issues: Sequence[IssueStatus] = ()
    metrics: ArticleMetrics | None = None
    glossary_added: Sequence[GlossaryEntry] = ()
    created: str = field(default_factory=lambda: datetime.now().isoformat(timespec="seconds"))

    def status_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for item in self.issues:
            counts[item.status] += 1
        return counts

    def issues_by_check(self) -> list[tuple[str, int]]:
        return Counter(i.issue.check for i in self.issues).most_common()


# --- HTML ------------------------------------------------------------------------------------

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:70em;
color:#222;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-size:.9em}
th,td{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}
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
        ("Issues", f"{len(data.issues)} ({counts['fixed']} fixed, {counts['ignored']} ignored, "
                   f"{counts['open']} open)"),
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


def _issue_table(data: ReportData) -> str:
    if not data.issues:
        return "<p>No issues were found.</p>"
    rows = []
    for item in data.issues:
        i = item.issue
        rows.append(
            f"<tr><td class=num>{i.pair + 1}</td><td>{_e(i.check)}</td>"
            f'<td class="{_e(i.severity.value)}">{_e(i.severity.value)}</td>'
            f'<td class="{_e(item.status)}">{_e(item.status)}</td><td>{_e(i.side.value)}</td>'
            f"<td>{_e(i.text)}</td><td>{_e(i.message)}</td><td>{_e(i.suggestion or '')}</td></tr>"
        )
    head = ("<tr><th>Seg.</th><th>Check</th><th>Severity</th><th>Status</th><th>Side</th>"
            "<th>Text</th><th>Message</th><th>Suggestion</th></tr>")
    return f"<table>{head}{''.join(rows)}</table>"


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
        _bar_chart_by_check(data.issues_by_check()),
    ]
    if data.metrics is not None:
        parts += ["<h2>HTER per segment</h2>", _hter_chart(data.metrics)]
    parts += [
        "<h2>Issues</h2>",
        _issue_table(data),
        "<h2>Glossary entries added</h2>",
        _glossary_table(data.glossary_added),
        "<h2>Segments</h2>",
        _segment_table(data),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


# --- CSV -------------------------------------------------------------------------------------

CSV_COLUMNS = (
    "record", "segment", "check", "severity", "status", "side", "start", "end", "text",
    "message", "suggestion", "source", "mt", "edited", "hter", "chrf", "bleu",
    "words_changed", "glossary_source", "glossary_target", "glossary_forbidden", "note",
)


def _cell(value: object) -> str:
    """Text a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def render_csv(data: ReportData) -> str:
    """One table: a row per issue, per segment, for the article and per glossary entry."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()

    def row(**values: object) -> None:
        writer.writerow({k: _cell(values.get(k)) for k in CSV_COLUMNS})

    for item in data.issues:
        i = item.issue
        row(record="issue", segment=i.pair + 1, check=i.check, severity=i.severity.value,
            status=item.status, side=i.side.value, start=i.start, end=i.end, text=i.text,
            message=i.message, suggestion=i.suggestion)
    by_index = {s.index: s for s in data.metrics.segments} if data.metrics else {}
    for n, pair in enumerate(data.pairs):
        s = by_index.get(n)
        post = data.edited[n] if data.edited is not None and n < len(data.edited) else None
        row(record="segment", segment=n + 1, source=pair.source, mt=pair.target, edited=post,
            hter=f"{s.hter:.4f}" if s else None, chrf=f"{s.chrf:.2f}" if s else None,
            bleu=f"{s.bleu:.2f}" if s else None, words_changed=s.words_changed if s else None)
    m = data.metrics
    if m is not None:
        row(record="article", hter=f"{m.hter:.4f}", chrf=f"{m.chrf:.2f}", bleu=f"{m.bleu:.2f}",
            words_changed=m.words_changed,
            note=None if m.seconds is None else f"{m.seconds:.0f} s in review")
    for e in data.glossary_added:
        row(record="glossary", glossary_source=e.source, glossary_target=" | ".join(e.targets),
            glossary_forbidden=" | ".join(e.forbidden), note=e.note)
    return out.getvalue()


def write_report(path: str | Path, data: ReportData, fmt: str | None = None) -> str:
    """Write the report atomically; format from `fmt` or the extension (.html, .csv)."""
    chosen = fmt or {".html": "html", ".htm": "html", ".csv": "csv"}.get(
        Path(path).suffix.lower(), ""
    )
    if chosen == "html":
        write_text_atomic(path, replace_surrogates(render_html(data)))
    elif chosen == "csv":  # Excel reads the BOM
        write_text_atomic(path, replace_surrogates(render_csv(data)), encoding="utf-8-sig")
    else:
        raise InputError(path, "name the report .html or .csv (or pass --format)")
    return chosen

