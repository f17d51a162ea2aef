"""Name candidates of a source sentence: read from its words, the same tokens as the
walk over `tokenize` that they replace picks."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.checks import names_match
from app.core.checks.names_data import place_of
from app.core.text.morphology import normalize
from app.core.text.tokens import Token, normalize_apostrophes, tokenize

SEED = Path(__file__).resolve().parents[3] / "seeds" / "geneva-talks.uk.txt"


def _oracle(text: str, lang: str) -> tuple[list[Token], int]:
    """The walk over every token, as it was before the words were read directly."""
    evidence = 0
    picked: list[Token] = []
    for token in tokenize(text):
        kind, flags = names_match._word_info(token.text, lang)
        evidence |= flags
        if kind == 2 and names_match._sentence_initial(text, token.start):
            if names_match._initial_name(token.text, lang):
                picked.append(token)
        elif kind:
            picked.append(token)
    return picked, evidence


def test_candidates_of_the_seed_article_are_the_oracle_s() -> None:
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) > 5
    picked = 0
    for line in lines:
        found = names_match._candidates(line, "uk")
        assert found == _oracle(line, "uk"), line
        picked += len(found[0])
    assert picked > 10  # the article names people and places


_WORDS = (
    "Київ Києві київський Марко Рубіо Зеленський НАТО «Укренерго» Москва Росії "
    "росіяни у в на і, — . ! ? 12 п’ять Івано-Франківськ Сибіга Сибізі".split()
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=10), st.sampled_from([" ", "  ", ". "]))
def test_candidates_are_the_oracle_s(words: list[str], sep: str) -> None:
    text = sep.join(words)
    for lang in ("uk", "ru"):
        assert names_match._candidates(text, lang) == _oracle(text, lang)


def _forms_before(word: str, lang: str) -> tuple[str, ...]:
    """names_match._forms before its lemmas were memoised per normal form (oracle)."""
    tagged: list[str] = []
    other: list[str] = []
    for parse in names_match._parses(word, lang):
        lemma = names_match._capitalise(normalize(parse.normal_form))
        bucket = other if names_match.NAME_GRAMMEMES.isdisjoint(parse.tag.grammemes) else tagged
        if lemma not in tagged and lemma not in other:
            bucket.append(lemma)
    surface = normalize_apostrophes(word)
    ordered = tagged + [f for f in other if f not in tagged]
    if lang == "uk":
        places = {place_of(f) for f in ordered} | {place_of(surface)}
        for place in sorted(p for p in places if p):
            if names_match._capitalise(place) not in ordered:
                ordered.append(names_match._capitalise(place))
    if surface not in ordered:
        ordered.append(surface)
    return tuple(ordered)


def test_forms_of_the_seed_article_s_words_are_the_oracle_s() -> None:
    text = SEED.read_text(encoding="utf-8")
    words = sorted({t.text for t in tokenize(text) if t.text[:1].isalpha()})
    assert len(words) > 100
    for word in words:
        assert names_match._forms.__wrapped__(word, "uk") == _forms_before(word, "uk"), word
    assert {"Марко", "Марк"} <= set(names_match._forms("Марка", "uk"))


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="КкиївськаМрЛугнщ’-", min_size=1, max_size=12),
    st.sampled_from(["uk", "ru"]),
)
def test_forms_are_the_oracle_s(word: str, lang: str) -> None:
    assert names_match._forms.__wrapped__(word, lang) == _forms_before(word, lang)
