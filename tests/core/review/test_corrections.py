"""Corrections: word diff of MT vs edited target, and the glossary entries it suggests."""

from __future__ import annotations

from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.review.corrections import diff_words, propose_entries

RUBIO_UK = "Державний секретар США Марко Рубіо заявив у понеділок, що переговори тривають."
RUBIO_MT = "US Secretary of State Mark Rubio said on Monday that the talks continue."


def test_diff_words_reports_offsets_in_both_texts() -> None:
    edited = "US Secretary of State Marco Rubio stated on Monday that the talks continue."
    changes = diff_words(RUBIO_MT, edited)
    assert [(c.old, c.new) for c in changes] == [("Mark", "Marco"), ("said", "stated")]
    first = changes[0]
    assert edited[first.start : first.end] == "Marco"
    assert RUBIO_MT[first.old_start : first.old_end] == "Mark"
    assert diff_words(RUBIO_MT, RUBIO_MT) == []


def test_mark_rubio_to_marco_rubio_proposes_lemma_entry() -> None:
    edited = RUBIO_MT.replace("Mark Rubio", "Marco Rubio")
    [proposal] = propose_entries(RUBIO_UK, RUBIO_MT, edited, "uk", None, "ann", "2025-03-01")
    assert (proposal.source, proposal.target, proposal.forbidden) == (
        "Марко Рубіо", "Marco Rubio", ("Mark Rubio",),
    )  # fmt: skip
    entry = proposal.to_entry()
    assert entry.get_extra("author") == "ann" and entry.get_extra("updated") == "2025-03-01"


def test_inflected_source_is_given_in_lemma_form() -> None:
    source = "Переговори відбулися у Києві минулого тижня."
    mt = "The talks took place in Kiev last week."
    [proposal] = propose_entries(source, mt, mt.replace("Kiev", "Kyiv"), "uk")
    assert (proposal.source, proposal.target, proposal.forbidden) == ("Київ", "Kyiv", ("Kiev",))


def test_oblique_case_name_is_lemmatised() -> None:
    source = "Журналісти зустрілися з Марком Рубіо."
    mt = "Journalists met Mark Rubio."
    [proposal] = propose_entries(source, mt, "Journalists met Marco Rubio.", "uk")
    assert proposal.source == "Марко Рубіо"


def test_rewording_proposes_nothing() -> None:
    edited = RUBIO_MT.replace("said", "stated")
    assert propose_entries(RUBIO_UK, RUBIO_MT, edited, "uk") == []


def test_title_before_a_name_is_not_part_of_the_term() -> None:
    source = "Президент Володимир Зеленський заявив про це."
    mt = "President Vladimir Zelensky said this."
    [proposal] = propose_entries(source, mt, mt.replace("Vladimir", "Volodymyr"), "uk")
    assert proposal.source == "Володимир Зеленський"
    assert proposal.target == "Volodymyr Zelensky"
    assert proposal.forbidden == ("Vladimir Zelensky",)


def test_correction_the_glossary_already_has_is_not_proposed_again() -> None:
    glossary = Glossary([GlossaryEntry("Марко Рубіо", ("Marco Rubio",), ("Mark Rubio",))])
    edited = RUBIO_MT.replace("Mark Rubio", "Marco Rubio")
    assert propose_entries(RUBIO_UK, RUBIO_MT, edited, "uk", glossary) == []


def test_lowercase_term_known_to_the_glossary_is_proposed() -> None:
    glossary = Glossary([GlossaryEntry("мир", ("peace",))])
    source = "Україна прагне миру."
    mt = "Ukraine seeks world."
    [proposal] = propose_entries(source, mt, "Ukraine seeks peace.", "uk", glossary)
    assert (proposal.source, proposal.target, proposal.forbidden) == ("мир", "peace", ("world",))
