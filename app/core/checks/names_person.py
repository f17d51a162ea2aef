"""A person the translation itself treats as Ukrainian: the Russian form of the surname.

Ukrainian spelling writes Russian surnames with є and і (Пєсков, Лєбєдєв), so a
single Russian change (Kabaev for Кабаєв) is no evidence by itself, and such a
surname is not known to be Ukrainian (names_russian.py asks two changes then). But
when the first name in the same chain is a listed Ukrainian first name that the
translation gives in its Ukrainian form, where the Russian form differs (Vladyslav,
not Vladislav), the translation treats the person as Ukrainian; a Russian form of the
surname beside it (Vladyslav Kabaev) is then one person spelt two ways, and one
change is evidence enough.

Likewise a first name in the Russian letter style (German for Герман, g for г) is
reported when the surname right after it is recognisably Ukrainian (Галущенко): the
list of Ukrainian first names cannot hold them all, and "German Gref" (a Russian
surname) stays unflagged.

And the other way: a first name with a conventional English form (Даяна -> Diana)
romanised letter by letter ("Daiana") right before a surname the translation spells
in a foreign way, not by any romanisation (Кролл -> "Krall", KMU Kroll), is reported
as not the usual form: the translation itself treats the person as foreign, though
the surname is in no list of foreign public figures. Only when an English dictionary
knows the usual form as a proper noun and not the romanised one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from app.core.checks.names_data import UKRAINIAN_GIVEN_NAMES, UKRAINIAN_PLACES
from app.core.checks.names_foreign import foreign_given
from app.core.checks.names_known import is_known_proper
from app.core.checks.names_match import Rendering, SourceName
from app.core.checks.names_render import expected_form
from app.core.checks.names_russian import is_russian_form
from app.core.text.name_forms import russian_style_forms
from app.core.text.translit import variants_by_kind


def _ukrainian_first_name(r: Rendering) -> bool:
    """A listed first name rendered KMU where its Russian form differs (Vladyslav)."""
    if r.kind != "kmu" or r.form.lower() not in UKRAINIAN_GIVEN_NAMES or not r.name.surname:
        return False
    russian = {f.casefold() for f in russian_style_forms(r.form)}
    russian |= {f.casefold() for f in variants_by_kind(r.form, "uk")["russian"]}
    return bool(russian) and r.text.casefold() not in russian


def surnames_of_ukrainians(rendered: list[Rendering], lang: str) -> list[Rendering]:
    """Renderings with a surname's Russian form marked as such when its first name is
    given in its Ukrainian form (see the module doc)."""
    if lang != "uk":
        return rendered
    surnames = {f for r in rendered if _ukrainian_first_name(r) for f in r.name.surname}
    if not surnames:
        return rendered
    out: list[Rendering] = []
    for r in rendered:
        name = r.name
        if (
            r.kind in ("near", "g-for-h") and not name.ukrainian
            and not name.conventional_person and not name.foreign_person
            and any(f.casefold() in surnames for f in name.forms)
            and is_russian_form(r.form, r.text, ukrainian=True)
        ):  # fmt: skip
            r = replace(
                r, name=replace(name, ukrainian=True), kind="russian",
                expected=expected_form(r.form, lang),
            )  # fmt: skip
        out.append(r)
    return out


def _ukrainian_surname(name: SourceName) -> bool:
    return (
        name.ukrainian
        and not name.conventional_person
        and not any(
            f.lower() in UKRAINIAN_GIVEN_NAMES or f.lower() in UKRAINIAN_PLACES for f in name.forms
        )
    )


def first_names_of_ukrainians(
    rendered: list[Rendering], names: Sequence[SourceName], source: str, lang: str
) -> list[Rendering]:
    """A G-for-H rendering of a name right before a Ukrainian surname is reported
    (Герман Галущенко -> German; see the module doc)."""
    if lang != "uk":
        return rendered
    out: list[Rendering] = []
    for r in rendered:
        name = r.name
        if r.kind == "g-for-h" and not name.ukrainian and not name.conventional_person:
            after = min((n for n in names if n.start >= name.end), key=lambda n: n.start,
                        default=None)  # fmt: skip
            if (
                after is not None and not source[name.end : after.start].strip()
                and _ukrainian_surname(after)
            ):  # fmt: skip
                r = replace(r, name=replace(name, ukrainian=True))
        out.append(r)
    return out


def _next_name(name: SourceName, names: Sequence[SourceName], source: str) -> SourceName | None:
    """The name right after `name`, with only spaces between (its surname)."""
    after = min((n for n in names if n.start >= name.end), key=lambda n: n.start, default=None)
    if after is None or source[name.end : after.start].strip():
        return None
    return after


def first_names_of_foreigners(
    rendered: list[Rendering], names: Sequence[SourceName], source: str, lang: str
) -> list[Rendering]:
    """A first name with a conventional English form, romanised, before a surname the
    translation spells in a foreign way (Даяну Кролл -> Daiana Krall; see the module
    doc)."""
    if lang != "uk":
        return rendered
    foreign_spelt = {r.name.start for r in rendered if r.kind == "foreign"}
    out: list[Rendering] = []
    for r in rendered:
        name = r.name
        usual = foreign_given((r.form,))
        if (
            usual and r.kind == "kmu"
            and not name.foreign_person and not name.conventional_person
            and r.form.lower() not in UKRAINIAN_GIVEN_NAMES
            and r.text.casefold() not in {u.casefold() for u in usual}
            # an English dictionary knows the usual form, not the romanised one
            and not is_known_proper(r.text) and is_known_proper(usual[0])
        ):  # fmt: skip
            after = _next_name(name, names, source)
            if after is not None and after.start in foreign_spelt:
                r = replace(
                    r, name=replace(name, foreign_person=True), kind="not-conventional",
                    expected=usual[0],
                )  # fmt: skip
        out.append(r)
    return out
