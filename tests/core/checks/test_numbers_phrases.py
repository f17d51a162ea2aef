"""number-mismatch on figures written as phrases: "about a mile", "half an inch", "a
quarter", "the 80s", півтора мільйона, півгодини. The same figure passes; a changed
one is still flagged, with the arithmetic of the conversion checked."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.checks.base import CheckContext
from app.core.checks.numbers import NumberMismatchCheck, _mentions
from app.core.model.document import Pair
from app.core.model.issues import Severity
from app.core.text.number_phrases import with_phrases

UK = CheckContext("uk", "en")
RU = CheckContext("ru", "en")


def flags(source: str, target: str, ctx: CheckContext = UK) -> list[str]:
    issues = NumberMismatchCheck().run([Pair(0, source, target)], ctx)
    return [i.text for i in issues if i.severity is not Severity.INFO]


# (source, the same figure as a phrase, the source with its figure changed)
SAME_AND_CHANGED = [
    ("Це сталося за 1,6 км від берега.", "It happened about a mile from the shore.",
     "Це сталося за 5 км від берега."),
    ("Випало 1,27 см снігу.", "Half an inch of snow fell.", "Випало 5 см снігу."),
    ("Температура сягне 27 градусів Цельсія.", "Highs will be in the 80s.",
     "Температура сягне 17 градусів Цельсія."),
    ("Температура сягне 30 градусів Цельсія.", "Highs will be in the mid-80s.",
     "Температура сягне 27 градусів Цельсія."),
    ("Передано півтора мільйона ковдр.", "1.5 million blankets were delivered.",
     "Передано два мільйони ковдр."),
    ("Він пірнав близько 30 хвилин.", "He dived for about half an hour.",
     "Він пірнав близько 40 хвилин."),
    ("Тіло знайшли через 1 годину.", "The body was found an hour later.",
     "Тіло знайшли через 2 години."),
    ("Продали 12 яєць.", "A dozen eggs were sold.", "Продали 10 яєць."),
    ("Це 25% населення.", "It is a quarter of the population.", "Це 30% населення."),
    ("Це 75 % населення.", "It is three-quarters of the population.", "Це 70 % населення."),
    ("Це 50 % виборців.", "It is half the voters.", "Це 40 % виборців."),
    ("Це було у 80-х роках.", "It was in the eighties.", "Це було у 70-х роках."),
    ("Це було у 80-х роках.", "It was in the 1980s.", "Це було у 70-х роках."),
    ("Це було у 1980-х роках.", "It was in the eighties.", "Це було у 1970-х роках."),
    ("Чекали 90 хвилин.", "They waited an hour and a half.", "Чекали 60 хвилин."),
    ("Випало 1,27 см снігу.", "A half-inch of snow fell.", "Випало 5 см снігу."),
    ("Це 1,2 км.", "It is three-quarters of a mile.", "Це 3 км."),
    ("Це 400 метрів.", "It is a quarter mile.", "Це 900 метрів."),
    ("Спека до 35 градусів.", "Highs in the mid-30s.", "Спека до 45 градусів."),
    ("Чекали 15 хвилин.", "They waited a quarter of an hour.", "Чекали 25 хвилин."),
    ("Вода піднялася на 0,5 метра.", "The water rose half a metre.",
     "Вода піднялася на 1,5 метра."),
    ("Це 33 % голосів.", "It is a third of the votes.", "Це 45 % голосів."),
]  # fmt: skip


@pytest.mark.parametrize(("source", "target", "changed"), SAME_AND_CHANGED)
def test_a_phrase_is_its_figure_and_a_changed_figure_is_still_flagged(
    source: str, target: str, changed: str
) -> None:
    assert flags(source, target) == []
    assert flags(changed, target) != []


@pytest.mark.parametrize(
    ("source", "target", "ctx"),
    [
        ("Ещё полтора месяца.", "A month and a half to go.", RU),
        ("Прошло полчаса.", "Half an hour passed.", RU),
        ("близько півгодини", "about half an hour", UK),
        ("чверть населення", "a quarter of the population", UK),
        ("три чверті населення", "three-quarters of the population", UK),
        ("Через 2,5 года.", "Two and a half years later.", RU),
        ("Це третій термін.", "It is a third term.", UK),
        ("на півдні країни", "in the south of the country", UK),
        ("півмільйона людей", "half a million people", UK),
        ("Минуло вже десять років.", "It has been a decade.", UK),
    ],
)
def test_phrases_on_both_sides_pass(source: str, target: str, ctx: CheckContext) -> None:
    assert flags(source, target, ctx) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Передано півтора мільйона ковдр.", "2.5 million blankets were delivered."),
        ("Було 5 км.", "It was half a mile."),
        ("Було 1 км.", "It was a mile."),  # the same figure in another unit is not the same
        ("Температура 27 градусів Цельсія.", "Highs in the upper 80s."),  # 80.6 °F
        ("Це було у 80-х роках.", "It was in the '70s."),
        ("Через 2 години.", "An hour and a half later."),
    ],
)
def test_a_changed_figure_next_to_a_phrase_is_flagged(source: str, target: str) -> None:
    assert flags(source, target) != []


def test_phrases_are_weak_and_never_reported_alone() -> None:
    """A phrase with nothing to match on the other side is no figure to report."""
    assert flags("Він отримав диплом.", "He got a degree in law and a foot in the door.") == []
    assert flags("Половина пішла.", "Many left.") == []


def test_a_read_figure_keeps_its_half_and_a_phrase_replaces_what_it_holds() -> None:
    one_and_half = _mentions("one and a half million", "en")
    assert [m.value for m in one_and_half] == [Decimal(1_500_000)]
    half_million = with_phrases("half a million", "en", _mentions("a million", "en"))
    assert [m.value for m in half_million] == [Decimal(500_000)]
    assert [m.value for m in _mentions("three-quarters", "en")] == [Decimal("0.75")]
    assert [m.value for m in _mentions("три чверті", "uk")] == [Decimal("0.75")]


@given(st.integers(min_value=5, max_value=400))
def test_a_mile_holds_only_what_rounds_to_a_mile(tenths: int) -> None:
    """The phrase "about a mile" for a distance in km passes exactly when the distance is within a
    quarter of a mile (1.609 km) of it: 1.2-2.0 km."""
    km = Decimal(tenths) / 10
    source = f"Це за {str(km).replace('.', ',')} км звідси."
    miles = float(km) * 0.6214
    passes = flags(source, "It is about a mile away.") == []
    assert passes == (abs(miles - 1) <= 0.25)


@given(st.integers(min_value=-10, max_value=45))
def test_a_decade_of_fahrenheit_holds_its_celsius(celsius: int) -> None:
    fahrenheit = celsius * 1.8 + 32
    passes = flags(f"До {celsius} градусів Цельсія.", "Highs in the 70s.") == []
    assert passes == (69 <= fahrenheit <= 80)


_PHRASES = [
    "about a mile", "half an inch", "an hour and a half", "a dozen", "a quarter of the vote",
    "three-quarters of a mile", "the eighties", "half the voters", "a year", "half a million",
    "a third of them", "a half-inch",
]  # fmt: skip


@given(st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=4))
def test_phrases_with_nothing_to_match_are_never_flagged(phrases: list[str]) -> None:
    """A phrase is a weak figure: with no figure in the source it reports nothing."""
    target = "It took " + ", then ".join(phrases) + "."
    assert flags("Це тривало довго, а потім ще довше.", target) == []
