"""Every format to every other and back loses no entry, note, variant, case flag or extra."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.glossary.io import load_glossary, save_glossary
from app.core.glossary.model import Glossary, GlossaryEntry

EXTENSIONS = (".tsv", ".csv", ".utf8", ".tbx")

SAMPLE = [
    GlossaryEntry("Київ", ("Kyiv",), ("Kiev",), "house style since 2022",
                  extra=(("author", "ann"), ("updated", "2024-05-01"))),
    GlossaryEntry("Марко Рубіо", ("Marco Rubio",), ("Mark Rubio", "Marc Rubio"),
                  "US Secretary of State; \"quoted\", with commas"),
    GlossaryEntry("Володимир Зеленський", ("Volodymyr Zelensky", "Zelensky"),
                  ("Vladimir Zelensky",), case_sensitive=True, extra=(("author", "bob"),)),
    GlossaryEntry("мир", ("peace",), case_sensitive=False),
    GlossaryEntry("НАТО", ("NATO",), note="Північноатлантичний альянс"),
]  # fmt: skip


def _core(g: Glossary | list[GlossaryEntry]) -> list[GlossaryEntry]:
    """Entries with extras in name order: a table's columns fix their order, not the entry."""
    return [replace(e, extra=tuple(sorted(e.extra))) for e in g]


@pytest.mark.parametrize(("first", "second"), list(itertools.product(EXTENSIONS, repeat=2)))
def test_every_pair_of_formats_round_trips(tmp_path: Path, first: str, second: str) -> None:
    a, b = tmp_path / f"a{first}", tmp_path / f"b{second}"
    save_glossary(Glossary(list(SAMPLE), ["author", "updated"]), a)
    save_glossary(load_glossary(a), b)
    back = tmp_path / f"back{first}"
    save_glossary(load_glossary(b), back)
    assert _core(load_glossary(b)) == _core(SAMPLE)
    assert _core(load_glossary(back)) == _core(SAMPLE)


def test_tsv_keeps_extra_columns_in_order_even_when_empty(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_text(
        "source\ttarget\tforbidden\tnote\tupdated\treviewer\tauthor\nКиїв\tKyiv\t\t\t\t\tann\n",
        encoding="utf-8",
    )
    save_glossary(load_glossary(path), path)
    header = path.read_text(encoding="utf-8").splitlines()[0]
    assert header == "source\ttarget\tforbidden\tnote\tupdated\treviewer\tauthor"


_WORD_UK = st.text(alphabet="абвгдеєжзиіїйклмнопрстуфхцчшщьюяАБВГДЕЄІЇКЛМНОПРСТУ'-",
                   min_size=1, max_size=8).filter(lambda w: w.strip("-'") == w)  # fmt: skip
_WORD_EN = st.text(alphabet="abcdefghijklmnopqrstuvwxyzKLMNOPQRST0123456789.,;'\"&<>-=",
                   min_size=1, max_size=8)  # fmt: skip


def _phrase(word: st.SearchStrategy[str], max_words: int = 3) -> st.SearchStrategy[str]:
    return st.lists(word, min_size=1, max_size=max_words).map(" ".join)


@st.composite
def entries(draw: st.DrawFn) -> GlossaryEntry:
    source = draw(_phrase(_WORD_UK))
    targets = draw(st.lists(_phrase(_WORD_EN), min_size=1, max_size=3, unique=True))
    forbidden = draw(
        st.lists(_phrase(_WORD_EN), max_size=2, unique=True).map(
            lambda xs: [x for x in xs if x not in targets]
        )
    )
    note = draw(st.one_of(st.just(""), _phrase(_WORD_EN, 5), _phrase(_WORD_UK, 5)))
    case = draw(st.sampled_from([None, True, False]))
    extra = []
    for name in ("author", "updated"):
        if draw(st.booleans()):
            extra.append((name, draw(_phrase(_WORD_EN, 2))))
    return GlossaryEntry(source, tuple(targets), tuple(forbidden), note, case, tuple(extra))


glossaries = st.lists(entries(), max_size=8, unique_by=lambda e: e.key)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(items=glossaries, ext=st.sampled_from(EXTENSIONS))
def test_property_save_then_load_is_identity(
    tmp_path: Path, items: list[GlossaryEntry], ext: str
) -> None:
    path = tmp_path / f"g{ext}"
    save_glossary(Glossary(list(items)), path)
    assert _core(load_glossary(path)) == _core(items)
