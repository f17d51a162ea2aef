"""name-unknown: the article's source names that the glossary does not know (info).

Each person, place or organisation (pymorphy3 Name/Surn/Geox/Orgn tags, or a
capitalised word no dictionary knows) is listed once per article, at its first
mention, with the rendering the translation gives it, so the editor can fix that
rendering in the team glossary (`verso glossary add FILE SOURCE TARGET`, or the
window's glossary pane). Only with a glossary loaded: without one every name would
be listed, and there is nowhere to add it.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

from app.core.checks.base import Check, CheckCategory, CheckContext
from app.core.checks.names_match import NAME_GRAMMEMES, SourceName
from app.core.checks.names_memo import NAME_LANGS, pair_renderings, pair_unlinked
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side
from app.core.text import morphology

if TYPE_CHECKING:
    from app.core.glossary.matcher import GlossaryIndex

_TAGS = NAME_GRAMMEMES | {"Orgn", "Abbr"}
_KNOWN: weakref.WeakKeyDictionary[GlossaryIndex, frozenset[str]] = weakref.WeakKeyDictionary()


def _glossary_words(index: GlossaryIndex, lang: str) -> frozenset[str]:
    """Case-folded words and lemmas of every glossary source term: a surname alone
    (Рубіо) is known when the glossary has the full name (Марко Рубіо)."""
    found = _KNOWN.get(index)
    if found is None:
        # Each distinct word once: a 100k-entry glossary repeats its first names.
        written = {word for entry in index.glossary.entries for word in entry.source.split()}
        words: set[str] = set()
        for word in written:
            words.add(word.casefold())
            words.update(lemma.casefold() for lemma in morphology.lemmas(word, lang))
        found = _KNOWN[index] = frozenset(words)
    return found


def _is_name(name: SourceName, lang: str) -> bool:
    if not name.text[:1].isupper():
        return False  # київський: the place itself is listed where it is named
    word = morphology.normalize(name.text)
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

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        if ctx.glossary is None or ctx.source_lang not in NAME_LANGS:
            return []
        seen: set[str] = set(_glossary_words(ctx.glossary, ctx.source_lang))
        issues: list[Issue] = []
        for pair in pairs:
            rendered = {(r.name.start, r.name.end): r.text for r in pair_renderings(pair, ctx)}
            names = [r.name for r in pair_renderings(pair, ctx)] + list(pair_unlinked(pair, ctx))
            for name in sorted(names, key=lambda n: n.start):
                key = name.forms[0].casefold()
                if seen.intersection(f.casefold() for f in name.forms):
                    continue
                if not _is_name(name, ctx.source_lang):
                    continue
                seen.add(key)
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
        return issues
