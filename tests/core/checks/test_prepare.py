"""Check.prepare: the one-time loads a first check would make, done up front."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.checks import names_abbr, names_known, spelling
from app.core.checks.base import CheckContext, prepare_checks
from app.core.checks.registry import all_checks, select_checks
from app.core.glossary.matcher import GlossaryIndex
from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.model.document import Pair
from app.core.review.checking import Checker


@pytest.fixture
def dictionary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(names_known, "_DICT_DIRS", ())
    monkeypatch.setenv(names_known.DICT_DIRS_ENV, str(tmp_path))
    monkeypatch.setenv("VERSO_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "en_US.dic").write_text("2\nMicronesia/M\napple/S\n", encoding="utf-8")
    names_known.proper_nouns.cache_clear()
    yield tmp_path
    names_known.proper_nouns.cache_clear()


def test_the_name_checks_load_their_lists_up_front(dictionary: Path) -> None:
    index = GlossaryIndex.build(Glossary([GlossaryEntry("Марко Рубіо", ("Marco Rubio",))]), "uk")
    ctx = CheckContext("uk", "en", index)
    names_abbr.abbreviations.cache_clear()
    prepare_checks(all_checks(), ctx)
    assert names_known.proper_nouns.cache_info().currsize == 1
    assert "micronesia" in names_known.proper_nouns()
    assert names_abbr.abbreviations.cache_info().currsize == 1
    assert "рубіо" in index._name_words["uk"]  # name-unknown's glossary words, made ahead


def test_a_language_without_name_checks_loads_nothing(dictionary: Path) -> None:
    prepare_checks(all_checks(), CheckContext("de", "en"))
    assert names_known.proper_nouns.cache_info().currsize == 0


def test_prepared_or_not_a_check_finds_the_same_issues(dictionary: Path) -> None:
    pairs = [
        Pair(0, "Літак упав у лагуну в Мікронезії.", "A plane crashed in Micronesia."),
        Pair(
            1,
            "Уряд Мікронезії заявив, що Олег Петренко прибув.",
            "The government of Microneia said Oleg Petrenko arrived.",
        ),
    ]
    lazily = Checker(CheckContext("uk", "en"), all_checks()).check(pairs)
    names_known.proper_nouns.cache_clear()
    checks = all_checks()
    prepare_checks(checks, CheckContext("uk", "en"))
    assert Checker(CheckContext("uk", "en"), checks).check(pairs) == lazily
    assert lazily  # the pairs do hold issues: the comparison says something


def test_the_spelling_check_loads_its_dictionaries_up_front(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loads: list[str] = []

    def dictionaries() -> tuple[object, ...]:
        loads.append("en")
        return ()

    monkeypatch.setattr(spelling, "dictionaries", dictionaries)
    (check,) = select_checks(["spelling"])
    prepare_checks([check], CheckContext("uk", "de"))
    assert loads == []  # German target text: no English dictionary wanted
    prepare_checks([check], CheckContext("uk", "en-GB"))
    assert loads == ["en"]
