"""QA report: self-contained escaped HTML with charts, and a complete CSV."""

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
from app.core.outputs.report import IssueStatus, ReportData, render_csv, render_html, write_report

PAIRS = [
    Pair(0, "Марко Рубіо прибув до Києва.", "Mark Rubio arrived in Kiev."),
    Pair(1, "Переговори <b>тривали</b>.", "The talks <script>alert(1)</script> went on ."),
]
EDITED = ["Marco Rubio arrived in Kyiv.", "The talks went on."]


def issue(check: str, pair: int, text: str, severity: Severity = Severity.ERROR) -> Issue:
    return Issue(check, severity, pair, Side.TARGET, 0, len(text), text, f"{text} is wrong",
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
            IssueStatus(issue("name-unknown", 1, "talks", Severity.INFO), "open"),
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
    assert "glossary-forbidden: 2</title>" in page
    assert "2 fixed, 1 ignored, 1 open" in page
    assert "segment 1: HTER" in page and "5.0 min" in page
    assert "Kiev" in page and "house style" in page


def test_html_without_issues_or_metrics() -> None:
    empty = ReportData("clean", "uk", "en", PAIRS)
    page = render_html(empty)
    assert "No issues" in page and "<svg" not in page and "HTER" in page  # column header only


def test_csv_has_every_issue_with_status_metrics_and_glossary() -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(data()))))
    kinds = [r["record"] for r in rows]
    assert kinds == ["issue"] * 4 + ["segment"] * 2 + ["article", "glossary"]
    assert [r["status"] for r in rows[:4]] == ["fixed", "fixed", "ignored", "open"]
    assert rows[0]["text"] == "Kiev" and rows[0]["segment"] == "1"
    assert rows[2]["suggestion"].startswith("'=")  # no formula injection
    assert float(rows[4]["hter"]) > 0 and rows[4]["edited"] == EDITED[0]
    assert rows[6]["note"] == "300 s in review"
    assert rows[7]["glossary_source"] == "Київ" and rows[7]["glossary_forbidden"] == "Kiev"


def test_write_report_by_extension(tmp_path: Path) -> None:
    assert write_report(tmp_path / "r.html", data()) == "html"
    assert write_report(tmp_path / "r.csv", data()) == "csv"
    assert (tmp_path / "r.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert "<svg" in (tmp_path / "r.html").read_text(encoding="utf-8")
    with pytest.raises(InputError, match=r"\.html or \.csv"):
        write_report(tmp_path / "r.pdf", data())


def test_unknown_status_is_rejected() -> None:
    with pytest.raises(ValueError, match="status"):
        IssueStatus(issue("x", 0, "a"), "done")
