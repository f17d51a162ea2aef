"""Lemmas from every pymorphy3 parse, apostrophes unified, caching and threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from app.core.text import morphology
from app.core.text.morphology import lemma_key, lemmas, match_keys, normalize, term_stem


def test_all_parses_count_not_only_the_first() -> None:
    # pymorphy3 puts "кий" (cue) first for Києві; the city must be there too.
    found = lemmas("Києві", "uk")
    assert {"київ", "кий", "києві"} <= found


def test_word_itself_is_always_included_lower_cased() -> None:
    assert "рубіо" in lemmas("Рубіо", "uk")
    assert "зеленського" in lemmas("Зеленського", "uk")
    assert "зеленський" in lemmas("Зеленського", "uk")


def test_apostrophes_are_normalised() -> None:
    assert lemmas("Куп’янська", "uk") == lemmas("Куп'янська", "uk")
    assert lemmas("пʼять", "uk") == lemmas("п'ять", "uk")
    assert "куп'янськ" in lemmas("Куп’янська", "uk")
    assert normalize("Обʼєднання") == "об'єднання"


def test_russian_uses_the_russian_dictionary() -> None:
    assert "киев" in lemmas("Киеве", "ru")
    assert "зеленский" in lemmas("Зеленского", "ru")


def test_other_languages_are_only_folded() -> None:
    assert lemmas("Kyiv", "en") == frozenset({"kyiv"})
    assert lemmas("Straße", "de") == frozenset({"strasse"})


def test_match_keys_offer_the_nominative_of_the_same_gender() -> None:
    assert "донецька" in match_keys("Донецької", "uk")
    assert "збройні" in match_keys("Збройних", "uk")
    assert "сили" in match_keys("сил", "uk")
    # The adjective of a city is not the city.
    assert "київ" not in match_keys("київський", "uk")


def test_stems_for_names_outside_the_dictionary() -> None:
    assert term_stem("Сибіга") == "~сибіг"
    assert term_stem("Рубіо") == "~рубі"
    assert term_stem("ЄС") is None
    for form in ("Сибіги", "Сибігу", "Сибігою", "Сибізі"):
        assert "~сибіг" in match_keys(form, "uk"), form


def test_lemma_key_of_a_multi_word_term() -> None:
    key = lemma_key(["Марка", "Рубіо"], "uk")
    assert "марко" in key[0]
    assert "рубіо" in key[1]


def test_results_are_cached() -> None:
    lemmas("Харкові", "uk")
    before = lemmas.cache_info().hits
    lemmas("Харкові", "uk")
    assert lemmas.cache_info().hits == before + 1


def test_thread_safe_lazy_loading() -> None:
    morphology.clear_caches()
    morphology._analyzers.clear()
    words = ["Києві", "Львові", "Одесі", "Харкові"] * 10
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda w: lemmas(w, "uk"), words))
    assert all(r for r in results)
    assert "київ" in results[0]
    assert len([k for k in morphology._analyzers if k == "uk"]) == 1


def test_gated_keys_keep_every_key_a_term_word_can_match() -> None:
    from app.core.text.morphology import gated_match_keys, match_keys, term_lemmas

    terms = {"донецька", "збройні", "сили", "київ", "область", "сибіга", "люди", "верховна"}
    gate = term_lemmas(sorted(terms), "uk")
    text = (
        "Донецької області Збройних сил Києві людей Верховної Ради Сибіги будинками "
        "сказав вчора Донецьку Збройним силам"
    )
    for word in text.split():
        full = match_keys(word, "uk")
        gated = gated_match_keys(word, "uk", gate)
        assert gated <= full
        assert full & terms == gated & terms, word
    assert "донецька" in gated_match_keys("Донецької", "uk", gate)
    assert "донецька" not in gated_match_keys("Донецької", "uk", frozenset())


def test_lexeme_words_are_pymorphy3s_lexeme() -> None:
    from app.core.text.morphology import _lexeme_words, _parses, normalize

    for word in ("області", "києві", "збройних", "п'ятьох", "сибіги", "людей", "ішов"):
        for parse in _parses(word, "uk"):
            assert _lexeme_words(parse, "uk") == [normalize(f.word) for f in parse.lexeme]


def test_known_words_outside_the_known_forms_match_no_term_word() -> None:
    from app.core.text.morphology import is_known, known_forms, match_keys, plain_keys

    terms = ["донецька", "область", "київ", "люди", "бути"]
    forms = known_forms(terms, "uk")
    assert {"донецької", "області", "києві", "людей", "є"} <= forms
    for word in "Донецької області Києві людей є будинками сказав вчора дорога".split():
        if is_known(word, "uk") and word.lower() not in forms:
            assert match_keys(word, "uk") & set(terms) == set()
            assert plain_keys(word) <= match_keys(word, "uk")


# Words the Ukrainian dictionary does not know, parsed by each guessing unit: suffix
# analogy, unknown and known prefixes, hyphenated words.
_GUESSED = (
    "Деклан онлайн-сховища відеоконференц-зв’язком Блеком-Дейлі Сент-Джонстоном "
    "сенатора-демократа Сешнс Стедіум Калум Весбанко Сонорі Аріану Містура "
    "Інтернет-шопінг Рейсін Аль-Джуфрі Донггала Депфорді Декадт Дорранс Дебора-Лі "
    "Рейнланд-Пфальц Екселсіор-Террас Сибіги"
)


def test_every_form_of_a_guessed_lexeme_holds_its_core() -> None:
    from app.core.text.morphology import _lexeme_core, _parses, normalize

    seen = 0
    for word in _GUESSED.split():
        for parse in _parses(normalize(word), "uk"):
            core = _lexeme_core(parse, "uk")
            if core is None:
                continue
            seen += 1
            piece, hyphenated = core
            for form in parse.lexeme:
                assert piece in normalize(form.word), (word, core, form.word)
                assert "-" in form.word or not hyphenated
    assert seen > 20


def test_guessed_keys_keep_every_key_a_term_word_can_match() -> None:
    from app.core.text.morphology import guessed_match_keys, is_known, match_keys, term_text

    words = [w for w in _GUESSED.split() if not is_known(w, "uk")]
    assert len(words) > 10
    # The terms: what the full keys offer (nominatives and lemmas), and unrelated words.
    terms = {k for w in words for k in match_keys(w, "uk") if not k.startswith("~")}
    terms |= {"київ", "область", "сили"}
    for chosen in (terms, {"сибіга", "київ"}, {"аріана", "сент-джонстон", "джонстон"}):
        for word in words:
            full = match_keys(word, "uk")
            guessed = guessed_match_keys(word, "uk", term_text(chosen))
            assert guessed <= full
            assert full & chosen == guessed & chosen, word
    assert "містури" in guessed_match_keys("Містура", "uk", term_text(["київ", "містури"]))
    assert "містури" not in guessed_match_keys("Містура", "uk", term_text(["київ"]))


def test_is_known_is_pymorphy3s_answer_with_letter_substitutions() -> None:
    # ґ written as г (uk) and ё written as е (ru) are known, as pymorphy3 says.
    cases = {
        "uk": "Києві ґанку ганку ґудзик гудзик Сибіга бутявка Обʼєднання ГАНКУ",
        "ru": "ёлка елка всё все Зелёный Зеленый бутявка",
    }
    for lang, text in cases.items():
        analyzer = morphology.analyzer(lang)
        for word in text.split():
            expected = bool(analyzer.word_is_known(normalize(word)))
            assert morphology.is_known(word, lang) is expected, (lang, word)
    assert morphology.is_known("гудзик", "uk")
    assert morphology.is_known("елка", "ru")
    assert not morphology.is_known("бутявка", "uk")
