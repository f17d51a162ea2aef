"""An index read from the cache keeps its tables packed (packed.py): what it decodes on
demand equals the fresh build, a check never makes the whole glossary, and a file of an
older layout is rebuilt, never misread."""

from __future__ import annotations

import hashlib
import io
import marshal
import threading
import weakref
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.checks import names_unknown
from app.core.glossary import cache, packed, word_keys
from app.core.glossary.cache import cache_path
from app.core.glossary.io import format_for, load_glossary
from app.core.glossary.matcher import GlossaryIndex
from app.core.glossary.model import GlossaryEntry
from app.core.glossary.version import GlossaryVersion, load_index
from tests.core.glossary.test_cache import (
    ROWS,
    TEXTS,
    collector_off,
    no_build,
    spans,
    write,
)


@pytest.fixture(autouse=True)
def small_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MIN_ENTRIES", 1)
    monkeypatch.delenv(cache.ENV_OFF, raising=False)


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    rows = [*ROWS, ("Рубіо", "Rubio", ""), ("ЗСУ", "AFU", "")]
    path = write(tmp_path / "team.tsv", rows, note="checked")
    text = path.read_text(encoding="utf-8").replace("\tchecked\n", "\tchecked\tAnna\n")
    path.write_text(text.replace("\tnote\n", "\tnote\tauthor\n", 1), encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def cached(glossary: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> GlossaryIndex:
    load_index(glossary, "uk", folder=folder)  # built and written
    with monkeypatch.context() as m:
        no_build(m)
        index = load_index(glossary, "uk", folder=folder)
    assert index.packed
    return index


def test_a_lazy_entry_equals_the_eager_one(
    glossary: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = cached(glossary, folder, monkeypatch)
    fresh = load_glossary(glossary)
    assert fresh.extra_columns == ["author"] and fresh.entries[0].extra == (("author", "Anna"),)
    assert len(index) == len(fresh.entries)
    for order, entry in enumerate(fresh.entries):
        made = index._entries[order]
        assert isinstance(made, GlossaryEntry) and made == entry
        assert index._entries[order] is made  # made once, then kept
    whole = index.glossary
    assert whole.entries == fresh.entries
    assert (whole.extra_columns, whole.source_lang, whole.target_lang, whole.path) == (
        fresh.extra_columns, fresh.source_lang, fresh.target_lang, str(glossary)
    )  # fmt: skip
    # The whole glossary shares the entry objects the matches hold.
    (match, *_) = index.source_matches(TEXTS[0])
    assert any(match.entry is e for e in whole.entries)
    assert index.glossary is whole


def test_a_check_meets_only_the_entries_it_matches(
    glossary: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_index(glossary, "uk", folder=folder)
    version = GlossaryVersion.read(glossary, cache_folder=folder)
    index = version.clean_index("uk")  # a clean cache hit: nothing parsed, nothing made
    assert version.problems == [] and version.errors == []
    fresh = GlossaryIndex(load_glossary(glossary), "uk")
    for text in TEXTS:
        assert spans(index, text) == spans(fresh, text)
    made = index._entries._made  # type: ignore[attr-defined]
    assert 0 < len(made) < len(index)
    assert index._glossary is None  # the whole Glossary was never made
    assert version.glossary.entries == fresh.glossary.entries  # made when asked for
    assert version.glossary is index.glossary


def test_name_unknown_reads_the_glossary_words_from_the_cache(
    glossary: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = GlossaryIndex(load_glossary(glossary), "uk")
    expected = names_unknown._glossary_words(fresh, "uk")
    assert {"рубіо", "київ", "сили", "сила", "зсу"} <= expected
    load_index(glossary, "uk", folder=folder)

    def fail(*args: object) -> object:
        raise AssertionError("the glossary's words were lemmatised again")

    monkeypatch.setattr(word_keys, "lemmas", fail)
    index = load_index(glossary, "uk", folder=folder)
    assert names_unknown._glossary_words(index, "uk") == expected
    assert index._glossary is None


def test_packed_tables_are_decoded_on_demand_and_shared_between_threads() -> None:
    rows = [(f"слово{n}", (f"word{n}",), (), "", None, ()) for n in range(50)]
    entries = packed.LazyEntries(packed.Records(*packed.pack(rows)))
    assert len(entries) == 50 and entries._made == {}
    seen: list[GlossaryEntry] = []
    threads = [threading.Thread(target=lambda: seen.append(entries[7])) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(e is seen[0] for e in seen) and seen[0] == GlossaryEntry("слово7", ("word7",))
    assert list(entries)[49].source == "слово49"
    with pytest.raises(IndexError):
        entries[50]
    blob, offsets = packed.pack([1, 2])
    with pytest.raises(ValueError, match="fill"):
        packed.Records(blob + b"x", offsets)


def _layout_3(index: GlossaryIndex, key: bytes) -> bytes:
    """A cache file as Verso wrote it before the packed layout (LAYOUT 3)."""
    glossary = index.glossary
    payload = marshal.dumps(
        (
            [packed.entry_row(e) for e in glossary.entries],
            list(glossary.extra_columns),
            glossary.source_lang,
            glossary.target_lang,
            index.tables(),
        )
    )
    checksum = hashlib.blake2b(payload, digest_size=32).digest()
    return b"VERSO-GLOSSARY-INDEX\n" + key + checksum + payload


def test_a_cache_of_the_old_layout_is_rebuilt_not_misread(
    glossary: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = GlossaryIndex(load_glossary(glossary), "uk")
    file = cache_path(glossary, "uk", folder)
    folder.mkdir()
    # Even under the key of this version, the old bytes are not read as the new layout.
    key = cache.key_for(glossary.read_bytes(), format_for(glossary), "uk")
    file.write_bytes(_layout_3(fresh, key))
    assert cache.read_cache(file, key, glossary) is None
    built: list[int] = []
    real = GlossaryIndex.build.__func__  # type: ignore[attr-defined]

    def counting(cls: type[GlossaryIndex], *args: object) -> GlossaryIndex:
        built.append(1)
        return real(cls, *args)  # type: ignore[no-any-return]

    monkeypatch.setattr(GlossaryIndex, "build", classmethod(counting))
    index = load_index(glossary, "uk", folder=folder)
    assert built == [1]
    for text in TEXTS:
        assert spans(index, text) == spans(fresh, text)
    assert file.read_bytes().startswith(cache.MAGIC)  # replaced by the new layout
    again = load_index(glossary, "uk", folder=folder)
    assert built == [1] and again.packed


def test_a_file_whose_lengths_disagree_with_its_size_is_not_read(
    glossary: Path, folder: Path
) -> None:
    load_index(glossary, "uk", folder=folder)
    file = cache_path(glossary, "uk", folder)
    key = cache.key_for(glossary.read_bytes(), format_for(glossary), "uk")
    blob = file.read_bytes()
    assert cache.decode(blob, key, glossary) is not None
    assert cache.decode(blob + b"\0", key, glossary) is None
    assert cache.decode(blob, b"x" * 32, glossary) is None


def test_encoding_a_packed_index_writes_the_same_tables(
    glossary: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = cached(glossary, folder, monkeypatch)
    again = cache.decode(cache.encode(index, b"k" * 32), b"k" * 32, glossary)
    assert again is not None
    for text in TEXTS:
        assert spans(again, text) == spans(index, text)


def test_a_dropped_packed_index_is_freed_without_the_cycle_collector(
    glossary: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cached index is frozen out of the collector's sight: it must hold no cycle."""
    index = cached(glossary, folder, monkeypatch)
    index.source_matches(TEXTS[0])
    index.target_matches(TEXTS[2])
    assert index.glossary.entries
    ref = weakref.ref(index)
    with collector_off():
        del index
        assert ref() is None


class _Trickle(io.BytesIO):
    """A stream whose reads return at most 1,000 bytes (as a read() of over 2 GB does)."""

    def read(self, size: int | None = -1, /) -> bytes:
        return super().read(1000 if size is None or size < 0 else min(size, 1000))


def test_short_reads_are_read_on_and_a_short_file_is_not_trusted(glossary: Path) -> None:
    fresh = GlossaryIndex(load_glossary(glossary), "uk")
    blob = cache.encode(fresh, b"k" * 32)
    index = cache._read(_Trickle(blob), len(blob), b"k" * 32, glossary)
    assert index is not None
    for text in TEXTS:
        assert spans(index, text) == spans(fresh, text)
    assert cache._read(_Trickle(blob[:-1]), len(blob), b"k" * 32, glossary) is None


_WORDS = st.text(alphabet="аб~\x00\x01", min_size=1, max_size=4)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        _WORDS,
        st.tuples(
            st.lists(st.tuples(st.integers(0, 9)), max_size=2),
            st.dictionaries(_WORDS, st.integers(0, 3), max_size=6),
        ),
        max_size=5,
    ),
    st.lists(_WORDS, max_size=8),
)
def test_packed_buckets_answer_as_the_dicts_did(
    shape: dict[str, tuple[list[tuple[int]], dict[str, int]]], asked: list[str]
) -> None:
    """Each bucket's second words give the lists the built dicts hold, one object for
    second words sharing a list (as `LazySeconds` over `_packed_lists`, kept as the
    oracle), nothing for any other word, separators in words included."""
    shared = [[(n, "term")] for n in range(4)]  # list n: the terms a second word names
    by_first = {
        first: (singles, {second: shared[n] for second, n in seconds.items()})
        for first, (singles, seconds) in shape.items()
    }
    buckets = packed.LazyBuckets(*_numbers_records(packed.pack_buckets(by_first)))
    for first, (singles, by_second) in by_first.items():
        got_singles, got = buckets[first]
        oracle = packed.LazySeconds(packed._packed_lists(by_second))
        assert got_singles == singles and len(got) == len(oracle) == len(by_second)
        for key in [*by_second, *asked]:
            assert got.get(key) == oracle.get(key) == by_second.get(key)
        for a in by_second:
            for b in by_second:
                same = by_second[a] is by_second[b]
                assert (got.get(a) is got.get(b)) == same
                assert (oracle.get(a) is oracle.get(b)) == same


def _numbers_records(
    made: tuple[dict[str, int], bytes, bytes],
) -> tuple[dict[str, int], packed.Records]:
    numbers, blob, offsets = made
    return numbers, packed.Records(blob, offsets)


def test_a_bucket_decodes_only_the_lists_asked_for() -> None:
    lists = {f"друге{n}": [(n, f"term{n}")] for n in range(300)}
    numbers, records = _numbers_records(packed.pack_buckets({"перше": ([], lists)}))
    assert len(records) == 301  # the bucket, then each list its own record
    _, seconds = packed.LazyBuckets(numbers, records)["перше"]
    assert isinstance(seconds, packed.PackedSeconds)
    assert seconds.get("друге7") == [(7, "term7")] and seconds.get("друге") is None
    assert list(seconds._decoded) == [8]
