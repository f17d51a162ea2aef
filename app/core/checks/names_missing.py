"""name-missing: a Ukrainian name in the source that its translation does not carry over.

MT turns names that are also common words into those words (Суми -> "Amounts", Біла
Церква -> "White Church") or drops them. A source name counts as carried over when
its pair's target holds a rendering of it (any romanisation, a listed English form
or exonym, or a word alike enough to its romanisation). Only names known to be
Ukrainian are checked: a foreign name comes back in its own spelling, which no
romanisation predicts, and a pronoun for a foreigner is no error worth a warning.
The suggestion is the KMU 2010 form when the name is a listed place or first name;
otherwise the evidence is too weak to suggest anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, ClassVar

from app.core.checks.base import Check, CheckCategory, CheckContext
from app.core.checks.names_abbr import swaps
from app.core.checks.names_data import UKRAINIAN_GIVEN_NAMES, UKRAINIAN_PLACES
from app.core.checks.names_foreign import COMMON_WORD_TRAPS, EXONYMS, MULTIWORD_PLACES
from app.core.checks.names_match import SourceName
from app.core.checks.names_memo import (
    NAME_LANGS,
    NamesMemo,
    memo_for,
    pair_unlinked,
    prepare_names,
)
from app.core.checks.names_render import expected_form
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side
from app.core.text import morphology
from app.core.text.name_forms import likeness
from app.core.text.tokens import words as text_words
from app.core.text.translit import variants

CARRIED_LIKENESS = 60.0


def _known(name: SourceName) -> str | None:
    """The listed Ukrainian place or first name among the name's forms."""
    for form in name.forms:
        low = form.lower()
        if low in UKRAINIAN_PLACES or low in UKRAINIAN_GIVEN_NAMES:
            return form
    return None


# Surname endings that are Ukrainian and never an adjective (-ський also makes
# Європейського, Лейбористської): with a listed place or first name, what is checked.
_SURNAME_ENDINGS = ("енко", "чук", "щук", "юк", "ишин")


# Adjectives of a listed place that are also common adjectives (слов'янський "Slavic"):
# only their capitalised place name is checked. Other place adjectives (київським часом)
# must carry the place (Kyiv time).
_COMMON_ADJECTIVES = ("слов'ян", "слов’ян")


_POSSESSIVES = ("'s", "’s")


def _checked(name: SourceName) -> bool:
    if _known(name) is not None:
        return True
    return any(f.lower().endswith(_SURNAME_ENDINGS) and len(f) >= 6 for f in name.forms)


def _holds(spelling: str, folded_target: str, folded_words: set[str]) -> bool:
    """The target has `spelling` as a word (or words): "Kyy" inside "Zelenskyy" is not."""
    folded = spelling.casefold()
    return folded in folded_words if " " not in folded else folded in folded_target


def _carried(
    name: SourceName, folded_target: str, words: list[str], folded_words: set[str]
) -> bool:
    """Whether the target carries a form of the name (`words`: the target's words
    without a possessive 's, `folded_words` the same case-folded, made once a pair)."""
    for form in name.forms:
        low = form.lower()
        if any(_holds(e, folded_target, folded_words) for e in EXONYMS.get(low, ())):
            return True
        if any(_holds(v, folded_target, folded_words) for v in variants(form) if len(v) >= 3):
            return True
        romanised = expected_form(form, "uk")
        # a name is written with a capital: Lviv is not carried by "live", Rivne by "river"
        if any(_alike(romanised, w) for w in words if w[:1].isupper()):
            return True
    return False


# An adjective's ending (Donetskyi, Kropyvnytskyi): shared, it is no evidence of one name.
_ADJECTIVE_ENDING = re.compile(r"s[kc](?:yi|iy|yy|ii|y|i)$", re.IGNORECASE)


def _same_start(romanised: str, word: str) -> bool:
    """The word begins as the name does (Y- may be I-, E-, A-, U-, J-; H-, G-, K- are
    one): an inflected form's likeness alone lets "Ivan" carry Києва (Kyieva)."""
    a, b = romanised[:1].casefold(), word[:1].casefold()
    return a == b or (a == "y" and b in "aeiouj") or (a in "hgk" and b in "hgk")


def _alike(romanised: str, word: str) -> bool:
    """The word is near enough the romanisation to carry the name, judged without an
    adjective ending both share: "Kropyvnytskyi" does not carry донецький (Donetskyi)."""
    if not _same_start(romanised, word):
        return False
    a, b = _ADJECTIVE_ENDING.sub("", romanised), _ADJECTIVE_ENDING.sub("", word)
    if a == romanised or b == word:
        a, b = romanised, word
    return likeness(a, b) >= CARRIED_LIKENESS


def _trap(names: Sequence[SourceName], target: str) -> tuple[int, int, str] | None:
    """Where the target gives a listed common-word reading of the name(s), if it does."""
    keys = {f.lower() for n in names for f in n.forms}
    if len(names) == 2:
        keys.add(" ".join(n.text.lower() for n in names))
    for key, readings in COMMON_WORD_TRAPS.items():
        if key in keys or any(key.startswith(k[:4]) and " " in key for k in keys):
            for reading in readings:
                at = target.find(reading)
                if at >= 0:
                    return at, at + len(reading), reading
    return None


def _multiword(names: Sequence[SourceName]) -> str | None:
    if len(names) != 2:
        return None
    first, second = (n.text.lower() for n in names)
    for (a, b), kmu in MULTIWORD_PLACES.items():
        if first.startswith(a) and second.startswith(b):
            return kmu
    return None


_NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn"})
# Adjectives that make a name a translation, not a romanisation: a relative adjective of
# a place or people (Європейський Союз, Радянський Союз), a participle (Сполучене
# Королівство) or a point of the compass (Західна Вірджинія, Східний Єрусалим).
_TRANSLATED_ADJECTIVE = re.compile(r"(?:ськ|цьк|зьк|південн|північн|східн|західн|центральн)")
_UKRAINIAN_TEXT = re.compile(r"(?<!\w)(?:[Уу]країн|[Кк]иян|ЗСУ|СБУ|РНБО)")
_PARTICIPLE_TAGS = frozenset({"pssv", "actv", "PRTF"})


def _common_words_name(names: Sequence[SourceName], source: str) -> bool:
    """Two capitalised common words mid-sentence, an adjective and its noun (У Жовтих
    Водах): written with capitals there, they are a name, though the dictionary knows
    each word only as a common one (жовтий "yellow", вода "water"); MT calques them."""
    if len(names) != 2 or not all(n.text[:1].isupper() for n in names):
        return False
    before = source[: names[0].start].rstrip()
    if not before or before[-1] in ".!?:;«\"“(":
        return False
    if _TRANSLATED_ADJECTIVE.search(names[0].text.lower()):
        return False
    return _agreeing(names) is not None


@lru_cache(maxsize=4096)
def _parses(word: str) -> tuple[Any, ...]:
    return tuple(morphology.analyzer("uk").parse(word))


def _agreeing(names: Sequence[SourceName]) -> tuple[Any, Any] | None:
    """The parses of an adjective and its noun that agree (number and case), if any."""
    first, second = _parses(names[0].text), _parses(names[1].text)
    if any(_NAME_TAGS & p.tag.grammemes for p in (*first, *second)):
        return None
    if any(_PARTICIPLE_TAGS & p.tag.grammemes for p in first):
        return None
    for a in first:
        for b in second:
            if (
                a.tag.POS == "ADJF" and b.tag.POS == "NOUN"
                and a.tag.number == b.tag.number and a.tag.case == b.tag.case
            ):  # fmt: skip
                return a, b
    return None


def _nominative_kmu(names: Sequence[SourceName]) -> str | None:
    """The name in its nominative, romanised (Жовтих Водах -> Zhovti Vody)."""
    parses = _agreeing(names)
    if parses is None:
        return None
    words = [p.inflect({"nomn"}) for p in parses]
    if any(w is None for w in words):
        return None
    return " ".join(expected_form(w.word.capitalize(), "uk") for w in words)


_CAPITALISED_RUN = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:[ ]+[A-Z][a-z]+)+(?![\w'’-])")


def _calque(group: Sequence[SourceName], pair: Pair) -> tuple[int, int] | None:
    """Where the target has as many capitalised words in a row as the name has words
    (Жовтих Водах -> "Yellow Waters"), the run placed in its sentence most like the
    name is placed in the source; None when there is no such run."""
    runs: list[tuple[int, int]] = []
    for m in _CAPITALISED_RUN.finditer(pair.target):
        words = list(re.finditer(r"[A-Za-z]+", m.group()))
        before = pair.target[: m.start()].rstrip()
        if not before or before[-1] in ".!?:;\"“(":
            words = words[1:]  # a sentence's first word has its capital anyway
        if len(words) == len(group):
            runs.append((m.start() + words[0].start(), m.start() + words[-1].end()))
    if not runs:
        return None
    where = group[0].start / max(len(pair.source), 1)
    return min(runs, key=lambda r: abs(r[0] / max(len(pair.target), 1) - where))


class NameMissingCheck(Check):
    id: ClassVar[str] = "name-missing"
    label: ClassVar[str] = "Name not carried over"
    description: ClassVar[str] = (
        "A Ukrainian name in the source that the translation leaves out or turns into "
        'a common word (Суми → "Amounts", Біла Церква → "White Church").'
    )
    help = (
        "MT engines translate town names word by word and drop names they cannot place, so "
        "a reader meets a place that does not exist or loses who or where. Fix: write the "
        "name in its usual romanisation (the suggestion, where the evidence is good); "
        "ignore it when the translation renders the name another way on purpose."
    )
    category: ClassVar[CheckCategory] = CheckCategory.NAMES
    default_severity: ClassVar[Severity] = Severity.WARNING

    def prepare(self, ctx: CheckContext) -> None:
        prepare_names(ctx)

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        if ctx.source_lang not in NAME_LANGS or ctx.source_lang != "uk":
            return []
        issues: list[Issue] = []
        # Capitalised common words are taken for a name only in an article about Ukraine:
        # elsewhere they are mostly foreign names English translates (Червоний Хрест).
        about_ukraine = any(_UKRAINIAN_TEXT.search(pair.source) for pair in pairs)
        memo = memo_for(ctx)
        for pair in pairs:
            if pair.source.strip() and pair.target.strip():
                issues.extend(self._pair(pair, ctx, about_ukraine, memo))
                issues.extend(self._abbreviations(pair))
        return issues

    def _abbreviations(self, pair: Pair) -> list[Issue]:
        """ЗСУ rendered as "Russian Armed Forces", СБУ as "FSB" (names_abbr.py)."""
        out: list[Issue] = []
        for swap in swaps(pair.source, pair.target):
            start, end = swap.target_span
            text = pair.target[start:end]
            suggestion = swap.abbr.accepted[0]
            out.append(self.issue(
                pair, Side.TARGET, start, end,
                f'"{swap.abbr.abbr}" in the source is rendered as another organisation, '
                f'"{text}" (expected "{suggestion}" or another rendering of it)',
                text=text, suggestion=suggestion, severity=Severity.ERROR,
                source_span=swap.source_span,
            ))  # fmt: skip
        return out

    def _pair(
        self, pair: Pair, ctx: CheckContext, about_ukraine: bool, memo: NamesMemo
    ) -> list[Issue]:
        unlinked = [
            n for n in pair_unlinked(pair, ctx, memo)
            if not n.conventional_person and not n.foreign_person
            and (n.text[:1].isupper() or not n.text.lower().startswith(_COMMON_ADJECTIVES))
        ]  # fmt: skip
        # A chain is checked whole when it is a listed two-word place or all its names are
        # known; otherwise its known names alone (Наталією Гаврилицею: the first name).
        chains = [
            c if _multiword(c) is not None
            or (about_ukraine and _common_words_name(c, pair.source))
            else [n for n in c if _checked(n)]
            for c in _chains(unlinked, pair.source)
        ]  # fmt: skip
        chains = [c for c in chains if c]
        if not chains:
            return []
        folded = pair.target.casefold()
        words = [
            w[:-2] if w.endswith(_POSSESSIVES) else w for w in text_words(pair.target)
            if w[:1].isalpha()
        ]  # Kyiv's is Kyiv
        folded_words = {w.casefold() for w in words}
        return [
            self._issue(pair, chain, about_ukraine)
            for chain in chains
            if not all(_carried(n, folded, words, folded_words) for n in chain)
            # a calque carries neither word; one carried is a name half translated on
            # purpose (Велика Британія -> Great Britain)
            and not (
                about_ukraine and _common_words_name(chain, pair.source)
                and any(_carried(n, folded, words, folded_words) for n in chain)
            )
        ]

    def _issue(self, pair: Pair, group: list[SourceName], about_ukraine: bool) -> Issue:
        start, end = group[0].start, group[-1].end
        text = pair.source[start:end]
        kmu = _multiword(group)
        if kmu is None and len(group) == 1:
            known = _known(group[0])
            kmu = expected_form(known, "uk") if known else None
        trap = _trap(group, pair.target)
        if trap is not None:
            t_start, t_end, reading = trap
            message = (
                f'"{text}" is a name, but the translation renders it as the common '
                f'word(s) "{reading}"'
            )
            return self.issue(
                pair, Side.TARGET, t_start, t_end, message, text=reading, suggestion=kmu,
                severity=Severity.ERROR, source_span=(start, end),
            )
        common = about_ukraine and _common_words_name(group, pair.source)
        calque = _calque(group, pair) if common else None
        if calque is not None:
            kmu = kmu or _nominative_kmu(group)
            t_start, t_end = calque
            reading = pair.target[t_start:t_end]
            message = (
                f'"{text}" is a name, but the translation seems to translate its words '
                f'("{reading}") instead of giving the name'
            )
            return self.issue(
                pair, Side.TARGET, t_start, t_end, message, text=reading, suggestion=kmu,
                source_span=(start, end),
            )
        message = f'The name "{text}" is not carried over into the translation'
        if kmu:
            message += f' (expected "{kmu}" or another rendering of it)'
        return self.issue(pair, Side.SOURCE, start, end, message, text=text, suggestion=kmu)


def _chains(names: list[SourceName], source: str) -> list[list[SourceName]]:
    """Adjacent names (Білу Церкву) reported as one."""
    chains: list[list[SourceName]] = []
    for name in names:
        if chains and not source[chains[-1][-1].end : name.start].strip():
            chains[-1].append(name)
        else:
            chains.append([name])
    return chains
