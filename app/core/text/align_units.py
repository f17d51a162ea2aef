"""Alignment units: a sentence's (or paragraph's) length, anchors and vocabulary, and
the costs the DP charges for them (Gale–Church length cost, unmatched anchors).

Split from align_dp.py (the search) so each reads alone; the DP sums these costs in
a fixed order, so any change here must keep every value bit for bit (the oracle in
tests/core/text/test_align_oracle.py).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache

# "\d\d*" finds the runs "\d+" finds, about twice as fast: a pattern that starts with
# one character class lets the regex engine skip to its candidates in C.
_DIGITS = re.compile(r"\d\d*")
_WORDS = re.compile(r"[^\W\d_]+")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


class _Unit:
    """A sentence (or a whole paragraph) with what the cost function needs.

    A plain slotted class (not a frozen dataclass): a 45 MB text makes 700k of them.
    `anchors` maps each anchor to its count; `anchor_count` is their sum. `nums` holds
    the digit runs of the text (all an anchor that is a number can match); `vocab`,
    every token an anchor can match, is read from `text` only when a word anchor is
    looked up (English text: most of a unit's cost, and numbers are most anchors).
    Built with no `text`, `vocab` is the given set and `nums` the same set."""

    __slots__ = ("_text", "_vocab", "anchor_count", "anchors", "end", "length", "nums",
                 "para", "start")  # fmt: skip

    def __init__(
        self, para: int, start: int, end: int, anchors: dict[str, int], vocab: frozenset[str],
        text: str | None = None,
    ) -> None:  # fmt: skip
        self.para = para
        self.start = start
        self.end = end
        self.length = end - start
        self.anchors = anchors
        self.anchor_count = sum(anchors.values()) if anchors else 0
        self.nums = vocab
        self._vocab = vocab if text is None else None
        self._text = text

    @property
    def vocab(self) -> frozenset[str]:
        if self._vocab is None:
            assert self._text is not None
            self._vocab = _word_vocab(self._text[self.start : self.end], self.nums)
        return self._vocab


_NO_VOCAB: frozenset[str] = frozenset()


def _unit(text: str, para: int, start: int, end: int, ascii_text: bool = False) -> _Unit:
    """The unit of text[start:end]; `ascii_text`: the caller knows `text` is ASCII (no
    Cyrillic to look for: most English paragraphs, str.isascii() costing nothing)."""
    digits = _DIGITS.findall(text, start, end)
    anchors: dict[str, int] = {}
    for d in digits:
        anchors[d] = anchors.get(d, 0) + 1
    if not ascii_text and _CYRILLIC.search(text, start, end):
        latin = _LATIN_WORD.findall(text, start, end) if _ASCII_LETTER.search(
            text, start, end) else []  # fmt: skip
        for w in latin:
            if len(w) > 1 or w.isupper():
                anchors[w] = anchors.get(w, 0) + 1
        vocab = frozenset(digits + latin) if digits or latin else _NO_VOCAB
        return _Unit(para, start, end, anchors, vocab)
    # Text without Cyrillic: the words join the vocabulary when first looked up.
    return _Unit(para, start, end, anchors, frozenset(digits) if digits else _NO_VOCAB, text)


def _knows_word(unit: _Unit, word: str) -> bool:
    """`word in unit.vocab` for a word anchor (a Latin word: "[A-Za-z][A-Za-z'’-]*"),
    without reading the words of a unit without Cyrillic: only the occurrences of
    `word` in its text are looked at (see _is_token)."""
    vocab = unit._vocab
    if vocab is not None:
        return word in vocab
    assert unit._text is not None
    return _is_token(unit._text, unit.start, unit.end, word)


_LETTER = re.compile(r"[^\W\d_]")  # one character of a _WORDS token
_LATIN_INNER = "'’-"  # what a _LATIN_WORD token holds besides ASCII letters


def _is_ascii_letter(ch: str) -> bool:
    return "a" <= ch <= "z" or "A" <= ch <= "Z"


def _is_token(text: str, start: int, end: int, word: str) -> bool:
    """`word` (a Latin word anchor) is among _word_vocab(text[start:end])'s words: some
    occurrence is a whole _WORDS token (a maximal run of letters; `word` must then hold
    letters only) or a whole _LATIN_WORD token (a maximal run of ASCII letters and
    ' ’ -, from its first ASCII letter on). The words never matched, none is read."""
    size = len(word)
    letters = word.isalpha()
    at = text.find(word, start, end)
    while at >= 0:
        after = at + size
        if letters and (at == start or not _LETTER.match(text, at - 1)) and (
            after == end or not _LETTER.match(text, after)
        ):
            return True
        if after == end or not (_is_ascii_letter(text[after]) or text[after] in _LATIN_INNER):
            k = at - 1
            while k >= start and text[k] in _LATIN_INNER:
                k -= 1
            if k < start or not _is_ascii_letter(text[k]):
                return True
        at = text.find(word, at + 1, end)
    return False


def _word_vocab(chunk: str, nums: frozenset[str]) -> frozenset[str]:
    """The vocabulary of text without Cyrillic: its digit runs `nums`, words and Latin
    words (Latin words with ' or -: "isn't", "al-Assad")."""
    if chunk.isascii() and "'" not in chunk and "-" not in chunk:
        # ASCII text without ' or -: each Latin word is a whole letter run, a word
        return nums.union(_WORDS.findall(chunk))
    return nums.union(_WORDS.findall(chunk), _LATIN_WORD.findall(chunk))


@lru_cache(maxsize=65_536)
def _length_cost(l1: int, l2: int, c: float, s2: float) -> float:
    """-log P(|delta| this large) under the Gale–Church normal model."""
    if l1 == 0 and l2 == 0:
        return 0.0
    mean = (l1 + l2 / c) / 2
    z = abs((l2 - l1 * c) / math.sqrt(max(mean, 1e-9) * s2)) / math.sqrt(2)
    p = math.erfc(z)
    if p > 1e-300:
        return -math.log(p)
    return z * z + math.log(z * math.sqrt(math.pi))  # asymptotic tail of erfc


def _unmatched(
    units: Sequence[_Unit], k0: int, k1: int, other: Sequence[_Unit], l0: int, l1: int
) -> int:
    """How many anchors of units[k0:k1] no unit of other[l0:l1] has in its vocabulary:
    the anchor cost of the DP's merging beads is weight * (this + the other way).

    Ranges, not slices; each anchor is looked up in the other side's units one by one
    (no union of vocabularies), a number in their digit runs only (digit runs are never
    words: a number is in a vocabulary iff in its `nums`, and the words stay unread)."""
    missing = 0
    if l1 - l0 == 1:  # one unit on the other side (most merging beads): as _missing_one
        unit = other[l0]
        nums = unit.nums
        for k in range(k0, k1):
            anchors = units[k].anchors
            if anchors:
                for a, n in anchors.items():
                    if a not in nums and (a.isdigit() or not _knows_word(unit, a)):
                        missing += n
        return missing
    for k in range(k0, k1):
        anchors = units[k].anchors
        if anchors:
            for anchor, count in anchors.items():
                if anchor.isdigit():
                    for q in range(l0, l1):
                        if anchor in other[q].nums:
                            break
                    else:
                        missing += count
                else:
                    for q in range(l0, l1):
                        if _knows_word(other[q], anchor):
                            break
                    else:
                        missing += count
    return missing


def _prefixes(units: Sequence[_Unit]) -> tuple[list[int], list[int], list[int]]:
    """Running totals (index k: the first k units) of length, of units with anchors and
    of anchors."""
    lengths, anchored, counts = [0], [0], [0]
    for u in units:
        lengths.append(lengths[-1] + u.length)
        anchored.append(anchored[-1] + (1 if u.anchors else 0))
        counts.append(counts[-1] + u.anchor_count)
    return lengths, anchored, counts


def _missing_one(s: _Unit, t: _Unit) -> int:
    """_anchor_cost's count for a 1:1 bead: anchors of each side the other lacks."""
    missing = 0
    if s.anchors:
        nums = t.nums
        for a, n in s.anchors.items():
            if a not in nums and (a.isdigit() or not _knows_word(t, a)):
                missing += n
    if t.anchors:
        nums = s.nums
        for a, n in t.anchors.items():
            if a not in nums and (a.isdigit() or not _knows_word(s, a)):
                missing += n
    return missing


def _may_hold_words(text: str) -> bool:
    """False when no part of `text` can hold a word anchor (a Latin word needs Cyrillic
    around it and an ASCII letter): for a paragraph, checked once for its sentences."""
    return not text.isascii() and bool(_CYRILLIC.search(text)) and bool(
        _ASCII_LETTER.search(text))  # fmt: skip


def _pair_missing(
    src: str, a: int, b: int, src_words: bool, tgt: str, x: int, y: int, tgt_words: bool
) -> int:
    """_missing_one of the units src[a:b] and tgt[x:y], without making them when
    neither can hold a word anchor (`*_words` from _may_hold_words of the paragraph):
    then every anchor is a number, found iff among the other side's digit runs."""
    if (src_words and _CYRILLIC.search(src, a, b) and _ASCII_LETTER.search(src, a, b)) or (
        tgt_words and _CYRILLIC.search(tgt, x, y) and _ASCII_LETTER.search(tgt, x, y)
    ):
        return _missing_one(_unit(src, 0, a, b), _unit(tgt, 0, x, y))
    ds, dt = _DIGITS.findall(src, a, b), _DIGITS.findall(tgt, x, y)
    if ds == dt:
        return 0
    in_s, in_t = frozenset(ds), frozenset(dt)
    return sum(1 for d in ds if d not in in_t) + sum(1 for d in dt if d not in in_s)
