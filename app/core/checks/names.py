"""name-mismatch: a Cyrillic name's rendering checked against house-style romanisation.

name-mismatch compares each source name's rendering with its official romanisation
(KMU 2010 for Ukrainian). Only renderings that spell the name letter by letter, or
known Russian-style/anglicised forms, are compared; translations (Crimea) and
original spellings of foreign names (Trump) are left alone. Russian-style and
anglicised forms are errors, other near spellings warnings; common English forms
(Zelensky, Andriy, Yulia) pass, and so do Russian-style names of the people in
CONVENTIONAL_PEOPLE (Vladimir Putin). A name or rendering the glossary covers is
left to the glossary checks. A Russian-style first name whose surname is not
recognised as Ukrainian, in a sentence with no other Ukrainian name or word, may be
right for a foreigner (Vladimir Kavardarkov, a Macedonian): it is only a warning, and
only information when the sentence points to Russia (Russian minister Aleksandr
Novak). Vladimir Zelensky stays an error: Зеленський is a Ukrainian surname.

name-inconsistent (one name spelled two ways in an article) is names_inconsistent.py:
the two checks share only the renderings (names_match, names_render, names_memo).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from app.core.checks.base import Check, CheckCategory, CheckContext
from app.core.checks.names_match import Rendering
from app.core.checks.names_memo import pair_renderings, prepare_names
from app.core.checks.names_render import in_case_of
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side

_KIND_TEXT = {
    "russian": "a Russian-style form",
    "anglicised": "an English equivalent, not a romanisation",
    "g-for-h": "a Russian-style spelling (g for Ukrainian г)",
    "near": "a non-standard romanisation",
    "not-conventional": "not the usual English form of this foreign person's name",
}


def _severity(r: Rendering) -> Severity:
    """Russian-style and anglicised forms are errors, unless the person may be foreign."""
    if r.kind in ("russian", "anglicised") and r.name.unsure_nationality:
        return Severity.INFO if r.name.russian_context else Severity.WARNING
    errors = ("russian", "anglicised", "not-conventional")
    return Severity.ERROR if r.kind in errors else Severity.WARNING


class NameMismatchCheck(Check):
    id: ClassVar[str] = "name-mismatch"
    label: ClassVar[str] = "Name romanisation"
    description: ClassVar[str] = (
        "A Cyrillic name rendered differently from its official romanisation "
        "(Марко → Mark instead of Marko, Олег → Oleg), unless the glossary approves it."
    )
    help = (
        "Names of people and places follow the official Ukrainian romanisation (or the "
        "spelling the glossary approves); MT engines often use Russian-based or anglicised "
        "forms. Fix: apply the suggestion, and add the name to the glossary when the person "
        "prefers another spelling, so the next article is checked against it."
    )
    category: ClassVar[CheckCategory] = CheckCategory.NAMES
    default_severity: ClassVar[Severity] = Severity.ERROR

    def prepare(self, ctx: CheckContext) -> None:
        prepare_names(ctx)

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        issues: list[Issue] = []
        for pair in pairs:
            for r in pair_renderings(pair, ctx):
                if not r.flagged:
                    continue
                severity = _severity(r)
                system = "KMU 2010" if ctx.source_lang == "uk" else "the standard romanisation"
                if r.kind == "not-conventional":
                    system = "the usual English form is"
                doubt = (
                    "; the surname is not a recognisably Ukrainian one: keep the form if "
                    "the person is not Ukrainian"
                    if severity is not Severity.ERROR and r.kind == "russian"
                    else ""
                )
                message = (
                    f'"{r.name.text}" is rendered "{r.text}", {_KIND_TEXT[r.kind]}; '
                    f'{system}{"" if system.endswith(" is") else " gives"} "{r.expected}"{doubt}'
                )
                # Weak evidence (a first name, maybe a foreigner's): flag, suggest nothing.
                weak = r.name.unsure_nationality and r.kind != "not-conventional"
                issues.append(
                    self.issue(
                        pair, Side.TARGET, r.start, r.end, message, text=r.text,
                        severity=severity,
                        suggestion=None if weak else in_case_of(r.expected, r.text),
                        source_span=(r.name.start, r.name.end),
                    )
                )
        return issues
