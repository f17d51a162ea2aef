"""Three-way merge: both sides' additions kept, real conflicts shown, deletions honoured."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.core.glossary.merge import Choice, apply_choice, by_key, merge
from app.core.glossary.model import GlossaryEntry

KYIV = GlossaryEntry("Київ", ("Kyiv",), ("Kiev",))
RUBIO = GlossaryEntry("Марко Рубіо", ("Marco Rubio",), ("Mark Rubio",))
LVIV = GlossaryEntry("Львів", ("Lviv",), ("Lvov",))
ODESA = GlossaryEntry("Одеса", ("Odesa",), ("Odessa",))


def test_additions_from_both_sides_are_kept() -> None:
    result = merge([KYIV], [KYIV, RUBIO], [KYIV, LVIV])
    assert result.entries == [KYIV, LVIV, RUBIO]
    assert result.conflicts == []


def test_change_on_one_side_wins_over_unchanged() -> None:
    mine_kyiv = GlossaryEntry("Київ", ("Kyiv",), ("Kiev", "Kiew"))
    assert merge([KYIV, LVIV], [mine_kyiv, LVIV], [KYIV, LVIV]).entries == [mine_kyiv, LVIV]
    assert merge([KYIV, LVIV], [KYIV, LVIV], [mine_kyiv, LVIV]).entries == [mine_kyiv, LVIV]


def test_different_changes_to_one_entry_conflict_and_nothing_is_dropped() -> None:
    mine = GlossaryEntry("Київ", ("Kyiv",), ("Kiev", "Kiew"))
    theirs = GlossaryEntry("Київ", ("Kyiv", "Kyiv city"), ("Kiev",))
    result = merge([KYIV], [mine], [theirs])
    [conflict] = result.conflicts
    assert (conflict.base, conflict.mine, conflict.theirs) == (KYIV, mine, theirs)
    assert result.entries == [theirs]
    assert apply_choice(result.entries, conflict, Choice.MINE) == [mine]
    edited = GlossaryEntry("Київ", ("Kyiv", "Kyiv city"), ("Kiev", "Kiew"))
    assert apply_choice(result.entries, conflict, edited) == [edited]


def test_same_change_on_both_sides_is_not_a_conflict() -> None:
    new = GlossaryEntry("Київ", ("Kyiv",), ("Kiev", "Kiew"), extra=(("author", "ann"),))
    same = GlossaryEntry("Київ", ("Kyiv",), ("Kiev", "Kiew"), extra=(("author", "bob"),))
    result = merge([KYIV], [new], [same])
    assert result.conflicts == [] and result.entries == [same]


def test_deletion_honoured_unless_the_other_side_changed_it() -> None:
    assert merge([KYIV, LVIV], [LVIV], [KYIV, LVIV]).entries == [LVIV]
    assert merge([KYIV, LVIV], [KYIV, LVIV], [LVIV]).entries == [LVIV]
    changed = GlossaryEntry("Київ", ("Kyiv",), ("Kiev", "Kiew"))
    result = merge([KYIV, LVIV], [LVIV], [changed, LVIV])
    assert [c.key for c in result.conflicts] == ["київ"]
    assert result.conflicts[0].mine is None
    assert changed in result.entries


def test_both_add_same_source_differently_is_a_conflict() -> None:
    a = GlossaryEntry("Одеса", ("Odesa",))
    b = GlossaryEntry("Одеса", ("Odessa",))
    result = merge([], [a], [b])
    assert len(result.conflicts) == 1 and result.conflicts[0].base is None


# -- properties ------------------------------------------------------------------------
_POOL = [KYIV, RUBIO, LVIV, ODESA] + [
    GlossaryEntry(f"термін{i}", (f"term{i}",)) for i in range(6)
]


def _variant(entry: GlossaryEntry, n: int) -> GlossaryEntry:
    return GlossaryEntry(entry.source, entry.targets, (f"bad{n}",))


@st.composite
def disjoint_edits(draw: st.DrawFn) -> tuple[list[GlossaryEntry], ...]:
    base = draw(st.lists(st.sampled_from(_POOL), unique_by=lambda e: e.key))
    keys = [e.key for e in _POOL]
    owner = draw(st.lists(st.sampled_from("mtn"), min_size=len(keys), max_size=len(keys)))
    mine, theirs = [], []
    base_keys = by_key(base)
    for entry, who in zip(_POOL, owner, strict=True):
        action = draw(st.sampled_from(["keep", "change", "delete"]))
        present = base_keys.get(entry.key)
        edited: GlossaryEntry | None = present
        if action == "change":
            edited = _variant(entry, 1 if who == "m" else 2)
        elif action == "delete":
            edited = None
        for side, name in ((mine, "m"), (theirs, "t")):
            value = edited if who == name else present
            if value is not None:
                side.append(value)
    return base, mine, theirs


@given(disjoint_edits())
def test_merge_is_commutative_for_disjoint_edits(edits: tuple[list[GlossaryEntry], ...]) -> None:
    base, mine, theirs = edits
    one, two = merge(base, mine, theirs), merge(base, theirs, mine)
    assert one.conflicts == [] and two.conflicts == []
    assert by_key(one.entries) == by_key(two.entries)


@given(disjoint_edits())
def test_merging_the_same_change_twice_equals_once(edits: tuple[list[GlossaryEntry], ...]) -> None:
    base, mine, theirs = edits
    once = merge(base, mine, theirs)
    twice = merge(base, mine, once.entries)
    assert twice.entries == once.entries
    assert twice.conflicts == once.conflicts
