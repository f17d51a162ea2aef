"""Every command that reads an article takes an article pair, a bilingual file or a
saved review, and gives the same answer for the same text."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from app.cli import main
from tests.conftest import SEEDS

UK, EN, GLOSSARY = (str(SEEDS / n) for n in ("geneva-talks.uk.txt", "geneva-talks.en.txt",
                                              "glossary.tsv"))  # fmt: skip


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, list[str]]:
    """The seed as a pair, as XLIFF and as a review (made by `export`)."""
    verso, xlf = str(tmp_path / "seed.verso"), str(tmp_path / "seed.xlf")
    assert main(["export", UK, EN, "--glossary", GLOSSARY, "--to", verso]) == 0
    assert main(["export", UK, EN, "--to", xlf]) == 0
    return {"pair": [UK, EN], "xliff": [xlf], "review": [verso]}


def _json(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, dict]:
    code = main(args)
    return code, json.loads(capsys.readouterr().out)


def test_check_gives_the_same_issues_for_every_input(
    inputs: dict[str, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    results = {}
    for kind, paths in inputs.items():
        code, data = _json(capsys, ["check", *paths, "--glossary", GLOSSARY, "--format", "json"])
        assert code == 1, kind
        results[kind] = [(i["pair"], i["check"], i["text"]) for i in data["issues"]]
    assert results["pair"] == results["xliff"] == results["review"]
    assert ("glossary-forbidden", "Mark Rubio") in {(c, t) for _, c, t in results["pair"]}


def test_a_review_is_checked_with_the_glossary_it_names(
    inputs: dict[str, list[str]], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, data = _json(capsys, ["check", *inputs["review"], "--format", "json"])
    assert code == 1 and any(i["text"] == "Kiev" for i in data["issues"])
    moved = tmp_path / "moved.verso"
    moved.write_text(
        Path(inputs["review"][0]).read_text("utf-8").replace(GLOSSARY, str(tmp_path / "gone.tsv")),
        "utf-8",
    )
    assert main(["check", str(moved)]) == 2
    err = capsys.readouterr().err
    assert "gone.tsv" in err and "--glossary" in err


@pytest.mark.parametrize("kind", ["pair", "xliff", "review"])
def test_export_report_and_metrics_take_every_input(
    kind: str, inputs: dict[str, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = inputs[kind]
    glossary = ["--glossary", GLOSSARY] if kind != "review" else []
    docx_out = tmp_path / "out.docx"
    assert main(["export", *paths, "--to", str(docx_out)]) == 0 and docx_out.stat().st_size > 0
    report = tmp_path / "qa.csv"
    assert main(["report", *paths, *glossary, "--to", str(report)]) == 0
    rows = list(csv.DictReader(io.StringIO(report.read_text("utf-8-sig"))))
    assert {r["status"] for r in rows if r["record"] == "issue"} == {"open"}
    assert len([r for r in rows if r["record"] == "issue"]) == 6
    capsys.readouterr()
    code, metrics = _json(capsys, ["metrics", *paths, "--format", "json"])
    assert code == 0 and metrics["hter"] == 0.0 and metrics["segment_count"] == 17


@pytest.mark.parametrize("kind", ["pair", "xliff", "review"])
def test_an_edited_translation_counts_fixes_and_metrics(
    kind: str, inputs: dict[str, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edited = tmp_path / "edited.txt"
    edited.write_text(Path(EN).read_text("utf-8").replace("Mark Rubio", "Marco Rubio"), "utf-8")
    glossary = ["--glossary", GLOSSARY] if kind != "review" else []
    report = tmp_path / "qa.csv"
    assert main(["report", *inputs[kind], str(edited), *glossary, "--to", str(report)]) == 0
    rows = list(csv.DictReader(io.StringIO(report.read_text("utf-8-sig"))))
    fixed = [r["text"] for r in rows if r["record"] == "issue" and r["status"] == "fixed"]
    assert fixed == ["Mark Rubio"]
    capsys.readouterr()
    code, metrics = _json(capsys, ["metrics", *inputs[kind], str(edited), "--format", "json"])
    assert code == 0 and metrics["segments_changed"] == 1
    saved = tmp_path / "edited.verso"
    assert main(["export", *inputs[kind], str(edited), *glossary, "--to", str(saved)]) == 0
    code, data = _json(capsys, ["check", str(saved), "--format", "json"])
    assert "Mark Rubio" not in [i["text"] for i in data["issues"]]


def test_checks_and_exclude_select_checks(capsys: pytest.CaptureFixture[str]) -> None:
    base = ["check", UK, EN, "--glossary", GLOSSARY, "--format", "json"]
    _, only = _json(capsys, [*base, "--checks", "spacing-punctuation"])
    assert {i["check"] for i in only["issues"]} == {"spacing-punctuation"}
    code, without = _json(capsys, [*base, "--exclude", "glossary-forbidden,spacing-punctuation"])
    assert code == 0 and without["issues"] == []
    assert main([*base, "--checks", "kiev-check"]) == 2
    err = capsys.readouterr().err
    assert "kiev-check" in err and "glossary-forbidden" in err


def test_export_of_the_original_to_a_review_is_refused(
    inputs: dict[str, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", *inputs["pair"], "--original", "--to", str(tmp_path / "x.verso")]) == 2
    assert "drop --original" in capsys.readouterr().err
