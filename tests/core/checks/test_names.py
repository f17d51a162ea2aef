"""name-mismatch and name-inconsistent: what they must find and what they must leave alone."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

from app.core.checks.base import CheckContext
from app.core.checks.names import NameMismatchCheck
from app.core.checks.names_data import place_of
from app.core.checks.names_inconsistent import NameInconsistentCheck
from app.core.glossary.matcher import GlossaryIndex
from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side
from tests.conftest import shared_path

UK = CheckContext("uk", "en")


def mismatch(source: str, target: str, ctx: CheckContext = UK) -> list[Issue]:
    return list(NameMismatchCheck().run([Pair(0, source, target)], ctx))


def inconsistent(rows: Sequence[tuple[str, str]], ctx: CheckContext = UK) -> list[Issue]:
    pairs = [Pair(i, s, t) for i, (s, t) in enumerate(rows)]
    return list(NameInconsistentCheck().run(pairs, ctx))


def flagged(issues: Sequence[Issue]) -> dict[str, Severity]:
    return {i.text: i.severity for i in issues}


def glossary_ctx(*entries: GlossaryEntry) -> CheckContext:
    return CheckContext("uk", "en", GlossaryIndex.build(Glossary(list(entries)), "uk"))


# -- name-mismatch ---------------------------------------------------------------


def test_seed_errors_are_found_without_glossary() -> None:
    source = (
        "Держсекретар США Марко Рубіо заявив, що угода потребує схвалення "
        "президента України Володимира Зеленського у Києві."
    )
    target = (
        "US Secretary of State Mark Rubio said the deal needs the approval of "
        "Ukrainian President Vladimir Zelensky in Kiev."
    )
    issues = mismatch(source, target)
    assert flagged(issues) == {
        "Mark": Severity.ERROR,
        "Vladimir": Severity.ERROR,
        "Kiev": Severity.ERROR,
    }
    by_text = {i.text: i for i in issues}
    assert by_text["Mark"].suggestion == "Marco"  # a foreign person: the usual English form
    assert by_text["Vladimir"].suggestion == "Volodymyr"
    assert by_text["Kiev"].suggestion == "Kyiv"
    for issue in issues:
        assert issue.side is Side.TARGET
        assert target[issue.start : issue.end] == issue.text
        assert issue.source_start is not None and issue.source_end is not None
    vladimir = by_text["Vladimir"]
    assert source[vladimir.source_start : vladimir.source_end] == "Володимира"
    assert "Zelensky" not in by_text  # a common English form, not an error


def test_russian_people_and_translated_places_are_not_flagged() -> None:
    source = (
        "Трамп і Володимир Путін говорили про Крим, Луганськ, Донецьк і Донбас, "
        "а Сергій Лавров приїхав до Вашингтона."
    )
    target = (
        "Trump and Vladimir Putin discussed Crimea, Luhansk, Donetsk and Donbas, "
        "and Sergei Lavrov came to Washington."
    )
    assert mismatch(source, target) == []


def test_russian_style_first_names_are_errors() -> None:
    issues = mismatch("Про це сказав український режисер Олег Сенцов.", "Oleg Sentsov said this.")
    assert flagged(issues) == {"Oleg": Severity.ERROR}
    assert issues[0].suggestion == "Oleh"
    # Sentence-initial, but pymorphy3 knows Олег as a first name; Київ is the evidence.
    assert flagged(mismatch("Олег Сенцов приїхав до Києва.", "Oleg Sentsov came to Kyiv.")) == {
        "Oleg": Severity.ERROR
    }
    # A Ukrainian surname is evidence enough; a first name alone stays an error too.
    source = "Про це сказав Сергій Шевченко."
    assert flagged(mismatch(source, "Sergei Shevchenko said it.")) == {"Sergei": Severity.ERROR}
    assert flagged(mismatch("Юрій сказав.", "Yuri said.")) == {"Yuri": Severity.ERROR}


def test_yuri_is_russian_style_but_yuriy_passes() -> None:
    issues = mismatch("Заяву зробив Юрій Ігнат.", "The statement came from Yuri Ihnat.")
    assert [(i.text, i.severity, i.suggestion) for i in issues] == [
        ("Yuri", Severity.ERROR, "Yurii")
    ]
    assert mismatch("Заяву зробив Юрій Ігнат.", "The statement came from Yuriy Ihnat.") == []


def test_foreign_bearer_of_a_russian_style_name_is_not_an_error() -> None:
    # A Macedonian in Skopje: the surname is not Ukrainian, nothing else is Ukrainian.
    source = "Перед парламентом в Скоп'є 54-річний Володимир Кавардарков готував сцену."
    target = "In front of parliament in Skopje, Vladimir Kavardarkov, 54, was preparing a stage."
    issues = mismatch(source, target)
    assert flagged(issues) == {"Vladimir": Severity.WARNING}
    assert "not a recognisably Ukrainian" in issues[0].message
    # A Russian official: only information.
    source = "Заявив російський міністр енергетики Олександр Новак у Москві."
    target = "Russian Energy Minister Aleksandr Novak said in Moscow."
    assert flagged(mismatch(source, target)) == {"Aleksandr": Severity.INFO}
    # The same surname beside Ukrainian evidence is an error again.
    source = "Заявив український міністр Олександр Новак."
    assert flagged(mismatch(source, "Ukrainian minister Aleksandr Novak said.")) == {
        "Aleksandr": Severity.ERROR
    }
    # Olga Kurylenko spells her name that way herself (CONVENTIONAL_PEOPLE).
    source = "Фатальну жінку грає Ольга Куриленко."
    assert mismatch(source, "The femme fatale is played by Olga Kurylenko.") == []
    assert flagged(mismatch("Це зіграла Ольга Шевченко.", "Olga Shevchenko played it.")) == {
        "Olga": Severity.ERROR
    }


def test_region_and_adjective_forms_of_places() -> None:
    cases = [
        ("Бої тривають у Луганській області.", "Fighting goes on in the Lugansk region.",
         "Lugansk", "Luhansk"),
        ("Обстріл на Харківщині.", "Shelling in the Kharkov region.", "Kharkov", "Kharkiv"),
        ("Київська область під обстрілом.", "The Kiev region is under fire.", "Kiev", "Kyiv"),
        ("Це київський метрополітен.", "This is the Kiev metro.", "Kiev", "Kyiv"),
        ("Вибухи на Одещині.", "Explosions in the Odessa region.", "Odessa", "Odesa"),
    ]  # fmt: skip
    for source, target, bad, good in cases:
        issues = mismatch(source, target)
        assert [(i.text, i.severity, i.suggestion) for i in issues] == [
            (bad, Severity.ERROR, good)
        ], source
        assert target[issues[0].start : issues[0].end] == bad
        assert mismatch(source, target.replace(bad, good)) == [], source
    # Kyivska, Kharkivska: the KMU spelling of the adjective itself passes too.
    assert mismatch("Обстріл у Харківській області.", "Shelling in Kharkivska oblast.") == []


def test_place_of_region_and_adjective_lemmas() -> None:
    expected = {
        "луганський": "луганськ", "київський": "київ", "одеський": "одеса",
        "донецький": "донецьк", "вінницький": "вінниця", "запорізький": "запоріжжя",
        "рівненський": "рівне", "харківщина": "харків", "луганщина": "луганськ",
        "одещина": "одеса", "донеччина": "донецьк", "черкащина": "черкаси",
    }  # fmt: skip
    assert {lemma: place_of(lemma) for lemma in expected} == expected
    for lemma in ("український", "російський", "кримський", "вашингтонський", "київ"):
        assert place_of(lemma) is None, lemma


def test_adjectives_that_are_not_places_are_left_alone() -> None:
    source = "Російська армія і український уряд, слов'янські мови, Кримський міст."
    target = "The Russian army and the Ukrainian government, Slavic languages, Crimean Bridge."
    assert mismatch(source, target) == []


def test_two_mentions_of_a_place_do_not_share_one_rendering() -> None:
    source = "Бої в Луганській області й захоплення всієї Луганської області."
    target = "Fighting in Lugansk region and the capture of the whole Luhansk region."
    issues = mismatch(source, target)
    assert [(i.text, i.start) for i in issues] == [("Lugansk", target.index("Lugansk"))]


def test_sentence_initial_known_places_and_names() -> None:
    issues = mismatch("Київ також очікує танків.", "Kiev also expects tanks.")
    assert [(i.text, i.severity, i.suggestion) for i in issues] == [
        ("Kiev", Severity.ERROR, "Kyiv")
    ]
    assert mismatch("Київ також очікує танків.", "Kyiv also expects tanks.") == []
    # Common words that happen to spell a place or a name are not renderings of it.
    assert mismatch("Суми грошей зросли.", "Sums of money grew.") == []
    assert mismatch("Надія є завжди.", "Hope is always there.") == []
    assert mismatch("Біла хата стоїть.", "A white house stands.") == []


def test_near_spelling_of_a_ukrainian_name_is_a_warning() -> None:
    issues = mismatch("Заяву зробив Юрій Ігнат.", "The statement came from Yurii Ignat.")
    assert flagged(issues) == {"Ignat": Severity.WARNING}
    assert issues[0].suggestion == "Ihnat"
    issues = mismatch("Він живе у Вугледарі.", "He lives in Vugledar.")
    assert flagged(issues) == {"Vugledar": Severity.WARNING}


def test_conventional_english_forms_pass() -> None:
    source = "Про це заявили Андрій Єрмак, Юлія Тимошенко та Володимир Зеленський."
    target = "This was stated by Andriy Yermak, Yulia Tymoshenko and Volodymyr Zelenskyy."
    assert mismatch(source, target) == []
    assert mismatch("Президент Зеленський у Києві.", "President Zelensky in Kyiv.") == []


def test_foreign_names_keep_their_own_spelling() -> None:
    source = (
        "Президент Туреччини Ердоган, сенатор з Аризони Келлі і генсек Єнс Столтенберг "
        "прибули до Пентагону у Вашингтоні."
    )
    target = (
        "Turkish President Erdogan, Arizona senator Kelly and Secretary General "
        "Jens Stoltenberg arrived at the Pentagon in Washington."
    )
    assert mismatch(source, target) == []


def test_possessive_and_case_of_suggestion() -> None:
    issues = mismatch("Мер Києва виступив.", "Kiev's mayor spoke.")
    assert [(i.text, i.start, i.end, i.suggestion) for i in issues] == [("Kiev", 0, 4, "Kyiv")]
    issues = mismatch("Новини з Києва.", "NEWS FROM KIEV.")
    assert [i.suggestion for i in issues] == ["KYIV"]


def test_sentence_initial_common_words_are_not_names() -> None:
    assert mismatch("Сьогодні він сказав.", "Sohodni he said.") == []


def test_glossary_decides() -> None:
    klitschko = GlossaryEntry("Віталій Кличко", ("Vitali Klitschko",))
    ctx = glossary_ctx(klitschko)
    assert mismatch("Мер Віталій Кличко заявив.", "Mayor Vitali Klitschko said.", ctx) == []
    # A glossary term in the source is left to the glossary checks (no double report).
    kyiv = GlossaryEntry("Київ", ("Kyiv",), ("Kiev",))
    assert mismatch("Він у Києві.", "He is in Kiev.", glossary_ctx(kyiv)) == []
    # Names the glossary does not cover are still checked.
    issues = mismatch("Олег у Києві.", "Oleg is in Kiev.", glossary_ctx(kyiv))
    assert flagged(issues) == {"Oleg": Severity.ERROR}


def test_pair_scoped_result_is_the_same_alone_or_in_an_article() -> None:
    rows = [("Олег прийшов.", "Oleg came."), ("Марко Рубіо прибув.", "Mark Rubio arrived.")]
    pairs = [Pair(i, s, t) for i, (s, t) in enumerate(rows)]
    together = list(NameMismatchCheck().run(pairs, UK))
    alone = [i for p in pairs for i in NameMismatchCheck().run([p], UK)]
    assert together == alone and len(together) == 2


def test_russian_source_and_other_languages() -> None:
    ru = CheckContext("ru", "en")
    assert mismatch("Об этом сказал Владимир Путин.", "Vladimir Putin said this.", ru) == []
    assert mismatch("Об этом сказал Александр Новак.", "Alexander Novak said it.", ru) == []
    assert mismatch("Олег прийшов.", "Oleg came.", CheckContext("de", "en")) == []
    assert mismatch("Олег прийшов.", "", UK) == []


# -- name-inconsistent -------------------------------------------------------------


def test_minority_rendering_of_one_source_name_is_reported() -> None:
    rows = [
        ("Президент Зеленський виступив.", "President Zelensky spoke."),
        ("Вони зустрілися з Зеленським.", "They met Zelenskyy."),
        ("Заява Зеленського була короткою.", "Zelensky's statement was short."),
    ]
    issues = inconsistent(rows)
    assert len(issues) == 1
    issue = issues[0]
    assert (issue.pair, issue.text, issue.suggestion) == (1, "Zelenskyy", "Zelensky")
    assert issue.severity is Severity.WARNING
    assert '"Zelensky"' in issue.message
    assert rows[1][1][issue.start : issue.end] == "Zelenskyy"


def test_kyiv_and_kiev_in_one_article() -> None:
    rows = [
        ("Він у Києві.", "He is in Kyiv."),
        ("Вона приїхала до Києва.", "She came to Kyiv."),
        ("Ми поїхали з Києва.", "We left Kiev."),
    ]
    assert [(i.pair, i.text, i.suggestion) for i in inconsistent(rows)] == [(2, "Kiev", "Kyiv")]


def test_consistent_article_and_conventional_pairs_are_not_reported() -> None:
    rows = [
        ("Президент Володимир Зеленський виступив.", "President Volodymyr Zelensky spoke."),
        ("Володимир Путін відповів.", "Vladimir Putin replied."),
        ("Зеленський наполягав.", "Zelensky insisted."),
        ("Місто Вашингтон і Відень.", "Washington and Vienna."),
    ]
    assert inconsistent(rows) == []


def test_target_only_near_identical_spellings() -> None:
    rows = [
        ("Він сказав це.", "Zaluzhnyi said this."),
        ("Він повторив це.", "Zaluzhnyi repeated it."),
        ("Він пішов.", "Zaluzhny left."),
        ("Австрія та Австралія.", "Austria and Australia."),
    ]
    issues = inconsistent(rows)
    assert [(i.pair, i.text, i.suggestion) for i in issues] == [(2, "Zaluzhny", "Zaluzhnyi")]


def test_article_memo_follows_each_edit() -> None:
    """Re-running on an edited article (the memo of the last run) gives what a fresh
    article would: an edit that changes no name keeps the findings, one that does
    changes them, and going back restores them."""
    rows = [
        ("Президент Зеленський виступив.", "President Zelensky spoke."),
        ("Вони зустрілися з Зеленським.", "They met Zelenskyy."),
        ("Заява Зеленського була короткою.", "Zelensky's statement was short."),
        ("Він сказав це.", "Zaluzhnyi said this."),
        ("Він повторив це.", "Zaluzhnyi repeated it."),
        ("Він пішов.", "Zaluzhny left."),
    ]
    found = [(i.pair, i.text) for i in inconsistent(rows)]
    assert found == [(1, "Zelenskyy"), (5, "Zaluzhny")]
    unchanged_names = [*rows[:2], (rows[2][0], "Zelensky's statement was very short."), *rows[3:]]
    assert [(i.pair, i.text) for i in inconsistent(unchanged_names)] == found
    fixed = [
        rows[0], (rows[1][0], "They met Zelensky."), *rows[2:5], (rows[5][0], "Zaluzhnyi left.")
    ]
    assert inconsistent(fixed) == []
    assert [(i.pair, i.text) for i in inconsistent(rows)] == found
    moved = [("Він прийшов.", "He came."), *rows]  # the same texts at other indices
    assert [(i.pair, i.text) for i in inconsistent(moved)] == [(2, "Zelenskyy"), (6, "Zaluzhny")]


def test_glossary_renderings_are_left_to_the_glossary() -> None:
    kyiv = GlossaryEntry("Київ", ("Kyiv",), ("Kiev",))
    rows = [("Він у Києві.", "He is in Kyiv."), ("Ми поїхали з Києва.", "We left Kiev.")]
    issues = inconsistent(rows, glossary_ctx(kyiv))
    assert issues == []


# -- clean professional text -----------------------------------------------------------


def test_few_false_alarms_on_ntrex() -> None:
    base = shared_path("ntrex-uk-en", "uk.txt").parent
    uk = (base / "uk.txt").read_text(encoding="utf-8").splitlines()
    en = (base / "en.txt").read_text(encoding="utf-8").splitlines()
    ids = (base / "document_ids.tsv").read_text(encoding="utf-8").splitlines()
    docs: dict[str, list[tuple[str, str]]] = {}
    for doc, s, t in zip(ids, uk, en, strict=True):
        docs.setdefault(doc, []).append((s, t))
    alarms = 0
    for rows in docs.values():
        pairs = [Pair(i, s, t) for i, (s, t) in enumerate(rows)]
        alarms += len(list(NameMismatchCheck().run(pairs, UK)))
        alarms += len(list(NameInconsistentCheck().run(pairs, UK)))
    assert 100 * alarms / len(uk) <= 0.5


WORDS = ["Олег", "Києві", "Зеленського", "Марко", "він", "сказав", "Трамп", ".", ",", "«"]
TARGET_WORDS = ["Oleg", "Kiev's", "Zelenskyy", "Mark", "he", "said", "Trump", ".", "KIEV", "Oleh"]


@given(
    st.lists(st.sampled_from(WORDS), max_size=8),
    st.lists(st.sampled_from(TARGET_WORDS), max_size=8),
)
def test_spans_always_point_at_the_reported_text(src: list[str], tgt: list[str]) -> None:
    source, target = " ".join(src), " ".join(tgt)
    pairs = [Pair(0, source, target), Pair(1, target and source, target)]
    for check in (NameMismatchCheck(), NameInconsistentCheck()):
        for issue in check.run(pairs, UK):
            assert target[issue.start : issue.end] == issue.text
            if issue.source_start is not None:
                assert source[issue.source_start : issue.source_end][:1].isupper()
