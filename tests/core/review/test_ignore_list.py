"""The team's ignore list: file format, merge of concurrent saves, the CLI honours it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.cli import main
from app.core.model.errors import InputError
from app.core.model.issues import Issue, Severity, Side
from app.core.review import ignore_list
from app.core.review.ignore_list import IgnoreRule, IgnoreStore
from tests.ui.conftest import GLOSSARY, SOURCE, TARGET

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)
check_ids = st.sampled_from(["glossary-forbidden", "spacing-punctuation", "name-unknown"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(check_ids, texts.filter(bool), texts)))
def test_round_trip(raw: list[tuple[str, str, str]]) -> None:
    rules = list({(c, t): IgnoreRule(c, t, n) for c, t, n in raw}.values())
    back = ignore_list.loads(ignore_list.dumps(rules))
    assert sorted(back, key=lambda r: r.key) == sorted(rules, key=lambda r: r.key)


def test_path_beside_the_glossary() -> None:
    assert ignore_list.path_for("/team/glossary.tsv") == Path("/team/glossary.ignore.tsv")


def test_a_missing_file_is_empty_and_a_bad_one_says_where(tmp_path: Path) -> None:
    assert ignore_list.read(tmp_path / "none.ignore.tsv") == []
    bad = tmp_path / "bad.ignore.tsv"
    bad.write_text("source\ttarget\n", encoding="utf-8")
    with pytest.raises(InputError, match="not an ignore list"):
        ignore_list.read(bad)
    bad.write_text("check\ttext\tnote\nspacing-punctuation\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        ignore_list.read(bad)


def test_matches_check_and_exact_text() -> None:
    rule = IgnoreRule("glossary-forbidden", "Kiev")
    issue = Issue("glossary-forbidden", Severity.ERROR, 0, Side.TARGET, 0, 4, "Kiev", "m")
    assert rule.matches(issue)
    assert not IgnoreRule("glossary-forbidden", "kiev").matches(issue)
    assert not IgnoreRule("name-unknown", "Kiev").matches(issue)


def test_two_editors_save_and_nothing_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "g.ignore.tsv"
    one, two = IgnoreStore(path), IgnoreStore(path)
    one.load()
    two.load()
    one.add(IgnoreRule("spacing-punctuation", " .", "links"))
    two.add(IgnoreRule("name-unknown", "Bloomberg"))
    assert {r.key for r in ignore_list.read(path)} == {
        ("spacing-punctuation", " ."),
        ("name-unknown", "Bloomberg"),
    }
    # Editor one removes its rule; editor two's stays.
    one.save([])
    assert [r.key for r in ignore_list.read(path)] == [("name-unknown", "Bloomberg")]
    assert path.read_text(encoding="utf-8").startswith("check\ttext\tnote\n")


def test_the_cli_check_honours_the_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    s, t, g = tmp_path / "a.uk.txt", tmp_path / "a.en.txt", tmp_path / "g.tsv"
    s.write_text(SOURCE, encoding="utf-8")
    t.write_text(TARGET, encoding="utf-8")
    g.write_text(GLOSSARY, encoding="utf-8")
    args = ["check", str(s), str(t), "--glossary", str(g), "--format", "json"]
    main(args)
    before = json.loads(capsys.readouterr().out)["issues"]
    assert any(i["text"] == "Kiev" for i in before)
    IgnoreStore(ignore_list.path_for(g)).add(IgnoreRule("glossary-forbidden", "Kiev"))
    main(args)
    after = json.loads(capsys.readouterr().out)["issues"]
    assert not any(i["text"] == "Kiev" and i["check"] == "glossary-forbidden" for i in after)
    assert len(after) == len(before) - sum(
        1 for i in before if i["text"] == "Kiev" and i["check"] == "glossary-forbidden"
    )


def test_report_and_batch_honour_the_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    s, t, g = folder / "a.uk.txt", folder / "a.en.txt", tmp_path / "g.tsv"
    s.write_text(SOURCE, encoding="utf-8")
    t.write_text(TARGET, encoding="utf-8")
    g.write_text(GLOSSARY, encoding="utf-8")
    IgnoreStore(ignore_list.path_for(g)).add(IgnoreRule("glossary-forbidden", "Kiev"))
    report = tmp_path / "r.csv"
    main(["report", str(s), str(t), "--glossary", str(g), "--to", str(report)])
    rows = list(csv.DictReader(io.StringIO(report.read_text(encoding="utf-8-sig"))))
    kiev = [r for r in rows if r["check"] == "glossary-forbidden" and r["text"] == "Kiev"]
    assert kiev and {r["status"] for r in kiev} == {"ignored"}  # listed apart, not open
    capsys.readouterr()
    main(["check", "--batch", str(folder), "--glossary", str(g), "--jobs", "1"])
    line = json.loads(capsys.readouterr().out.splitlines()[0])
    assert line["name"] == "a"
    assert not any(
        i["text"] == "Kiev" and i["check"] == "glossary-forbidden" for i in line["issues"]
    )
