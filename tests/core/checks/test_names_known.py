"""names_known: the dictionaries' proper nouns, and their copy in the cache folder."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.checks import names_known


@pytest.fixture
def dictionary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "dicts"
    folder.mkdir()
    monkeypatch.setattr(names_known, "_DICT_DIRS", ())
    monkeypatch.setenv(names_known.DICT_DIRS_ENV, str(folder))
    monkeypatch.setenv("VERSO_CACHE_DIR", str(tmp_path / "cache"))
    names_known.proper_nouns.cache_clear()
    yield folder
    names_known.proper_nouns.cache_clear()


def _fresh() -> frozenset[str]:
    names_known.proper_nouns.cache_clear()
    return frozenset(names_known.proper_nouns())


def test_a_second_process_reads_the_list_from_the_cache(
    dictionary: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (dictionary / "en_US.dic").write_text("3\nMicronesia/M\nNATO\napple/S\n", encoding="utf-8")
    first = _fresh()
    assert first == frozenset({"micronesia"})
    assert len(list((dictionary.parent / "cache").glob("proper-nouns-*.txt"))) == 1
    # The stems are not read again: a broken pattern would find nothing.
    monkeypatch.setattr(names_known, "_STEM", re.compile(rb"(?!)"))
    assert _fresh() == first


def test_a_changed_dictionary_is_read_afresh(dictionary: Path) -> None:
    dic = dictionary / "en_US.dic"
    dic.write_text("1\nSyria/M\n", encoding="utf-8")
    assert _fresh() == frozenset({"syria"})
    dic.write_text("1\nSyrio/M\n", encoding="utf-8")  # same size, other words
    assert _fresh() == frozenset({"syrio"})
    (dictionary / "en_GB.dic").write_text("1\nKyiv/M\n", encoding="utf-8")
    assert _fresh() == frozenset({"syrio", "kyiv"})


def test_a_cache_that_cannot_be_written_or_read_costs_nothing_but_time(
    dictionary: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (dictionary / "en_US.dic").write_text("1\nBrussels/M\n", encoding="utf-8")
    blocker = dictionary.parent / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("VERSO_CACHE_DIR", str(blocker))
    assert _fresh() == frozenset({"brussels"})
    monkeypatch.setenv("VERSO_CACHE_DIR", str(dictionary.parent / "cache"))
    assert _fresh() == frozenset({"brussels"})
    (cached,) = (dictionary.parent / "cache").glob("proper-nouns-*.txt")
    cached.write_bytes(b"\xff\xfe not the cache's format")
    assert _fresh() == frozenset({"brussels"})


def test_without_a_dictionary_nothing_is_written(dictionary: Path) -> None:
    assert _fresh() == frozenset()
    assert not (dictionary.parent / "cache").exists()


_WORDS = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=8)


@given(st.sets(_WORDS), st.lists(_WORDS))
def test_the_sorted_list_answers_as_a_set_would(words: set[str], probes: list[str]) -> None:
    """The cached list is searched in place (bisection over its bytes): every word and
    only those, whatever their letters (newlines excepted: one word a line)."""
    kept = {w for w in words if w and "\n" not in w}
    found = names_known.SortedWords.of(kept)
    assert frozenset(found) == kept and len(found) == len(kept)
    for probe in [*kept, *probes, *(w[:-1] for w in kept), *(w + "a" for w in kept)]:
        assert (probe in found) == (probe in kept)
