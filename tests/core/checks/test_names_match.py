"""Name candidates of a source sentence: read from its words, the same tokens as the
walk over `tokenize` that they replace picks."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.checks import names_match
from app.core.text.tokens import Token, tokenize

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
