"""sentence_spans against the scan it replaced (kept verbatim below as the oracle): the
fast paths (a span's trim only at the ends, the abbreviation test skipped after a long
word) must split every text as the plain scan did."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.text.segment import (
    _LONG_WORD,
    ABBREVIATIONS,
    CLOSERS,
    TERMINALS,
    _add_span,
    _blocks_boundary,
    _starts_sentence,
    sentence_spans,
)

_TERMINAL_RE = re.compile(r"[.!?…]")


def reference_spans(paragraph: str) -> list[tuple[int, int]]:
    """The scan as it was before the fast paths (497b254)."""
    n = len(paragraph)
    spans: list[tuple[int, int]] = []
    start = 0
    i = 0
    while i < n:
        found = _TERMINAL_RE.search(paragraph, i)
        if found is None:
            break
        i = run_start = found.start()
        while i < n and paragraph[i] in TERMINALS:
            i += 1
        run = paragraph[run_start:i]
        while i < n and paragraph[i] in CLOSERS:
            i += 1
        end = i
        if i < n and not paragraph[i].isspace():
            continue
        j = i
        while j < n and paragraph[j].isspace():
            j += 1
        if j >= n:
            break
        if not _starts_sentence(paragraph, j):
            continue
        if run == "." and end == run_start + 1 and _blocks_boundary(paragraph, run_start, start):
            continue
        _add_span(paragraph, start, end, spans)
        start = j
        i = j
    _add_span(paragraph, start, n, spans)
    return spans


# Words of every length around _LONG_WORD (abbreviations, initials, long words, a long
# word that ends in an abbreviation), digits, every terminal/closer/opener, odd blanks.
_PIECES = st.sampled_from(
    [*sorted(ABBREVIATIONS)[:40], "т.д", "etc", "U.S", "В", "X", "Київ", "Зеленський",
     "відсотків", "consternation", "ab", "abcdef", "abcdefg", "abcdefgh", "xабв", "Mr",
     "просп", "1", "15", "2025", "٣", "İstanbul", "ǅx", "х-ст", " ", "  ", "\u00a0", "\n",
     "\t", ".", ". ", "..", "!", "?", "…", "?!", "«", "»", "„", "“", "”", "\"", "'", "’",
     "(", ")", "[", "]", "—", "–", "-", "›", "‹", "a", "А", "б", "Ж", "z"]
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=30))
def test_spans_match_the_plain_scan(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert sentence_spans(text, "uk") == reference_spans(text)


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("aБ .!?…»)(«— \n1XвулМ'"), max_size=80))
def test_spans_match_the_plain_scan_on_any_mix(text: str) -> None:
    assert sentence_spans(text, "en") == reference_spans(text)


def test_long_word_is_longer_than_every_abbreviation() -> None:
    assert all(len(word) < _LONG_WORD for word in ABBREVIATIONS)
    assert frozenset(".!?…") == TERMINALS  # sentence_spans' dots-only test names the others
    assert sentence_spans("Це сказав проф. Петренко. Далі.", "uk") == [(0, 25), (26, 31)]


def test_known_paragraphs_split_as_before() -> None:
    text = (
        "У м. Київ сказали, що ціна зросла на 15.5 відсотка за рік. В. Зеленський "
        "заявив: «Ні!» — і пішов. Mr. Smith left the U.S. Then he came back… (12) "
        "Далі: т.д. Кінець консультацій. Abcdefg. Abcdefgh. Ст. 5"
    )
    assert sentence_spans(text, "uk") == reference_spans(text)
    assert len(sentence_spans(text, "uk")) == 8


def test_abbreviation_near_the_start_of_a_short_text() -> None:
    """A "." fewer than _LONG_WORD characters in: the long-word test must not wrap round."""
    for text in ("м. Київ", "Ст. 5", "вул. Б", "Mr. X.", "В. Зеленський"):
        assert sentence_spans(text, "uk") == reference_spans(text) == [(0, len(text))]
