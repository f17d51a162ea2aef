"""QA report: self-contained escaped HTML with charts, issues grouped by check with both texts
and the flagged span marked; CSV files one table a kind; an Excel workbook."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from app.core.glossary.model import GlossaryEntry
from app.core.model.document import Pair
from app.core.model.errors import InputError
from app.core.model.issues import Issue, Severity, Side
from app.core.outputs.metrics import compute_metrics
from app.core.outputs.report import (
    IssueStatus,
    ReportData,
    csv_paths,
    render_csv,
    render_html,
    write_report,
)

PAIRS = [
    Pair(0, "Марко Рубіо прибув до Києва.", "Mark Rubio arrived in Kiev."),
    Pair(1, "Переговори <b>тривали</b>.", "The talks <script>alert(1)</script> went on ."),
]
EDITED = ["Marco Rubio arrived in Kyiv.", "The talks went on."]


def issue(check: str, pair: int, text: str, severity: Severity = Severity.ERROR) -> Issue:
    """A target-side issue on `text` where it is in the MT of `pair`."""
    start = PAIRS[pair].target.find(text)
    return Issue(check, severity, pair, Side.TARGET, start, start + len(text), text,
                 f"{text} is wrong",
                 suggestion="=HYPERLINK(\"x\")" if check == "spacing-punctuation" else None)


def data() -> ReportData:
    return ReportData(
        title="Rubio & <Kyiv>",
        source_lang="uk",
        target_lang="en",
        pairs=PAIRS,
        edited=EDITED,
        issues=[
            IssueStatus(issue("glossary-forbidden", 0, "Kiev"), "fixed"),
            IssueStatus(issue("glossary-forbidden", 0, "Mark Rubio"), "fixed"),
            IssueStatus(issue("spacing-punctuation", 1, " .", Severity.WARNING), "ignored"),
            IssueStatus(issue("house-extra", 1, "talks", Severity.INFO), "open"),
        ],
        metrics=compute_metrics([p.target for p in PAIRS], EDITED, seconds=300),
        glossary_added=[GlossaryEntry("Київ", ("Kyiv",), ("Kiev",), "house style")],
        created="2025-01-01T10:00:00",
    )


def test_html_is_self_contained_escaped_and_charted() -> None:
    page = render_html(data())
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Rubio &amp; &lt;Kyiv&gt;" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)  # nothing remote
    assert page.count("<svg") == 2  # issues by check, HTER per segment
    assert "Rejected term: 2</title>" in page  # the check's name, not its id
    assert "2 fixed, 1 ignored, 1 open" in page
    assert "segment 1: HTER" in page and "5.0 min" in page
    assert "Kiev" in page and "house style" in page


def test_html_without_issues_or_metrics() -> None:
    empty = ReportData("clean", "uk", "en", PAIRS)
    page = render_html(empty)
    assert "No issues" in page and "<svg" not in page and "HTER" in page  # column header only


def test_html_groups_issues_by_check_with_both_texts_and_the_span_marked() -> None:
    page = render_html(data())
    rejected = page.index('<h3 id="check-glossary-forbidden">Rejected term')
    spacing = page.index('<h3 id="check-spacing-punctuation">Spacing / punctuation')
    unknown = page.index('<h3 id="check-house-extra">house-extra')  # not in the registry: last
    assert rejected < spacing < unknown
    assert "2 (0 open, 2 fixed, 0 ignored)" in page
    # a fixed issue shows the MT it was found in, with the span marked, beside the source
    marked = "<td>Mark Rubio arrived in <mark>Kiev</mark>.</td>"
    assert f"<td>Марко Рубіо прибув до Києва.</td>{marked}" in page
    # an open one shows the editor's text
    assert "<td>The <mark>talks</mark> went on.</td>" in page
    assert '<a href="#check-glossary-forbidden">Rejected term</a>' in page


def test_csv_files_one_table_a_kind(tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    assert write_report(out, data()) == "csv"
    paths = csv_paths(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths.values())

    def table(kind: str) -> list[dict[str, str]]:
        raw = paths[kind].read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the BOM as UTF-8
        return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))

    issues = table("issues")
    assert [r["check"] for r in issues] == [
        "glossary-forbidden", "glossary-forbidden", "spacing-punctuation", "house-extra"
    ]
    assert {r["record"] for r in issues} == {"issue"}  # old readers filter on it
    first = issues[0]
    assert first["check_name"] == "Rejected term" and first["status"] == "fixed"
    assert first["source"] == PAIRS[0].source
    assert "⟦Mark Rubio⟧" in issues[0]["target"] + issues[1]["target"]
    assert issues[2]["suggestion"].startswith("'=")  # no formula injection
    assert issues[3]["target"] == "The ⟦talks⟧ went on."
    checks = table("checks")
    assert next((r["check_name"], r["issues"], r["fixed"]) for r in checks) == (
        "Rejected term", "2", "2"
    )
    segments = table("segments")
    assert float(segments[0]["hter"]) > 0 and segments[0]["edited"] == EDITED[0]
    (article,) = table("article")
    assert article["seconds"] == "300" and article["fixed"] == "2"
    (entry,) = table("glossary")
    assert entry["source"] == "Київ" and entry["forbidden"] == "Kiev"
    assert render_csv(data(), "checks") == paths["checks"].read_bytes().decode("utf-8-sig")


def test_excel_workbook_groups_marks_and_never_runs_formulas(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    assert write_report(out, data()) == "xlsx"
    book = load_workbook(out, rich_text=True)
    assert book.sheetnames == ["Summary", "Issues", "Segments", "Glossary"]
    sheet = book["Issues"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Check", "Check id", "Seg.")
    assert str(rows[1][0]).startswith("Rejected term (glossary-forbidden): 2 issues")
    fixed = rows[2]
    assert fixed[1] == "glossary-forbidden" and fixed[4] == "fixed"
    target = sheet.cell(row=3, column=7).value
    spans = [block.text for block in target if not isinstance(block, str)]
    assert spans in (["Kiev"], ["Mark Rubio"])  # the flagged span is a formatted run
    suggestion = next(r for r in rows if r[1] == "spacing-punctuation")[8]
    assert suggestion == '=HYPERLINK("x")'
    cell = next(c for c in sheet["I"] if c.value == '=HYPERLINK("x")')
    assert cell.data_type == "s"  # text, not a formula
    summary = list(book["Summary"].iter_rows(values_only=True))
    assert any(r[:3] == ("glossary-forbidden", "Rejected term", 2) for r in summary)


def test_write_report_by_extension(tmp_path: Path) -> None:
    assert write_report(tmp_path / "r.html", data()) == "html"
    assert write_report(tmp_path / "r.csv", data()) == "csv"
    assert write_report(tmp_path / "r.xlsx", data()) == "xlsx"
    assert (tmp_path / "r.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert "<svg" in (tmp_path / "r.html").read_text(encoding="utf-8")
    with pytest.raises(InputError, match=r"\.html, \.csv or \.xlsx"):
        write_report(tmp_path / "r.pdf", data())


def test_unknown_status_is_rejected() -> None:
    with pytest.raises(ValueError, match="status"):
        IssueStatus(issue("x", 0, "a"), "done")
