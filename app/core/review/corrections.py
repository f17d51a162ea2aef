"""From an editor's correction to a proposed glossary entry.

`diff_words` finds what the editor changed (word-level diff of the MT target vs the
edited target). `propose_entries` keeps only name/term-like changes (capitalised
words, or words the glossary already knows), finds the source words they render by
transliteration similarity (Марко -> Marko ~ Marco; Києві -> lemma Київ -> Kyiv), and
proposes: source term in lemma form, the new rendering, the old one as forbidden.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.text.tokens import Token, tokenize

MIN_SIMILARITY = 0.5


@dataclass(frozen=True)
class Change:
    """Words replaced or inserted: `old` in the MT text, `new` at start:end of the edited text."""

    old: str
    new: str
    start: int
    end: int
    old_start: int = 0
    old_end: int = 0


@dataclass(frozen=True)
class ProposedEntry:
    """A glossary entry the window offers after a correction; editable before saving."""

    source: str
    target: str
    forbidden: tuple[str, ...]
    note: str
    author: str
    date: str

    def to_entry(self) -> GlossaryEntry:
        extra = tuple((k, v) for k, v in (("author", self.author), ("updated", self.date)) if v)
        return GlossaryEntry(self.source, (self.target,), self.forbidden, self.note, extra=extra)


def _token_ops(old: list[Token], new: list[Token]) -> list[tuple[str, int, int, int, int]]:
    matcher = difflib.SequenceMatcher(a=[t.text for t in old], b=[t.text for t in new],
                                      autojunk=False)  # fmt: skip
    return [op for op in matcher.get_opcodes() if op[0] != "equal"]


def diff_words(mt_target: str, edited_target: str) -> list[Change]:
    """Word-level changes from the MT text to the edited text (deletions have new='')."""
    old, new = tokenize(mt_target), tokenize(edited_target)
    changes: list[Change] = []
    for _, i1, i2, j1, j2 in _token_ops(old, new):
        o_start = old[i1].start if i1 < i2 else (old[i1 - 1].end if i1 else 0)
        o_end = old[i2 - 1].end if i1 < i2 else o_start
        n_start = new[j1].start if j1 < j2 else (new[j1 - 1].end if j1 else 0)
        n_end = new[j2 - 1].end if j1 < j2 else n_start
        changes.append(Change(mt_target[o_start:o_end], edited_target[n_start:n_end],
                              n_start, n_end, o_start, o_end))  # fmt: skip
    return changes


# -- transliteration and lemmas ------------------------------------------------------------
@lru_cache(maxsize=4096)
def _translit(word: str, lang: str) -> str:
    from translitua import RussianSimple, UkrainianKMU, translit

    table = RussianSimple if lang == "ru" else UkrainianKMU
    return str(translit(word, table)).casefold()


@lru_cache(maxsize=2)
def _analyzer(lang: str) -> object | None:
    try:
        from app.core.text.morphology import analyzer

        shared: object = analyzer(lang)  # the checks' analyzer: one dictionary load
        return shared
    except Exception:  # no dictionary for this language: words are taken as they are
        return None


@lru_cache(maxsize=4096)
def _normal_forms(word: str, lang: str) -> tuple[str, ...]:
    """Every lemma pymorphy3 offers (not only the first: Києві -> кий | київ), word first."""
    forms = [word.casefold()]
    analyzer = _analyzer(lang) if lang in ("uk", "ru") else None
    if analyzer is not None:
        for parse in analyzer.parse(word):  # type: ignore[attr-defined]
            if parse.normal_form not in forms:
                forms.append(parse.normal_form)
    return tuple(forms)


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(a=a, b=b, autojunk=False).ratio()


def _best_lemma(word: str, renderings: Sequence[str], lang: str) -> tuple[str, float]:
    """The lemma of `word` whose romanisation is closest to one of the renderings."""
    best, score = word, -1.0
    for i, form in enumerate(_normal_forms(word, lang)):
        latin = _translit(form, lang)
        s = max(_similarity(latin, r.casefold()) for r in renderings)
        s += 0.01 if i else 0.0  # prefer a lemma over the inflected form on ties
        if s > score:
            best, score = form, s
    if word[:1].isupper():
        best = best[:1].upper() + best[1:]
    return best, score


# -- proposals -------------------------------------------------------------------------
def _is_term_like(tokens: Sequence[Token], known: set[str]) -> bool:
    return any(t.is_capitalized or t.text.casefold() in known for t in tokens)


def _expand(tokens: list[Token], i1: int, i2: int, text: str) -> tuple[int, int]:
    """Widen a changed token range over adjacent capitalised words (the rest of the name)."""
    while (
        i1 > 0
        and tokens[i1 - 1].is_capitalized
        and not text[tokens[i1 - 1].end : tokens[i1].start].strip()
    ):
        i1 -= 1
    while i2 < len(tokens) and tokens[i2].is_capitalized and (
        i2 == 0 or not text[tokens[i2 - 1].end : tokens[i2].start].strip()
    ):
        i2 += 1
    return i1, i2


def _name_word(source: Sequence[Token], i: int, text: str) -> bool:
    """A capitalised source word that is not capitalised only for starting a sentence."""
    if not source[i].is_capitalized:
        return False
    before = text[: source[i].start].rstrip()
    return bool(before) and before[-1] not in ".!?:…«\"“"


def _known_words(glossary: Glossary | None) -> set[str]:
    words: set[str] = set()
    for entry in glossary or ():
        for rendering in entry.targets + entry.forbidden:
            words.update(t.text.casefold() for t in tokenize(rendering))
    return words


def _align(
    targets: Sequence[Token], olds: Sequence[Token], source: Sequence[Token], lang: str
) -> list[tuple[int, Token]]:
    """(source index, target token) for each target word some source word romanises to."""
    aligned: list[tuple[int, Token]] = []
    for k, tok in enumerate(targets):
        renderings = [tok.text] + ([olds[k].text] if k < len(olds) else [])
        best, best_score = -1, MIN_SIMILARITY
        for i, src in enumerate(source):
            _, score = _best_lemma(src.text, renderings, lang)
            if score >= best_score:
                best, best_score = i, score
        if best >= 0:
            aligned.append((best, tok))
    return aligned


def propose_entries(
    pair_source: str,
    mt_target: str,
    edited_target: str,
    source_lang: str,
    glossary: Glossary | None = None,
    author: str = "",
    date: str = "",
) -> list[ProposedEntry]:
    """Glossary entries suggested by the name/term corrections in one pair."""
    old, new = tokenize(mt_target), tokenize(edited_target)
    source = tokenize(pair_source)
    known = _known_words(glossary)
    proposals: list[ProposedEntry] = []
    for tag, i1, i2, j1, j2 in _token_ops(old, new):
        if tag == "delete" or not _is_term_like(old[i1:i2] + new[j1:j2], known):
            continue
        known_entry = _glossary_entry(glossary, mt_target, edited_target, old[i1:i2], new[j1:j2])
        if known_entry is not None:
            proposal = _from_known(known_entry, mt_target, edited_target, old[i1:i2],
                                   new[j1:j2], author, date)  # fmt: skip
            if not _already_known(proposal, glossary) and proposal not in proposals:
                proposals.append(proposal)
            continue
        a1, a2 = _expand(old, i1, i2, mt_target) if i1 < i2 else (i1, i2)
        b1, b2 = _expand(new, j1, j2, edited_target)
        aligned = _align(new[b1:b2], old[a1:a2], source, source_lang)
        changed = {id(t) for t in new[j1:j2]} if j1 < j2 else {id(t) for t in new[b1:b2]}
        while aligned and id(aligned[0][1]) not in changed and not _name_word(
            source, aligned[0][0], pair_source
        ):
            aligned.pop(0)
        while aligned and id(aligned[-1][1]) not in changed and not _name_word(
            source, aligned[-1][0], pair_source
        ):
            aligned.pop()
        if not any(id(t) in changed for _, t in aligned):
            continue
        first_tok, last_tok = aligned[0][1], aligned[-1][1]
        indexes = sorted({i for i, _ in aligned})
        if indexes[-1] - indexes[0] + 1 > len(aligned) + 1:
            continue  # the words are scattered over the sentence: not one term
        lemmas = []
        for i in range(indexes[0], indexes[-1] + 1):
            renderings = [t.text for k, t in aligned if k == i] or [first_tok.text]
            lemmas.append(_best_lemma(source[i].text, renderings, source_lang)[0])
        term = " ".join(lemmas)
        rendering = edited_target[first_tok.start : last_tok.end]
        old_rendering = _old_span(old, a1, a2, new[b1:b2], aligned, mt_target)
        forbidden = (old_rendering,) if old_rendering and old_rendering != rendering else ()
        proposal = ProposedEntry(term, rendering, forbidden,
                                 f"editor's correction of '{old_rendering}'" if forbidden else "",
                                 author, date)  # fmt: skip
        if not _already_known(proposal, glossary) and proposal not in proposals:
            proposals.append(proposal)
    return proposals


def _old_span(
    old: list[Token], a1: int, a2: int, new_span: list[Token],
    aligned: list[tuple[int, Token]], text: str,
) -> str:  # fmt: skip
    """The MT words the aligned new words replaced (same positions within the name)."""
    if a1 >= a2:
        return ""
    first = new_span.index(aligned[0][1])
    last = new_span.index(aligned[-1][1])
    lo = min(a1 + first, a2 - 1)
    hi = min(a1 + last, a2 - 1) if len(new_span) == a2 - a1 else a2 - 1
    return text[old[lo].start : old[hi].end]


def _span(text: str, tokens: Sequence[Token]) -> str:
    return text[tokens[0].start : tokens[-1].end] if tokens else ""


def _glossary_entry(
    glossary: Glossary | None, mt: str, edited: str,
    old: Sequence[Token], new: Sequence[Token],
) -> GlossaryEntry | None:  # fmt: skip
    """The entry whose renderings the changed words are: the glossary knows the term."""
    old_text, new_text = _span(mt, old).casefold(), _span(edited, new).casefold()
    for entry in glossary or ():
        renderings = {r.casefold() for r in entry.targets + entry.forbidden}
        if (new_text and new_text in renderings) or (old_text and old_text in renderings):
            return entry
    return None


def _from_known(
    entry: GlossaryEntry, mt: str, edited: str,
    old: Sequence[Token], new: Sequence[Token], author: str, date: str,
) -> ProposedEntry:  # fmt: skip
    old_text, new_text = _span(mt, old), _span(edited, new)
    forbidden = (old_text,) if old_text and old_text != new_text else ()
    note = f"editor's correction of '{old_text}'" if forbidden else ""
    return ProposedEntry(entry.source, new_text or entry.target, forbidden, note, author, date)


def _already_known(proposal: ProposedEntry, glossary: Glossary | None) -> bool:
    entry = glossary.find(proposal.source) if glossary is not None else None
    return (
        entry is not None
        and proposal.target in entry.targets
        and set(proposal.forbidden) <= set(entry.forbidden)
    )
