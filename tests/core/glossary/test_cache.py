"""The glossary cache: same matches as a fresh build, invalidated by any change, never
trusted when damaged."""

from __future__ import annotations

import gc
import os
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.glossary import cache, word_keys
from app.core.glossary.cache import cache_path
from app.core.glossary.io import glossary_from_bytes, load_glossary
from app.core.glossary.matcher import GlossaryIndex
from app.core.glossary.rows import GlossaryError
from app.core.glossary.version import load_index
from app.core.model.errors import InputError

ROWS = [
    ("Київ", "Kyiv", "Kiev"),
    ("Марко Рубіо", "Marco Rubio|Rubio", "Mark Rubio"),
    ("Володимир Зеленський", "Volodymyr Zelensky|Zelensky", "Vladimir Zelensky"),
    ("Володимир Путін", "Vladimir Putin", ""),
    ("Андрій Сибіга", "Andrii Sybiha", "Andriy Sybiga"),
    ("Донецька область", "Donetsk Oblast|Donetsk region", ""),
    ("Збройні сили України", "Armed Forces of Ukraine", ""),
    ("СБУ", "SBU", ""),
]
TEXTS = [
    "Зустріч у Києві: Марка Рубіо прийняв Володимир Зеленський.",
    "Слова Андрія Сибіги про Донецьку область і Збройних сил України, СБУ.",
    "Volodymyr Zelensky met Mark Rubio in Kiev; Vladimir Putin was not there.",
    "Zelensky's Kyiv-based aides and Andriy Sybiga, the SBU and Donetsk regions.",
    "Володимир Путін і Володимир Зеленський не зустрілися в Києві",
]


def write(path: Path, rows: list[tuple[str, str, str]], note: str = "") -> Path:
    lines = ["source\ttarget\tforbidden\tnote"]
    lines += [f"{s}\t{t}\t{f}\t{note}" for s, t, f in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def spans(index: GlossaryIndex, text: str) -> list[tuple[int, int, str, str]]:
    found = index.source_matches(text) + index.target_hits(text) + index.target_matches(text)
    return [(m.start, m.end, m.kind, m.entry.source) for m in found]


@pytest.fixture(autouse=True)
def small_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cache even tiny glossaries here (the real threshold skips them)."""
    monkeypatch.setattr(cache, "MIN_ENTRIES", 1)
    monkeypatch.delenv(cache.ENV_OFF, raising=False)


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    return write(tmp_path / "team.tsv", ROWS)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def no_build(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> GlossaryIndex:
        raise AssertionError("the index was rebuilt instead of read from the cache")

    monkeypatch.setattr(GlossaryIndex, "build", classmethod(fail))


def test_second_load_comes_from_the_cache_with_the_same_matches(
    glossary: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_index(glossary, "uk", folder=folder)
    assert cache_path(glossary, "uk", folder).is_file()
    no_build(monkeypatch)
    second = load_index(glossary, "uk", folder=folder)
    fresh = GlossaryIndex(load_glossary(glossary), "uk")
    assert second is not first
    for text in TEXTS:
        assert spans(second, text) == spans(fresh, text) == spans(first, text)
    # The text holds real matches, so equality above means something.
    assert [m.text for m in second.source_matches(TEXTS[0])] == [
        "Києві", "Марка Рубіо", "Володимир Зеленський"
    ]
    assert [m.kind for m in second.target_matches(TEXTS[2])] == [
        "approved", "forbidden", "forbidden", "approved"
    ]
    assert second.glossary.entries == fresh.glossary.entries
    assert second.glossary.path == str(glossary)
    assert second.entries_for_rendering("Rubio") == [fresh.glossary.entries[1]]


def test_an_edit_with_the_same_size_and_mtime_invalidates_it(
    glossary: Path, folder: Path
) -> None:
    load_index(glossary, "uk", folder=folder)
    stat = glossary.stat()
    text = glossary.read_text(encoding="utf-8").replace("Kiev", "Kiew")
    glossary.write_text(text, encoding="utf-8")
    os.utime(glossary, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert glossary.stat().st_size == stat.st_size
    index = load_index(glossary, "uk", folder=folder)
    assert [m.text for m in index.target_matches("Kiew, not Kiev")] == ["Kiew"]


def test_an_added_entry_is_found_after_reload(glossary: Path, folder: Path) -> None:
    load_index(glossary, "uk", folder=folder)
    assert load_index(glossary, "uk", folder=folder).source_matches("у Харкові") == []
    write(glossary, [*ROWS, ("Харків", "Kharkiv", "Kharkov")])
    (match,) = load_index(glossary, "uk", folder=folder).source_matches("у Харкові")
    assert match.entry.target == "Kharkiv"


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated write
        lambda b: b[:-10] + bytes(10),  # zeroed tail
        lambda b: b[:200] + bytes([b[200] ^ 0xFF]) + b[201:],  # one flipped byte
        lambda b: b"not a cache at all",
        lambda b: b"",
    ],
)
def test_a_damaged_cache_is_ignored_and_replaced(
    glossary: Path, folder: Path, damage: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_index(glossary, "uk", folder=folder)
    file = cache_path(glossary, "uk", folder)
    file.write_bytes(damage(file.read_bytes()))  # type: ignore[operator]
    expected = spans(GlossaryIndex(load_glossary(glossary), "uk"), TEXTS[2])
    assert spans(load_index(glossary, "uk", folder=folder), TEXTS[2]) == expected
    no_build(monkeypatch)  # rebuilt and written again: the next load reads it
    assert spans(load_index(glossary, "uk", folder=folder), TEXTS[2]) == expected


def test_a_cache_made_by_other_code_is_not_trusted(
    glossary: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_index(glossary, "uk", folder=folder)
    monkeypatch.setattr(cache, "code_fingerprint", lambda: b"another version of Verso")
    built: list[int] = []
    real_init = GlossaryIndex.__init__

    def counting_init(self: GlossaryIndex, *args: object) -> None:
        built.append(1)
        real_init(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(GlossaryIndex, "__init__", counting_init)
    load_index(glossary, "uk", folder=folder)
    assert built == [1]


def test_languages_have_their_own_cache(glossary: Path, folder: Path) -> None:
    load_index(glossary, "uk", folder=folder)
    ru = load_index(glossary, "ru", folder=folder)
    assert ru.source_lang == "ru"
    assert cache_path(glossary, "ru", folder) != cache_path(glossary, "uk", folder)
    assert cache_path(glossary, "ru", folder).is_file()


def test_an_unwritable_cache_folder_only_costs_speed(glossary: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    index = load_index(glossary, "uk", folder=blocker / "cache")
    assert [m.text for m in index.target_matches("in Kiev")] == ["Kiev"]


def test_a_glossary_with_errors_raises_and_is_not_cached(tmp_path: Path, folder: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("source\ttarget\nКиїв\tKyiv\nКиїв\tKiev\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="line 3"):
        load_index(bad, "uk", folder=folder)
    assert not cache_path(bad, "uk", folder).exists()
    with pytest.raises(InputError, match="not found"):
        load_index(tmp_path / "missing.tsv", "uk", folder=folder)


def test_the_cache_can_be_switched_off(
    glossary: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV_OFF, "1")
    index = load_index(glossary, "uk", folder=folder)
    assert len(index) == len(ROWS)
    assert not folder.exists()


def test_small_glossaries_are_not_cached(
    glossary: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MIN_ENTRIES", 2_000)
    load_index(glossary, "uk", folder=folder)
    assert not folder.exists()


@contextmanager
def collector_off() -> Iterator[None]:
    """The cycle collector off for the block: what is freed there went by refcount."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def test_a_dropped_index_is_freed_without_the_cycle_collector(glossary: Path) -> None:
    """gc.freeze() after a load is safe only if an index holds no reference cycle."""
    index = GlossaryIndex(load_glossary(glossary), "uk")
    index.source_matches(TEXTS[0])
    ref = weakref.ref(index)
    with collector_off():
        del index
        assert ref() is None


WORDS = st.sampled_from(
    "Київ Києві Марка Рубіо Марко Володимира Зеленського Путіна Сибіги Андрія Донецької "
    "області Збройних сил України СБУ Kyiv Kiev Mark Rubio Marco Zelensky Vladimir Putin "
    "Sybiha Sybiga Donetsk region regions Oblast Armed Forces of Ukraine SBU , . і та".split()
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=14))
def test_cached_and_fresh_indexes_agree_on_any_text(words: list[str]) -> None:
    text = " ".join(words)
    assert spans(CACHED, text) == spans(FRESH, text)


def _cached_pair() -> tuple[GlossaryIndex, GlossaryIndex]:
    data = "source\ttarget\tforbidden\n" + "".join(f"{s}\t{t}\t{f}\n" for s, t, f in ROWS)
    glossary, problems = glossary_from_bytes(data.encode("utf-8"), "g.tsv")
    assert not problems
    fresh = GlossaryIndex(glossary, "uk")
    restored = cache.decode(cache.encode(fresh, b"k" * 32), b"k" * 32, "g.tsv")
    assert restored is not None
    return restored, fresh


CACHED, FRESH = _cached_pair()


@given(st.text(alphabet=st.sampled_from("aZ ǅİϒ1 кК-ʼ"), max_size=12))
def test_the_index_decides_case_sensitivity_like_the_entry(term: str) -> None:
    from app.core.glossary.model import GlossaryEntry
    from app.core.glossary.term_scan import matches_case as _matches_case

    entry = GlossaryEntry("x", ("y",))
    assert _matches_case(entry, term) == entry.matches_case(term)


def test_only_the_most_recently_used_caches_are_kept(
    glossary: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "KEEP", 3)
    folder.mkdir()
    old = []
    for n in range(5):
        stale = folder / f"glossary-old{n}.idx"
        stale.write_bytes(b"x")
        os.utime(stale, ns=(n * 10**9, n * 10**9))
        old.append(stale)
    other = folder / "unrelated.txt"
    other.write_text("kept", encoding="utf-8")
    load_index(glossary, "uk", folder=folder)
    left = sorted(p.name for p in folder.glob("glossary-*.idx"))
    assert left == sorted([cache_path(glossary, "uk", folder).name, old[4].name, old[3].name])
    assert other.exists()


def test_the_morphology_gate_is_stored_and_read_back(
    glossary: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The gate (term words' lexeme forms and lemmas) is made once, at build time, and a
    # fresh process reads it from the cache instead of asking pymorphy3 again.
    first = load_index(glossary, "uk", folder=folder)
    made = first._scanner.gate()
    assert made is not None and made[0] is not None and "києві" in made[0]

    def fail(*args: object) -> object:
        raise AssertionError("the gate was made again instead of read from the cache")

    monkeypatch.setattr(word_keys, "known_forms", fail)
    monkeypatch.setattr(word_keys, "term_lemmas", fail)
    second = load_index(glossary, "uk", folder=folder)
    assert second._scanner.gate() == made
    fresh = GlossaryIndex(load_glossary(glossary), "uk")
    monkeypatch.undo()
    for text in TEXTS:
        assert spans(second, text) == spans(fresh, text)


def test_the_term_vocabulary_is_stored_and_read_back(
    glossary: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The sorted term words and their three-letter heads are made at build time; a
    # fresh process reads them instead of walking every term again.
    first = load_index(glossary, "uk", folder=folder)
    made = first._scanner.vocabulary()
    assert "київ" in made[0] and made[0] == sorted(made[0]) and "киї" in made[1]

    def fail(*args: object) -> object:
        raise AssertionError("the vocabulary was made again instead of read from the cache")

    monkeypatch.setattr(word_keys, "make_vocabulary", fail)
    second = load_index(glossary, "uk", folder=folder)
    assert second._scanner.vocabulary() == made
    monkeypatch.undo()
    fresh = GlossaryIndex(load_glossary(glossary), "uk")
    assert fresh._scanner.vocabulary() == made
    for text in TEXTS:
        assert spans(second, text) == spans(fresh, text)


def test_another_dictionary_build_is_another_cache_key(monkeypatch: pytest.MonkeyPatch) -> None:
    before = cache.key_for(b"data", "tsv", "uk")
    monkeypatch.setattr(cache, "morphology_stamp", lambda lang: "2.0.7|2030-01-01")
    assert cache.key_for(b"data", "tsv", "uk") != before
