"""Tables of a cached glossary index kept packed, decoded only where a check looks.

A 100,000-entry index loaded whole made ~400,000 Python objects (entries, terms,
renderings: 0.3-0.4 s and ~110 MB) although a check of an article meets a few hundred
of them. Here each record (an entry's row, the terms under one first word, the
renderings under one automaton key) is its own small marshal string, laid end to end
in one bytes object with an array of offsets beside it; a record is decoded the first
time it is asked for and kept, so every caller sees the same object for it (matches
compare entries by identity). Used only for an index read from the cache (cache.py);
a freshly built index holds plain lists and dicts.
"""

from __future__ import annotations

import gc
import marshal
import threading
from array import array
from collections.abc import Iterable, Iterator
from itertools import accumulate, pairwise
from typing import Any, Final, Literal

from app.core.glossary.model import Glossary, GlossaryEntry

# Native byte order: the cache key names it (cache.code_fingerprint).
_OFFSET: Final[Literal["Q"]] = "Q"


def pack(items: Iterable[Any]) -> tuple[bytes, bytes]:
    """Each item marshalled on its own, end to end, and the offsets between them."""
    parts = list(map(marshal.dumps, items))
    offsets = array(_OFFSET, [0])
    offsets.extend(accumulate(map(len, parts)))
    return b"".join(parts), offsets.tobytes()


class Records:
    """Records packed by `pack`, decoded one at a time."""

    def __init__(self, blob: bytes, offsets: bytes) -> None:
        self._blob = memoryview(blob)
        self._offsets = memoryview(offsets).cast(_OFFSET)
        if len(self._offsets) < 1 or self._offsets[-1] != len(blob):
            raise ValueError("packed records do not fill their blob")

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def load(self, number: int) -> Any:
        if not 0 <= number < len(self._offsets) - 1:
            raise IndexError(number)
        return marshal.loads(self._blob[self._offsets[number] : self._offsets[number + 1]])

    def load_all(self) -> Iterator[Any]:
        """Every record in order (a tight loop: the whole glossary pane, 100k rows)."""
        loads, blob, offsets = marshal.loads, self._blob, self._offsets.tolist()
        return (loads(blob[start:end]) for start, end in pairwise(offsets))


class LazyList:
    """A list of packed records, each decoded on first use and then kept."""

    def __init__(self, records: Records) -> None:
        self._records = records
        self._made: dict[int, Any] = {}

    def __len__(self) -> int:
        return len(self._records)

    def __getitem__(self, number: int) -> Any:
        item = self._made.get(number)
        if item is None:
            # setdefault: two threads decoding the same record share one object.
            item = self._made.setdefault(number, self._make(self._records.load(number)))
        return item

    def __iter__(self) -> Iterator[Any]:
        return iter(self.all())

    def all(self) -> list[Any]:
        """Every item in order, made where not made yet (and kept)."""
        made, make = self._made, self._make
        return [
            made.get(n) or made.setdefault(n, make(record))
            for n, record in enumerate(self._records.load_all())
        ]

    def _make(self, record: Any) -> Any:
        return record


class LazyEntries(LazyList):
    """Glossary entries by their order, made from packed rows when a match needs one."""

    def _make(self, record: Any) -> GlossaryEntry:
        return GlossaryEntry(*record)

    def __getitem__(self, number: int) -> GlossaryEntry:
        entry: GlossaryEntry = super().__getitem__(number)
        return entry


def entry_row(e: GlossaryEntry) -> tuple[Any, ...]:
    """An entry as builtins (GlossaryEntry(*row) makes it again)."""
    return (e.source, e.targets, e.forbidden, e.note, e.case_sensitive, e.extra)


class LazyGlossary:
    """The whole Glossary of packed entries, made on first request (the glossary pane,
    export, the spelling check's target words): identical to the one parsed, and
    sharing the entry objects matches already hold."""

    def __init__(
        self,
        entries: LazyEntries,
        extra_columns: list[str],
        path: str,
        source_lang: str | None,
        target_lang: str | None,
    ) -> None:
        self._entries = entries
        self._meta = (extra_columns, path, source_lang, target_lang)
        self._glossary: Glossary | None = None
        self._lock = threading.Lock()

    def get(self) -> Glossary:
        with self._lock:
            if self._glossary is None:
                extra_columns, path, source_lang, target_lang = self._meta
                # As an index loaded whole was (cache.gc_paused): no collection while
                # 100k entries are made, and none walks them afterwards.
                was_enabled = gc.isenabled()
                gc.disable()
                try:
                    entries = self._entries.all()
                    gc.freeze()
                finally:
                    if was_enabled:
                        gc.enable()
                self._glossary = Glossary(
                    entries, list(extra_columns), path, source_lang, target_lang
                )
            return self._glossary


def pack_buckets(by_first: dict[str, tuple[list[Any], dict[str, list[Any]]]]) -> tuple[
    dict[str, int], bytes, bytes
]:
    """The source terms by first word: a number per first word and, per number, its
    single-word terms with its longer terms by second word still packed.

    The records are the buckets (one per first word, numbered as `numbers` says) and,
    after them, every bucket's distinct lists of longer terms, each its own record: a
    bucket names them by number (`_seconds_index`), so opening a bucket decodes one
    string of its second words, not an object per second word and per list."""
    numbers = {first: n for n, first in enumerate(by_first)}
    lists: list[bytes] = []
    buckets = [
        (singles, _seconds_index(by_second, len(by_first), lists))
        for singles, by_second in by_first.values()
    ]
    blob, offsets = pack(buckets)
    ends = array(_OFFSET)
    ends.frombytes(offsets)
    ends.extend(accumulate(map(len, lists), initial=len(blob)))
    del ends[len(buckets) + 1]  # the lists' first start, which is the buckets' end
    return numbers, blob + b"".join(lists), ends.tobytes()


# A bucket's second words and the record numbers of their lists, one string:
# _NUMBER_END, then per second word: word, _WORD_END, number, _NUMBER_END.
_WORD_END, _NUMBER_END = "\x01", "\x00"
# What a bucket holds for its longer terms: that string and how many second words it
# lists, or (a second word holding a separator, never seen in practice) the lists
# marshalled by second word as before (`LazySeconds`).
Seconds = tuple[str, int] | dict[str, bytes]


def _seconds_index(by_second: dict[str, list[Any]], first: int, lists: list[bytes]) -> Seconds:
    """The `Seconds` of one bucket, its distinct lists appended to `lists` (record
    numbers from `first` on); equal lists (by the terms' identities: a name's terms are
    listed under its second word and again under that word's stem) as one record."""
    if any(_WORD_END in second or _NUMBER_END in second for second in by_second):
        return _packed_lists(by_second)
    same: dict[tuple[int, ...], int] = {}
    parts = [_NUMBER_END]
    for second, terms in by_second.items():
        key = tuple(map(id, terms))
        number = same.get(key)
        if number is None:
            number = same[key] = first + len(lists)
            lists.append(marshal.dumps(terms))
        parts.append(f"{second}{_WORD_END}{number}{_NUMBER_END}")
    return "".join(parts), len(by_second)


def _packed_lists(by_second: dict[str, list[Any]]) -> dict[str, bytes]:
    """Each list marshalled; equal ones as one object, which marshal then writes once
    (a name's terms are listed under its second word and again under that word's stem)."""
    same: dict[tuple[int, ...], bytes] = {}  # by the terms' identities (they are shared)
    packed: dict[str, bytes] = {}
    for second, terms in by_second.items():
        key = tuple(map(id, terms))
        data = same.get(key)
        if data is None:
            data = same[key] = marshal.dumps(terms)
        packed[second] = data
    return packed


class PackedSeconds:
    """A first word's terms by second word (`_seconds_index`): a second word is found in
    the bucket's string and its list decoded from the shared records on first use, the
    same list object for every second word naming it."""

    def __init__(self, index: str, count: int, records: Records) -> None:
        self._index = index
        self._count = count
        self._records = records
        self._made: dict[str, list[Any]] = {}  # second words found (misses are not kept:
        # the words a text asks are unbounded over a session, a bucket's are not)
        self._decoded: dict[int, list[Any]] = {}

    def __len__(self) -> int:
        return self._count

    def get(self, key: str) -> list[Any] | None:
        terms = self._made.get(key)
        if terms is None:
            if _WORD_END in key or _NUMBER_END in key:
                return None  # no second word holds a separator (`_seconds_index`)
            index = self._index
            at = index.find(f"{_NUMBER_END}{key}{_WORD_END}")
            if at < 0:
                return None
            start = at + len(key) + 2
            number = int(index[start : index.index(_NUMBER_END, start)])
            terms = self._decoded.get(number)
            if terms is None:
                terms = self._decoded.setdefault(number, self._records.load(number))
            terms = self._made.setdefault(key, terms)
        return terms


class LazySeconds:
    """A first word's terms by second word, each list decoded on first use."""

    def __init__(self, packed: dict[str, bytes]) -> None:
        self._packed = packed
        self._made: dict[str, list[Any]] = {}
        # By the packed bytes' identity: a word and its stem share one (_packed_lists), and
        # a text word offers both keys, so their list is decoded once.
        self._decoded: dict[int, list[Any]] = {}

    def __len__(self) -> int:
        return len(self._packed)

    def get(self, key: str) -> list[Any] | None:
        terms = self._made.get(key)
        if terms is None:
            data = self._packed.get(key)
            if data is None:
                return None
            terms = self._decoded.get(id(data))
            if terms is None:
                terms = self._decoded.setdefault(id(data), marshal.loads(data))
            terms = self._made.setdefault(key, terms)
        return terms


class LazyBuckets:
    """The source side's first-word table, decoded per first word on first use."""

    def __init__(self, numbers: dict[str, int], records: Records) -> None:
        if len(numbers) > len(records):  # the buckets, then their lists of longer terms
            raise ValueError("first words and their packed terms disagree")
        self._numbers = numbers
        self._records = records
        self._made: dict[str, tuple[list[Any], PackedSeconds | LazySeconds]] = {}

    def __len__(self) -> int:
        return len(self._numbers)

    def __iter__(self) -> Iterator[str]:
        return iter(self._numbers)

    def __getitem__(self, first: str) -> tuple[list[Any], PackedSeconds | LazySeconds]:
        bucket = self._made.get(first)
        if bucket is None:
            singles, by_second = self._records.load(self._numbers[first])
            seconds = (
                LazySeconds(by_second)
                if isinstance(by_second, dict)
                else PackedSeconds(by_second[0], by_second[1], self._records)
            )
            bucket = self._made.setdefault(first, (singles, seconds))
        return bucket
