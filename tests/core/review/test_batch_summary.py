"""The batch summary: issues per check and per article, the same bytes for the same
results, input errors counted apart."""

from __future__ import annotations

import json
from typing import Any

from app.core.review.batch_summary import BatchSummary


def issue(check: str, severity: str) -> dict[str, Any]:
    return {"check": check, "severity": severity, "text": "x"}


RESULTS: list[dict[str, Any]] = [
    {"name": "a", "exit": 1, "issues": [issue("glossary-forbidden", "error"),
                                        issue("spacing-punctuation", "warning")],
     "failures": []},
    {"name": "b", "exit": 2, "error": "b.uk.txt: needs a source and a translation"},
    {"name": "c", "exit": 0, "issues": [issue("name-unknown", "info")], "failures": []},
    {"name": "d", "exit": 1, "issues": [issue("glossary-forbidden", "error")] * 2,
     "failures": []},
]  # fmt: skip


def summarise(results: list[dict[str, Any]]) -> BatchSummary:
    summary = BatchSummary()
    for result in results:
        summary.add(result)
    return summary


def test_counts_per_check_and_per_article() -> None:
    data = summarise(RESULTS).to_json()
    assert data["articles"] == 4 and data["input_errors"] == 1
    assert (data["issues"], data["error"], data["warning"], data["info"]) == (5, 3, 1, 1)
    assert list(data["per_check"]) == sorted(data["per_check"])
    assert data["per_check"]["glossary-forbidden"] == {
        "issues": 3, "error": 3, "warning": 0, "info": 0,
    }  # fmt: skip
    assert [row["name"] for row in data["per_article"]] == ["a", "b", "c", "d"]
    assert data["per_article"][1] == {
        "name": "b", "exit": 2, "input_error": "b.uk.txt: needs a source and a translation",
    }  # fmt: skip
    assert data["per_article"][3]["issues"] == 2 and data["per_article"][3]["error"] == 2


def test_the_same_results_give_the_same_bytes() -> None:
    text = summarise(RESULTS).dumps()
    assert text == summarise([dict(r) for r in RESULTS]).dumps()
    assert json.loads(text) == summarise(RESULTS).to_json()
    assert text.endswith("}\n")


def test_text_summary() -> None:
    lines = summarise(RESULTS).format_text().splitlines()
    assert lines[0] == (
        "4 articles: 5 issues (3 errors, 1 warnings, 1 info); "
        "2 articles with errors, 1 input errors"
    )
    assert [line.split()[0] for line in lines[1:]] == [
        "glossary-forbidden", "name-unknown", "spacing-punctuation",
    ]  # fmt: skip
