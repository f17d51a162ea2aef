"""GlossaryIndex: inflected source terms, target renderings with case and boundaries."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.glossary.matcher import GlossaryIndex
from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.glossary.term_scan import TermMatch

KYIV = GlossaryEntry("Київ", ("Kyiv",), ("Kiev",))
RUBIO = GlossaryEntry("Марко Рубіо", ("Marco Rubio", "Rubio"), ("Mark Rubio",))
ZELENSKY = GlossaryEntry(
    "Володимир Зеленський", ("Volodymyr Zelensky", "Zelensky"), ("Vladimir Zelensky",)
)
DONETSK = GlossaryEntry("Донецьк", ("Donetsk",))
DONETSK_OBLAST = GlossaryEntry("Донецька область", ("Donetsk Oblast", "Donetsk region"))
LUHANSK_OBLAST = GlossaryEntry("Луганська область", ("Luhansk Oblast", "Luhansk region"))
SYBIHA = GlossaryEntry("Андрій Сибіга", ("Andrii Sybiha",))
SUMY = GlossaryEntry("Суми", ("Sumy",))
RIVNE = GlossaryEntry("Рівне", ("Rivne",), ("Rovno",))
ARMED_FORCES = GlossaryEntry("Збройні сили України", ("Armed Forces of Ukraine",))
SBU = GlossaryEntry("СБУ", ("SBU",))
ODESA_ANY_CASE = GlossaryEntry("Одеса", ("Odesa",), ("Odessa",), case_sensitive=False)

ENTRIES = [
    KYIV, RUBIO, ZELENSKY, DONETSK, DONETSK_OBLAST, LUHANSK_OBLAST, SYBIHA, SUMY, RIVNE,
    ARMED_FORCES, SBU, ODESA_ANY_CASE,
]
INDEX = GlossaryIndex.build(Glossary(list(ENTRIES)), "uk")


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.entry.source) for m in INDEX.source_matches(text)]


def spans(matches: list[TermMatch]) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.kind) for m in matches]


@pytest.mark.parametrize("form", ["Київ", "Києва", "Києві", "Києву", "Києвом"])
def test_inflected_forms_of_kyiv(form: str) -> None:
    text = f"Делегація прибула до міста: {form}."
    (match,) = INDEX.source_matches(text)
    assert match.entry is KYIV
    assert text[match.start : match.end] == form == match.text
    assert match.kind == "source"


def test_in_kyiv_matches_the_noun_only() -> None:
    text = "Зустріч відбулася у Києві"
    (match,) = INDEX.source_matches(text)
    assert (match.start, match.end) == (text.index("Києві"), len(text))


def test_multi_word_terms_match_as_units() -> None:
    assert found("заявив Марко Рубіо") == [("Марко Рубіо", "Марко Рубіо")]
    assert found("слова Марка Рубіо") == [("Марка Рубіо", "Марко Рубіо")]
    assert found("схвалення Володимира Зеленського") == [
        ("Володимира Зеленського", "Володимир Зеленський")
    ]
    assert found("у Донецькій області") == [("Донецькій області", "Донецька область")]
    assert found("Збройних сил України") == [("Збройних сил України", "Збройні сили України")]


def test_half_a_multi_word_term_is_not_a_match() -> None:
    assert found("Марко сказав, що Рубіо поїхав") == []
    # Punctuation between the words: only the city (genitive Донецька) is left.
    assert found("Донецька, область") == [("Донецька", "Донецьк")]


def test_longest_match_wins() -> None:
    assert found("з Донецької області та з Донецька") == [
        ("Донецької області", "Донецька область"),
        ("Донецька", "Донецьк"),
    ]


def test_names_the_dictionary_does_not_know() -> None:
    for form in ("Андрій Сибіга", "Андрія Сибіги", "Андрієві Сибізі", "Андрієм Сибігою"):
        assert found(f"заява {form} вчора") == [(form, "Андрій Сибіга")], form


def test_no_false_alarms_on_look_alike_words() -> None:
    assert found("київський транспорт і київська влада") == []  # adjective, not the city
    assert found("великі суми грошей") == []  # сума (sum), lower case
    assert found("у Сумах") == [("Сумах", "Суми")]
    assert found("рівний рахунок") == []
    assert found("у Рівному") == [("Рівному", "Рівне")]
    assert found("сбу") == []  # acronyms are written in capitals
    assert found("співробітники СБУ") == [("СБУ", "СБУ")]


def test_russian_source() -> None:
    index = GlossaryIndex.build(Glossary([GlossaryEntry("Киев", ("Kyiv",), ("Kiev",))]), "ru")
    assert [m.text for m in index.source_matches("в Киеве и из Киева")] == ["Киеве", "Киева"]


def test_target_word_boundaries_and_possessive() -> None:
    text = "Kiev's mayor, a Kyiv-based firm, Kievan Rus, Kiev."
    matches = INDEX.target_matches(text)
    assert [(m.text, m.kind) for m in matches] == [
        ("Kiev", "forbidden"),
        ("Kyiv", "approved"),
        ("Kiev", "forbidden"),
    ]
    assert matches[0].start == 0 and matches[0].end == 4


def test_target_case_per_entry() -> None:
    # "Kiev" has a capital, so the entry is case-sensitive; Odesa's entry is not.
    assert INDEX.target_matches("KIEV and kiev") == []
    assert [m.text for m in INDEX.target_matches("ODESSA, odessa")] == ["ODESSA", "odessa"]


def test_target_longest_wins_over_an_approved_part() -> None:
    matches = INDEX.target_matches("Vladimir Zelensky met Zelensky's aides")
    assert [(m.text, m.kind) for m in matches] == [
        ("Vladimir Zelensky", "forbidden"),
        ("Zelensky", "approved"),
    ]
    assert spans(matches)[0] == (0, 17, "forbidden")


def test_approved_rendering_counts_in_the_plural() -> None:
    matches = INDEX.target_matches("parts of Donetsk and Luhansk regions")
    assert [(m.text, m.kind) for m in matches] == [
        ("Donetsk", "approved"),
        ("Luhansk regions", "approved"),
    ]
    # A forbidden rendering is not stretched: "Kievs" is another word.
    assert INDEX.target_matches("two Kievs") == []


def test_target_hits_keep_overlaps() -> None:
    hits = INDEX.target_hits("Donetsk region")
    assert {(h.text, h.entry.source) for h in hits} == {
        ("Donetsk region", "Донецька область"),
        ("Donetsk", "Донецьк"),
    }


def test_renderings_lookup() -> None:
    assert INDEX.entries_for_rendering("Kyiv") == [KYIV]
    assert INDEX.entries_for_rendering("Kyiv's") == [KYIV]
    assert INDEX.entries_for_rendering("Zelensky") == [ZELENSKY]
    assert INDEX.entries_for_rendering("kyiv") == []  # case-sensitive entry
    assert INDEX.entries_for_rendering("odesa") == [ODESA_ANY_CASE]
    assert INDEX.is_approved_rendering("Marco  Rubio")
    assert not INDEX.is_approved_rendering("Kiev")
    assert not INDEX.is_approved_rendering("Mark Rubio")


def test_empty_glossary_and_texts() -> None:
    empty = GlossaryIndex.build(Glossary([]), "uk")
    assert empty.source_matches("у Києві") == []
    assert empty.target_matches("Kiev") == []
    assert INDEX.source_matches("") == []
    assert INDEX.target_matches("") == []
    assert len(INDEX) == len(ENTRIES)


# -- property: an inflected term inserted into random text is found at its span ----

FILLER = ["вчора", "сказав", "новий", "план", "дуже", "швидко", "і", "та", "що", "люди",
          "зустріч", "тиждень", "питання", "велике", "робота", "США", "Bloomberg", "2025"]
FORMS = [
    ("Києві", KYIV), ("Києва", KYIV), ("Київ", KYIV),
    ("Марка Рубіо", RUBIO), ("Марком Рубіо", RUBIO),
    ("Володимира Зеленського", ZELENSKY), ("Володимиром Зеленським", ZELENSKY),
    ("Донецької області", DONETSK_OBLAST), ("Донецькою областю", DONETSK_OBLAST),
    ("Донецьком", DONETSK), ("Андрія Сибіги", SYBIHA), ("Збройним силам України", ARMED_FORCES),
]
SEPARATORS = [" ", ", ", ". ", " – ", " «", "» ", "\n"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    before=st.lists(st.tuples(st.sampled_from(FILLER), st.sampled_from(SEPARATORS)), max_size=8),
    after=st.lists(st.tuples(st.sampled_from(SEPARATORS), st.sampled_from(FILLER)), max_size=8),
    form=st.sampled_from(FORMS),
    extra=st.lists(st.sampled_from(FORMS), max_size=3),
)
def test_inserted_form_is_found_at_its_span(
    before: list[tuple[str, str]],
    after: list[tuple[str, str]],
    form: tuple[str, GlossaryEntry],
    extra: list[tuple[str, GlossaryEntry]],
) -> None:
    head = "".join(w + s for w, s in before)
    tail = "".join(s + w for s, w in after)
    tail += "".join(" і " + f for f, _ in extra)
    text = head + form[0] + tail
    start = len(head)
    matches = INDEX.source_matches(text)
    assert any(
        m.start == start and m.end == start + len(form[0]) and m.entry is form[1]
        for m in matches
    ), (text, matches)
    for m in matches:
        assert text[m.start : m.end] == m.text
    for left, right in itertools.pairwise(matches):
        assert left.end <= right.start


def test_entries_for_a_rendering_come_in_glossary_order_whatever_its_spelling() -> None:
    # The approved table is made on first use from the renderings grouped by lower
    # case; entries must still come in glossary order, each once.
    entries = [
        GlossaryEntry("Київ", ("KYIV", "Kyiv")),
        GlossaryEntry("Києва", ("kyiv",), case_sensitive=False),
        GlossaryEntry("Кийов", ("Kyiv",), ("KYIV",)),
    ]
    index = GlossaryIndex(Glossary(entries), "uk")
    assert index.entries_for_rendering("Kyiv") == entries
    assert index.entries_for_rendering("KYIV's") == entries[:2]
    assert not index.is_approved_rendering("Kiev")
