"""Paragraphs and sentences, with abbreviation rules for Ukrainian, Russian and English.

Sentence splitting is a single left-to-right scan (no backtracking regex), so a
10 MB paragraph is split in linear time. A boundary is a run of . ! ? … followed
by optional closing quotes/brackets, whitespace, and a sentence start (capital
letter, digit, opening quote, bracket or dash). A single "." does not end a
sentence after an initial ("В. Зеленський", "U.S."), a known abbreviation
("м. Київ", "вул.", "р.", "ст. 5", "Mr.") or inside a number ("15.5").
"""

from __future__ import annotations

import re

TERMINALS = frozenset(".!?…")
CLOSERS = frozenset("\"'»”“’)]}›")
OPENERS = frozenset("\"'«„“‘([{‹–—-")

# Lower-cased words that, followed by ".", do not end a sentence even before a
# capital or a digit. Ukrainian/Russian: place and address prefixes, "рік",
# article/page numbers, titles; English: titles and common abbreviations.
ABBREVIATIONS: frozenset[str] = frozenset(
    # uk / ru
    "м г с смт сел вул ул пров пер просп пр пл бульв буд б кв обл р рр ст стор с п пп "
    "ім им св проф акад доц канд д-р ген полк підп ген-л ген-м заст зам зав гол мін "
    "напр див рис табл розд гл ч т тт вип вид изд прим прим див пор ср "
    "пан пані гр тов гг н.е "
    # en
    "mr mrs ms dr prof st sr jr gen col lt sgt capt cpt maj adm gov sen rep rev hon pres "
    "no nos vol vols pp fig figs art sec ch inc ltd co corp bros jan feb mar apr jun jul "
    "aug sep sept oct nov dec mt ft approx vs cf e.g i.e u.s u.k u.n u.s.a"
    .split()
)
# After these an abbreviation still ends the sentence before a capital ("і т.д. Далі").
_SENTENCE_FINAL_ABBR = frozenset("т.д т.п т.ін т.і etc".split())
# A "." after this many letters ends no abbreviation and no initial (each is shorter,
# and lower() never shortens a word): _blocks_boundary would say False.
_LONG_WORD = 1 + max(len(word) for word in ABBREVIATIONS | _SENTENCE_FINAL_ABBR)

_MAX_WORD_LOOKBACK = 24
_TERMINAL_RE = re.compile(r"[.!?…]")


def split_paragraphs(text: str) -> list[str]:
    """Non-empty lines, stripped: each line of a plain-text article is a paragraph."""
    return [stripped for line in text.split("\n") if (stripped := line.strip())]


# Everything up to the last blank or opener before a "." (the regex's \s is str.isspace's
# set): what follows is the word `_word_before` looks at, found in C. (One greedy match
# that backs off from the end; searching for "[^...]*\Z" retried every start.)
_UP_TO_WORD = re.compile(r"""(?s:.*)[\s"'«„“‘(\[{‹–—-]""")


def _word_before(text: str, dot: int) -> str:
    """The token ending right before position `dot` (dots inside kept: "т.д", "U.S"),
    at most _MAX_WORD_LOOKBACK characters long."""
    chunk = text[max(0, dot - _MAX_WORD_LOOKBACK) : dot]
    found = _UP_TO_WORD.match(chunk)
    return chunk[found.end() :] if found is not None else chunk


def _blocks_boundary(text: str, dot: int, sentence_start: int) -> bool:
    """True if the single "." at `dot` belongs to an initial or an abbreviation."""
    word = _word_before(text, dot)
    if not word:
        return False
    if dot - len(word) == sentence_start and word.isdigit():
        return True  # a list number: "1. Пункт"
    low = word.lower()
    if low in _SENTENCE_FINAL_ABBR:
        return False
    last = low.rsplit(".", 1)[-1]
    # An initial: one capital letter ("В.", "Д.", the "S" of "U.S.").
    if len(last) == 1 and word[-1].isupper():
        return True
    return low in ABBREVIATIONS or (last in ABBREVIATIONS and "." in low)


_DASHES = "–—-"


def _starts_sentence(text: str, j: int) -> bool:
    ch = text[j]
    if ch in _DASHES:
        # "«Хто?» — спитав він": a dash followed by a lowercase word continues.
        k = j + 1
        while k < len(text) and k < j + 4 and text[k].isspace():
            k += 1
        return k >= len(text) or not text[k].islower()
    return ch.isupper() or ch.isdigit() or ch in OPENERS


def sentence_spans(paragraph: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, in order, trimmed of surrounding whitespace.

    Every non-space character of the paragraph lies in exactly one span.
    `lang` is accepted for language-specific rules; the abbreviation list is
    shared because uk/ru/en articles quote each other's names and places (and
    align.align_article reuses a paragraph's spans for an identical paragraph of the
    other language: make that language-aware if the rules ever become so).

    A span after the first starts on a non-space character and ends on a terminal or
    a closer, so only the first and the last are trimmed; a "." after a long word
    skips the abbreviation test (_LONG_WORD).
    """
    del lang  # one rule set serves uk, ru and en
    n = len(paragraph)
    spans: list[tuple[int, int]] = []
    start = 0
    i = 0
    # most paragraphs hold no terminal but ".": the next one is then str.find's (in C,
    # several times faster than the regex's scan)
    dots_only = not ("!" in paragraph or "?" in paragraph or "…" in paragraph)
    search = _TERMINAL_RE.search
    while i < n:
        if dots_only:
            run_start = paragraph.find(".", i)
            if run_start < 0:
                break
        else:
            found = search(paragraph, i)
            if found is None:
                break
            run_start = found.start()
        i = run_start + 1
        while i < n and paragraph[i] in TERMINALS:
            i += 1
        single = i == run_start + 1  # one terminal, no closer
        while i < n and paragraph[i] in CLOSERS:
            i += 1
            single = False
        end = i
        if i < n and not paragraph[i].isspace():
            continue  # "15.5", "example.com", "?!x": no boundary
        j = i + 1
        while j < n and paragraph[j].isspace():
            j += 1
        if j >= n:
            break
        ch = paragraph[j]
        if not (ch.isupper() or ch.isdigit() or (ch in OPENERS and ch not in _DASHES)) and (
            ch not in _DASHES or not _starts_sentence(paragraph, j)
        ):
            continue  # (_starts_sentence, its dash rule called only for a dash)
        if (
            single
            and paragraph[run_start] == "."
            and not (
                run_start >= _LONG_WORD and paragraph[run_start - _LONG_WORD : run_start].isalpha()
            )
            and _blocks_boundary(paragraph, run_start, start)
        ):
            continue
        if start:
            spans.append((start, end))  # start: a non-space character; end: after one
        else:
            _add_span(paragraph, start, end, spans)
        start = i = j
    if start and start < n and not paragraph[n - 1].isspace():
        spans.append((start, n))  # the last span of several, nothing to trim
    else:
        _add_span(paragraph, start, n, spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def split_sentences(paragraph: str, lang: str) -> list[str]:
    """The sentences of `paragraph` (the texts of sentence_spans)."""
    return [paragraph[s:e] for s, e in sentence_spans(paragraph, lang)]
