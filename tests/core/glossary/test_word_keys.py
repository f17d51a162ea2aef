"""WordKeys gives every function the normalised word: the same keys as the word as
written (normalize is idempotent), kept against the previous code as an oracle."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.glossary import word_keys
from app.core.glossary.word_keys import _NONE, WordKeys
from app.core.text.morphology import (
    MORPH_LANGS,
    TERM_TEXT_LIMIT,
    gated_match_keys,
    guessed_match_keys,
    is_known,
    match_keys,
    normalize,
    plain_keys,
    term_text,
)

TERMS = ["київ", "донецька", "область", "збройні", "сили", "сибіга", "містура", "п'ять"]
TEXT = (
    "Києві КИЄВІ київ Донецької донецької області Збройних сил Сибіги Сибігою Містури "
    "П’ять п'ять ЗСУ Марко Рубіо будинку невідомослово Ёлка Ґанок"
).split()


def _compute_before(keys: WordKeys, word: str) -> frozenset[str]:
    """WordKeys._compute before it normalised the word once (oracle)."""
    lang = keys.lang
    if lang not in MORPH_LANGS:
        return match_keys(word, lang)
    if keys._gate is None:
        keys.set_gate(keys.make_gate(word_keys.KNOWN_FORMS_LIMIT))
    assert keys._gate is not None
    forms = keys._forms
    if forms is not None:
        norm = normalize(word)
        if norm not in forms and is_known(word, lang):
            return plain_keys(word) if norm[:3] in keys._heads else _NONE
    if not is_known(word, lang):
        terms = keys._terms
        if terms is None:
            made = term_text(keys._words)
            terms = keys._terms = made if len(made[0]) <= TERM_TEXT_LIMIT else ("", "")
        if terms[0]:
            return guessed_match_keys(word, lang, terms)
    return gated_match_keys(word, lang, keys._gate)


def _keys(limit: int) -> WordKeys:
    keys = WordKeys(TERMS, ["~сибіг"], ["київ", "донецька", "збройні"], "uk")
    keys.set_gate(keys.make_gate(limit))
    return keys


def test_keys_of_real_words_are_the_oracle_s() -> None:
    for limit in (0, word_keys.KNOWN_FORMS_LIMIT):  # forms listed or not
        keys = _keys(limit)
        for word in TEXT:
            assert keys._compute(word) == _compute_before(keys, word), word
    assert "київ" in _keys(0).of("КИЄВІ")[0]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=12))
def test_normalize_is_idempotent(word: str) -> None:
    assert normalize(normalize(word)) == normalize(word)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="КкиївєДдонецьСсбгаГґ’ʼ'-Ёё", min_size=1, max_size=10))
def test_keys_of_any_word_are_the_oracle_s(word: str) -> None:
    keys = _keys(word_keys.KNOWN_FORMS_LIMIT)
    assert keys._compute(word) == _compute_before(keys, word)
