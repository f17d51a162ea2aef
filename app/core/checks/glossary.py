"""Glossary checks: rejected renderings in the target, approved renderings missing.

Both are pair-scoped and read only `ctx.glossary` (a GlossaryIndex built once per
glossary version), so re-checking an edited pair costs one source and one target scan.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterable, Iterator, Sequence

from app.core.checks.base import Check, CheckCategory, CheckContext
from app.core.glossary.matcher import GlossaryIndex
from app.core.glossary.model import GlossaryEntry
from app.core.glossary.term_scan import APPROVED, FORBIDDEN, TermMatch
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side


def _suggestion(entry: GlossaryEntry, found: str) -> str:
    """The preferred rendering, in capitals when the text shouts (KIEV -> KYIV)."""
    preferred = entry.target
    letters = [ch for ch in found if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return preferred.upper()
    return preferred


def _by_entry(matches: Iterable[TermMatch]) -> dict[int, list[TermMatch]]:
    grouped: dict[int, list[TermMatch]] = {}
    for match in matches:
        grouped.setdefault(id(match.entry), []).append(match)
    return grouped


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


class _GlossaryCheck(Check):
    """A pair-scoped check that needs the glossary; silent without one."""

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterator[Issue]:
        index = ctx.glossary
        if index is None:
            return
        for pair in pairs:
            yield from self._check_pair(pair, index)

    @abstractmethod
    def _check_pair(self, pair: Pair, index: GlossaryIndex) -> Iterator[Issue]:
        """The issues of one pair."""


class GlossaryForbiddenCheck(_GlossaryCheck):
    """A rendering the glossary rejects (Kiev, Mark Rubio) stands in the translation."""

    id = "glossary-forbidden"
    label = "Rejected term"
    description = (
        "A rendering the glossary rejects stands in the translation (Kiev, Mark Rubio); "
        "the suggestion is the approved one."
    )
    help = (
        "The team's glossary rejects this rendering (an old or Russian-based spelling, a "
        "wrong name); readers and the house style expect the approved one. Fix: Apply "
        "Suggestion, or Apply Suggestion to All when it recurs (Help > Keyboard Shortcuts "
        "lists their keys). If the glossary is wrong for this context, ignore the issue and "
        "correct the glossary entry."
    )
    category = CheckCategory.GLOSSARY
    default_severity = Severity.ERROR

    def _check_pair(self, pair: Pair, index: GlossaryIndex) -> Iterator[Issue]:
        forbidden = [m for m in index.target_matches(pair.target) if m.kind == FORBIDDEN]
        if not forbidden:
            return
        sources = _by_entry(index.source_matches(pair.source))
        seen: dict[int, int] = {}
        for match in forbidden:
            entry = match.entry
            occurrence = seen.get(id(entry), 0)
            seen[id(entry)] = occurrence + 1
            in_source = sources.get(id(entry), [])
            anchor = in_source[min(occurrence, len(in_source) - 1)] if in_source else None
            preferred = entry.target
            if preferred:
                message = (
                    f"“{match.text}” is a rejected rendering of {entry.source}: use “{preferred}”."
                )
            else:
                message = f"“{match.text}” is a rejected rendering of {entry.source}."
            if entry.note:
                message += f" ({entry.note})"
            yield self.issue(
                pair, Side.TARGET, match.start, match.end, message, text=match.text,
                suggestion=_suggestion(entry, match.text) if preferred else None,
                source_span=(anchor.start, anchor.end) if anchor else None,
            )


class GlossaryMissingCheck(_GlossaryCheck):
    """A glossary term in the source whose approved rendering the target lacks.

    Counts matter: a term twice in the source and once in the translation is
    reported. When a rejected rendering stands in its place, glossary-forbidden
    already reports it, so this check stays silent for that entry.
    """

    id = "glossary-missing"
    label = "Glossary term missing"
    description = (
        "A glossary term in the source (in any inflection) whose approved rendering is "
        "absent from the translation, or there fewer times."
    )
    help = (
        "The source uses a term the team has agreed on, but the translation never uses the "
        "approved rendering (or uses it fewer times), so the term was translated another way "
        "or dropped. Fix: edit the sentence to use the approved rendering shown in the "
        "message. Ignore it when the term is legitimately paraphrased."
    )
    category = CheckCategory.GLOSSARY
    default_severity = Severity.WARNING

    def _check_pair(self, pair: Pair, index: GlossaryIndex) -> Iterator[Issue]:
        sources = _by_entry(index.source_matches(pair.source))
        if not sources:
            return
        hits = index.target_hits(pair.target)
        for matches in sources.values():
            entry = matches[0].entry
            if not entry.targets:
                continue
            own = index.entry_target_matches(entry, hits)
            if any(m.kind == FORBIDDEN for m in own):
                continue
            approved = sum(1 for m in own if m.kind == APPROVED)
            if approved >= len(matches):
                continue
            anchor = matches[approved]
            renderings = " / ".join(f"“{t}”" for t in entry.targets)
            if approved == 0:
                message = (
                    f"“{anchor.text}” ({entry.source}): {renderings} missing from the translation."
                )
            else:
                message = (
                    f"{entry.source} occurs {_times(len(matches))} in the source but "
                    f"{renderings} only {_times(approved)} in the translation."
                )
            yield self.issue(
                pair, Side.SOURCE, anchor.start, anchor.end, message, text=anchor.text,
                suggestion=entry.target,
            )
