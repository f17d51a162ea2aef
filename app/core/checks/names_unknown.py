"""name-unknown: the article's source names that the glossary does not know (info).

Each person, place or organisation (pymorphy3 Name/Surn/Geox/Orgn tags, or a
capitalised word no dictionary knows) is listed once per article, at its first
mention, with the rendering the translation gives it, so the editor can fix that
rendering in the team glossary (`verso glossary add FILE SOURCE TARGET`, or the
window's glossary pane). Only with a glossary loaded: without one every name would
be listed, and there is nowhere to add it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar

from app.core.checks.base import Check, CheckCategory, CheckContext
from app.core.checks.names_match import NAME_GRAMMEMES, Rendering, SourceName
from app.core.checks.names_memo import (
    NAME_LANGS,
    memo_for,
    memoised_renderings,
    pair_unlinked,
    prepare_names,
)
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side
from app.core.text import morphology

if TYPE_CHECKING:
    from app.core.glossary.matcher import GlossaryIndex

_TAGS = NAME_GRAMMEMES | {"Orgn", "Abbr"}


def _glossary_words(index: GlossaryIndex, lang: str) -> frozenset[str]:
    """Case-folded words and lemmas of every glossary source term: a surname alone
    (Рубіо) is known when the glossary has the full name (Марко Рубіо). The index keeps
    them (a cached index brings them made: a 100k-entry glossary, no walk over every
    entry), the same object at every call."""
    return index.name_words(lang)


def _is_name(name: SourceName, lang: str) -> bool:
    if not name.text[:1].isupper():
        return False  # київський: the place itself is listed where it is named
    return _is_name_word(name.text, lang)


@lru_cache(maxsize=65_536)
def _is_name_word(text: str, lang: str) -> bool:
    """A capitalised word that is unknown or name-tagged (memoised: an article names
    the same people again and again, and each mention not yet listed asks)."""
    word = morphology.normalize(text)
    if not morphology.is_known(word, lang):
        return True
    return any(_TAGS & set(p.tag.grammemes) for p in morphology._parses(word, lang))


class NameUnknownCheck(Check):
    id: ClassVar[str] = "name-unknown"
    label: ClassVar[str] = "Name not in glossary"
    description: ClassVar[str] = (
        "A person, place or organisation in the source that the glossary does not know, "
        "with its rendering in the article, to add to the glossary (info)."
    )
    help = (
        "A name the glossary does not know is checked only against the article itself; once "
        "it is in the glossary, every later article is held to the same spelling. Add it "
        "(Glossary > Add Entry, or `glossary add`), or ignore it when the name is incidental."
    )
    category: ClassVar[CheckCategory] = CheckCategory.NAMES
    default_severity: ClassVar[Severity] = Severity.INFO
    article_scope: ClassVar[bool] = True

    def prepare(self, ctx: CheckContext) -> None:
        prepare_names(ctx)
        if ctx.glossary is not None and ctx.source_lang in NAME_LANGS:
            _glossary_words(ctx.glossary, ctx.source_lang)  # every term word lemmatised

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        if ctx.glossary is None or ctx.source_lang not in NAME_LANGS:
            return []
        known = _glossary_words(ctx.glossary, ctx.source_lang)
        memo = memo_for(ctx)
        # The last run's pairs (inputs, issues, names first listed there): a pair whose
        # inputs are unchanged, after pairs that listed the same names as last time,
        # gives the same issues (issue 12: a keystroke re-reads one pair, not all).
        last = memo.unknown if isinstance(memo.unknown, _Run) else None
        reuse = last is not None and last.lang == ctx.source_lang and last.known is known
        added: set[str] = set()
        keys: list[object] = []
        found: list[tuple[Issue, ...]] = []
        firsts: list[tuple[str, ...]] = []
        issues: list[Issue] = []
        for n, pair in enumerate(pairs):
            renderings = memoised_renderings(memo, pair, ctx)
            unlinked = pair_unlinked(pair, ctx, memo)
            key = (pair.index, pair.source, renderings, unlinked)
            if reuse and last is not None and n < len(last.keys) and last.keys[n] == key:
                mine, first = last.issues[n], last.firsts[n]
                added.update(first)
            else:
                mine, first = self._pair(pair, renderings, unlinked, known, added, ctx)
                reuse = reuse and last is not None and n < len(last.keys) and (
                    first == last.firsts[n]  # later pairs see the same names listed
                )
            keys.append(key)
            found.append(mine)
            firsts.append(first)
            issues.extend(mine)
        memo.unknown = _Run(ctx.source_lang, known, tuple(keys), tuple(found), tuple(firsts))
        return issues

    def _pair(
        self, pair: Pair, renderings: Sequence[Rendering], unlinked: Sequence[SourceName],
        known: frozenset[str], added: set[str], ctx: CheckContext,
    ) -> tuple[tuple[Issue, ...], tuple[str, ...]]:
        """The pair's issues and the names it lists first (added to `added`)."""
        rendered = {(r.name.start, r.name.end): r.text for r in renderings}
        names = [r.name for r in renderings] + list(unlinked)
        issues: list[Issue] = []
        first: list[str] = []
        for name in sorted(names, key=lambda n: n.start):
            key = name.forms[0].casefold()
            if _listed(name.forms, known, added):
                continue
            if not _is_name(name, ctx.source_lang):
                continue
            added.add(key)
            first.append(key)
            rendering = rendered.get((name.start, name.end))
            shown = f'rendered "{rendering}"' if rendering else "not found in the translation"
            target = rendering or "RENDERING"
            issues.append(
                self.issue(
                    pair, Side.SOURCE, name.start, name.end,
                    f'"{name.forms[0]}" is not in the glossary ({shown}); add it with '
                    f'`verso glossary add GLOSSARY "{name.forms[0]}" "{target}"`',
                    text=name.text, entry=(name.forms[0], rendering or ""),
                )
            )  # fmt: skip
        return tuple(issues), tuple(first)


def _listed(forms: tuple[str, ...], known: frozenset[str], added: set[str]) -> bool:
    """Whether a form of the name, case-folded, is a glossary word or listed already."""
    for form in forms:  # a loop: no generators a name
        folded = form.casefold()
        if folded in known or folded in added:
            return True
    return False


@dataclass(frozen=True)
class _Run:
    """One run of name-unknown over an article, per pair (one object: a reader on
    another thread never sees one run's keys with another run's issues)."""

    lang: str
    known: frozenset[str]
    keys: tuple[object, ...]
    issues: tuple[tuple[Issue, ...], ...]
    firsts: tuple[tuple[str, ...], ...]
