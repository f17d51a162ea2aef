"""number-mismatch: figures that differ are errors; the same figure written another way is not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.checks.base import CheckContext
from app.core.checks.numbers import NumberMismatchCheck
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side

CTX = CheckContext("uk", "en")


def check(source: str, target: str, ctx: CheckContext = CTX) -> list[Issue]:
    return list(NumberMismatchCheck().run([Pair(0, source, target)], ctx))


def serious(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity is not Severity.INFO]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Ціни зросли на 15,5% у 2025 р.", "Prices rose 15.5% in 2025."),
        ("Виділено $1,5 млрд.", "$1.5 billion was allocated."),
        ("Переговори відбулися 23 листопада.", "The talks took place on Nov. 23."),
        ("Загинули семеро, троє поранені.", "Seven were killed and 3 wounded."),
        ("Матч почнеться о 15:00.", "The match starts at 3 p.m."),
        ("Хвилі висотою 6 метрів.", "Waves as high as 20 feet."),
        ("Від 2,54 до 5,08 см дощу.", "1 to 2 inches of rain."),
        ("Один із них сказав це.", "One of them said it."),
        ("Зустрілися лідери G7 і ЄС.", "Leaders of the Group of Seven and the EU met."),
        ("1. Перший пункт плану.", "The first item of the plan."),
        ("Близько 1 000 людей.", "About 1,000 people."),
    ],
)
def test_same_figures_are_not_flagged(source: str, target: str) -> None:
    assert serious(check(source, target)) == []


def test_changed_digit_is_one_error_on_the_target_with_the_source_span() -> None:
    source = "Армія отримала 28 танків."
    target = "The army received 23 tanks."
    issues = check(source, target)
    assert [(i.side, i.text, i.severity) for i in issues] == [
        (Side.TARGET, "23", Severity.ERROR)
    ]
    (issue,) = issues
    assert target[issue.start : issue.end] == "23"
    assert issue.source_start is not None and issue.source_end is not None
    assert source[issue.source_start : issue.source_end] == "28"
    assert issue.to_json()["source_start"] == issue.source_start
    assert "28" in issue.message and "23" in issue.message


def test_two_changed_figures_pair_in_order_and_a_dropped_one_stays_on_the_source() -> None:
    source = "З 28 танків 5 згоріли, 3 повернули."
    target = "Of 23 tanks, 6 burned."
    issues = check(source, target)
    got = [
        (i.side, i.text, None if i.source_start is None else source[i.source_start : i.source_end])
        for i in issues
    ]
    assert got == [
        (Side.TARGET, "23", "28"), (Side.TARGET, "6", "5"), (Side.SOURCE, "3", None)
    ]


def test_dropped_figure_points_at_the_source() -> None:
    source = "План із 28 пунктів опублікували 23 листопада."
    issues = check(source, "The plan was published on November 23.")
    assert [(i.side, i.text) for i in issues] == [(Side.SOURCE, "28")]
    assert source[issues[0].start : issues[0].end] == "28"


def test_wrong_date_and_wrong_multiplier() -> None:
    date = check("23 листопада", "November 24")
    assert [(i.text, i.source_start, i.source_end) for i in date] == [("November 24", 0, 12)]
    money = check("$1,5 млрд", "$1.5 million")
    assert [(i.text, i.source_start, i.source_end) for i in money] == [("1.5 million", 1, 9)]


def test_a_changed_number_word_is_an_error_like_a_changed_digit() -> None:
    for source, target in (
        ("Троє людей загинули.", "Four people died."),
        ("П'ятеро людей загинули.", "Six people died."),
        ("Загинули три людини.", "4 people died."),
    ):
        issues = check(source, target)
        assert [(i.side, i.severity) for i in issues] == [(Side.TARGET, Severity.ERROR)]


def test_a_lone_number_word_is_only_info() -> None:
    # An idiom or a compound: "many years", "one or two", nothing changed into another
    # ("a decade" for десять років is the same figure: tests/core/checks/test_numbers_phrases.py).
    issues = check("Минуло вже десять років.", "It has been many years.")
    assert issues and all(i.severity is Severity.INFO for i in issues)


def test_a_number_inside_a_compound_word_matches_its_english_form() -> None:
    assert check("Партія обіцяла чотириденний робочий тиждень.", "A four-day working week.") == []
    assert check("Він п'ятиразовий чемпіон.", "He is a five-time champion.") == []


def test_rounded_figure_is_a_warning() -> None:
    issues = check("Населення 1 234 567 осіб.", "The population is 1.2 million.")
    assert [i.severity for i in issues] == [Severity.WARNING]


def test_pair_checked_alone_gives_the_same_issues() -> None:
    pairs = [Pair(0, "5 осіб", "5 people"), Pair(1, "7 днів", "8 days")]
    together = list(NumberMismatchCheck().run(pairs, CTX))
    alone = list(NumberMismatchCheck().run([pairs[1]], CTX))
    assert together == alone and [i.text for i in alone] == ["8"]


def test_converted_figure_in_brackets_is_not_extra() -> None:
    source = "Вулкан за 72 км від столиці."
    assert serious(check(source, "The volcano sits 72 km (45 miles) from the capital.")) == []
    converted = "The volcano sits 45 miles (72 kilometers) from the capital."
    assert serious(check(source, converted)) == []
    wrong = serious(check(source, "The volcano sits 60 miles (97 kilometers) from the capital."))
    assert [(i.side.value, i.text, i.source_start) for i in wrong] == [
        ("target", "60", source.index("72"))
    ]


def test_compound_thousands_and_bare_thousand() -> None:
    ru = CheckContext("ru", "en")
    assert serious(check("25-тысячная толпа", "A 25,000-strong crowd", ru)) == []
    assert serious(check("Погибли свыше тысячи человек", "More than 1,000 people died", ru)) == []


def test_both_sides_with_a_conversion_must_agree_on_the_figure() -> None:
    source = "Більш ніж на 300 км (180 миль) уздовж узбережжя."
    assert serious(check(source, "More than 300 km (180 miles) of coastline.")) == []
    wrong = serious(check(source, "More than 301 km (180 miles) of coastline."))
    assert [i.text for i in wrong if i.side.value == "target"] == ["301"]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Саміт пройде 9-10 лютого.", "The summit will be held on February 9-10."),
        ("Ввечері 10 лютого та в ніч проти 11.", "On February 10 and the night of February 11."),
        ("Діабет другого типу.", "Type 2 diabetes."),
        ("З шостої години вечора.", "From 6 p.m."),
        ("Кому належало місто (21.12.2017)", "To whom did the city belong (12/21/2017)"),
    ],
)
def test_wmt_reference_patterns_are_not_flagged(source: str, target: str) -> None:
    assert serious(check(source, target)) == []


def test_date_range_with_a_wrong_day_is_flagged() -> None:
    target = "The summit will be held on February 9-11."
    issues = serious(check("Саміт пройде 9-10 лютого.", target))
    assert [(i.text, i.source_start) for i in issues] == [("11", 15)]


def test_a_year_as_a_fashion_season_and_a_half_turn_as_a_u_turn_pass() -> None:
    from app.core.checks.base import CheckContext as Ctx
    from app.core.checks.numbers import NumberMismatchCheck as C
    from app.core.model.document import Pair as P

    ctx = Ctx("uk", "en")
    season = P(0, "Колекція весна-літо 2019 бренду Jacquemus.", "Jacquemus' SS19 collection.")
    turn = P(1, "Я мав розвернутися на 180 градусів.", "I was to do a U-turn.")
    assert C().check_pair(season, ctx) == []
    assert C().check_pair(turn, ctx) == []
    wrong = P(2, "Колекція весна-літо 2019 бренду Jacquemus.", "Jacquemus' SS18 collection.")
    assert C().check_pair(wrong, ctx)
    plain = P(3, "Кут 180 градусів.", "An angle of ninety degrees.")
    assert C().check_pair(plain, ctx)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Капелюх із полями шириною шістдесят сантиметрів.", "A hat with a two-foot wide brim."),
        ("Пройшли п'ять кілометрів.", "They walked three miles."),
        ("Риба вагою десять кілограмів.", "A fish weighing 22 pounds."),
        ("Температура тридцять градусів Цельсія.", "It was 86 degrees Fahrenheit."),
        ("У шоу 60 Minutes (60 хвилин) вони сказали.", 'They told "60 Minutes".'),
    ],
)
def test_number_words_with_units_convert_and_a_glossed_title_counts_once(
    source: str, target: str
) -> None:
    assert serious(check(source, target)) == []


def test_a_wrong_conversion_of_a_number_word_is_still_an_error() -> None:
    issues = serious(check("Пройшли п'ять кілометрів.", "They walked ten miles."))
    assert [(i.text, i.severity) for i in issues] == [("ten", Severity.ERROR)]


def test_a_stray_conversion_does_not_hide_a_changed_figure() -> None:
    # "four meters (18 feet)": the aside matches the source's 18 feet, not its six meters.
    source = "Хвилі висотою до шести метрів (18 футів)."
    issues = serious(check(source, "Waves as high as four meters (18 feet)."))
    assert [(i.text, i.source_start) for i in issues] == [("four", source.index("шести"))]


# -- ordinals ------------------------------------------------------------------

_UK_ORDINALS = (
    "перший другий третій четвертий п'ятий шостий сьомий восьмий дев'ятий десятий "
    "одинадцятий дванадцятий тринадцятий чотирнадцятий п'ятнадцятий шістнадцятий "
    "сімнадцятий вісімнадцятий дев'ятнадцятий двадцятий"
).split()
_EN_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()


@pytest.mark.parametrize(
    ("source", "target", "flagged", "fix"),
    [
        ("Інфляція сповільнилася вже четвертий місяць поспіль.",
         "Inflation slowed for the fifth month in a row.", "fifth", "fourth"),
        ("Це перший випадок.", "This is the second case.", "second", "first"),
        ("Це 4-й випадок за рік.", "It is the fifth case this year.", "fifth", "fourth"),
        ("Четвертий раунд переговорів.", "The 5th round of talks.", "5th", None),
        ("Двадцятої річниці.", "Of the Nineteenth anniversary.", "Nineteenth", "Twentieth"),
        ("Инфляция замедлилась уже четвертый месяц подряд.",
         "Inflation slowed for the fifth month in a row.", "fifth", "fourth"),
    ],
)  # fmt: skip
def test_a_changed_ordinal_is_one_error_like_a_changed_figure(
    source: str, target: str, flagged: str, fix: str | None
) -> None:
    ctx = CheckContext("ru" if "ы" in source else "uk", "en")
    issues = check(source, target, ctx)
    assert [(i.side, i.text, i.severity, i.suggestion) for i in issues] == [
        (Side.TARGET, flagged, Severity.ERROR, fix)
    ]
    assert issues[0].source_start is not None


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Це перший крок.", "This is an initial step."),  # an ordinal left alone passes
        ("Події двадцятого століття.", "Events of the twentieth century."),
        ("Події двадцятого століття.", "Events of the 20th century."),
        ("Він посів четверте місце.", "He came fourth."),
        ("Четвертого разу не буде.", "There will be no fourth time."),
    ],
)
def test_the_same_ordinal_however_written_passes(source: str, target: str) -> None:
    assert serious(check(source, target)) == []


@given(
    st.integers(min_value=0, max_value=19),
    st.integers(min_value=0, max_value=19),
    st.sampled_from(["ий місяць", "ого місяця", "ому місяці"]),
)
def test_every_pair_of_ordinals_up_to_twenty(src: int, tgt: int, ending: str) -> None:
    third = {"ий місяць": "третій", "ого місяця": "третього", "ому місяці": "третьому"}
    word = third[ending] if src == 2 else _UK_ORDINALS[src][:-2] + ending.split()[0]
    source = f"Ціни зростають {word} {ending.split()[1]} поспіль."
    target = f"Prices have risen for the {_EN_ORDINALS[tgt]} month in a row."
    issues = check(source, target)
    if src == tgt:
        assert serious(issues) == []
    else:
        assert [(i.text, i.suggestion) for i in issues] == [
            (_EN_ORDINALS[tgt], _EN_ORDINALS[src])
        ]


@pytest.mark.parametrize(
    ("source", "target", "ctx"),
    [
        ("Це двадцять п'ятий випадок.", "It is the 25th case.", CTX),
        ("Це двадцять п'ятий випадок.", "It is the twenty-fifth case.", CTX),
        ("Вот уже двадцать девятый год.", "For twenty nine years now.", CheckContext("ru", "en")),
        ("Сто перша річниця.", "The 101st anniversary.", CTX),
    ],
)
def test_a_compound_ordinal_is_one_figure(source: str, target: str, ctx: CheckContext) -> None:
    assert serious(check(source, target, ctx)) == []


def test_a_changed_compound_ordinal_is_flagged() -> None:
    issues = serious(check("Це двадцять п'ятий випадок.", "It is the twenty-sixth case."))
    assert [(i.text, i.side) for i in issues] == [("twenty-sixth", Side.TARGET)]


@pytest.mark.parametrize(
    ("source", "target", "lang"),
    [
        ("На початку XX століття.", "In the early 20th century.", "uk"),
        ("В начале I-го века нашей эры.", "At the beginning of the 1st century AD.", "ru"),
        ("У XIV–XV століттях.", "In the 14th and 15th centuries.", "uk"),
        ("Людовик XIV помер.", "Louis XIV died.", "uk"),
        ("Через 2,5 года.", "Two and a half years later.", "ru"),
        ("Через три з половиною роки.", "Three and a half years later.", "uk"),
    ],
)
def test_roman_centuries_and_halves_are_the_same_figures(
    source: str, target: str, lang: str
) -> None:
    assert serious(check(source, target, CheckContext(lang, "en"))) == []


def test_a_wrong_century_or_half_is_still_flagged() -> None:
    century = check("На початку XX століття.", "In the early 19th century.")
    assert [(i.text, i.source_start) for i in century] == [("19th", 11)]
    half = check("Через три з половиною роки.", "Two and a half years later.")
    assert [i.text for i in half] == ["Two and a half"]


@pytest.mark.parametrize(
    ("source", "target", "fix"),
    [
        ("П'ятеро людей загинули.", "Six people died.", "Five"),
        ("Виділять ще три мільярди фунтів.", "Another four billion pounds.", "three billion"),
        ("Виділять ще 3 млрд фунтів.", "Another four billion pounds.", "three billion"),
        ("Виділять ще 3,5 млрд фунтів.", "Another four billion pounds.", None),
        ("Загинули 28 людей.", "Twenty people died.", None),  # no single English word
        ("Загинули 28 людей.", "23 people died.", None),  # digits: no suggestion
    ],
)
def test_a_changed_number_word_suggests_the_source_figure_in_words(
    source: str, target: str, fix: str | None
) -> None:
    issues = serious(check(source, target))
    assert len(issues) == 1 and issues[0].suggestion == fix


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Новини - DW - 12.02.2023", "News - DW - 12/02/2023"),  # British, day first
        ("Новини - DW - 13.02.2023", "News - DW - 13/02/2023"),  # can only be day first
        ("Рівень 12 м, аварійний - 12,8 м.", "40 feet [12 m], emergency 40 feet [12.8 m]."),
    ],
)
def test_slash_dates_either_way_and_asides_in_square_brackets(source: str, target: str) -> None:
    assert serious(check(source, target)) == []


def test_a_wrong_slash_date_is_still_flagged() -> None:
    issues = serious(check("Новини - DW - 12.02.2023", "News - DW - 13/02/2023"))
    assert [i.text for i in issues] == ["13/02/2023"]
