"""spelling (optional): one-slip misspellings flagged with exact spans; names,
glossary renderings, abbreviations and clean news text left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.checks import spelling
from app.core.checks.base import CheckContext
from app.core.checks.registry import all_checks, select_checks
from app.core.checks.spelling import SpellingCheck, dictionaries
from app.core.glossary.matcher import GlossaryIndex
from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side
from tests.conftest import shared_path

CTX = CheckContext("uk", "en")

needs_dictionary = pytest.mark.skipif(
    not dictionaries(),
    reason="no English hunspell dictionary (apt-get install hunspell-en-us; pip install spylls)",
)


def check(*targets: str, source: str = "Джерело.", ctx: CheckContext = CTX) -> list[Issue]:
    pairs = [Pair(i, source, t) for i, t in enumerate(targets)]
    return list(SpellingCheck().run(pairs, ctx))


def test_optional_not_in_the_default_run_but_selectable() -> None:
    assert "spelling" not in [c.id for c in all_checks()]
    assert [c.id for c in select_checks(["spelling"])] == ["spelling"]


@needs_dictionary
@pytest.mark.parametrize(
    ("target", "word", "fix"),
    [
        ("The goverment announced new sanctions.", "goverment", "government"),
        ("The minister recieved the delegation.", "recieved", "received"),
        ("Talks were held in the capitall on Monday.", "capitall", "capital"),
        ("The Natioonal Bank raised its rate.", "Natioonal", "National"),
        ("They met on Sudnay.", "Sudnay", "Sunday"),
    ],
)
def test_slip_flagged_with_exact_span_and_suggestion(target: str, word: str, fix: str) -> None:
    [issue] = check(target)
    assert (issue.check, issue.side, issue.severity) == ("spelling", Side.TARGET, Severity.INFO)
    assert target[issue.start : issue.end] == word == issue.text
    assert issue.suggestion == fix


@needs_dictionary
def test_us_and_uk_spellings_both_pass() -> None:
    assert check("The colour of the color guard; they organised and organized it.") == []


@needs_dictionary
def test_known_words_are_not_flagged() -> None:
    target = (
        "NATO and the SBU met at 10:30 at www.example.com (press@example.org); "
        "the F16s and 18-year-olds of Ballon d'Or fame were there."
    )
    assert check(target) == []


@needs_dictionary
def test_names_from_the_source_or_repeated_are_known() -> None:
    # Shmyhall is one slip from "shmyhal", the romanised source word.
    assert check("Mayor Shmyhall spoke.", source="Мер Шмигаль виступив.") == []
    # A capitalised word that recurs in the article is a name, not a slip.
    assert check("Senator Warnocks spoke.", "Warnocks left.") == []


@needs_dictionary
def test_glossary_renderings_are_known() -> None:
    glossary = Glossary(entries=[GlossaryEntry(source="законопроєкт", targets=("billl",))])
    ctx = CheckContext("uk", "en", glossary=GlossaryIndex.build(glossary, "uk"))
    assert check("The billl passed.") != []
    assert check("The billl passed.", ctx=ctx) == []


def test_without_a_dictionary_says_so_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spelling, "dictionaries", lambda: ())
    issues = check("The goverment met.", "The capitall.")
    assert len(issues) == 1
    assert "no English hunspell dictionary" in issues[0].message
    assert issues[0].severity is Severity.INFO


def test_missing_dictionary_folder_finds_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(spelling, "_DICT_DIRS", ())
    monkeypatch.setenv(spelling.DICT_DIRS_ENV, str(tmp_path))
    assert spelling.dictionaries() == ()


def test_non_english_target_is_not_checked() -> None:
    assert check("Уряд", ctx=CheckContext("en", "uk")) == []


@needs_dictionary
def test_clean_ntrex_article_has_almost_no_alarms() -> None:
    lines = shared_path("ntrex-uk-en", "en.txt").read_text(encoding="utf-8").splitlines()
    issues = check(*lines[:200])
    assert len(issues) <= 2, [i.text for i in issues]
