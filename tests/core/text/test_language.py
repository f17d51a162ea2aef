"""Language detection (short-text guard, seeded langdetect) and script helpers."""

from __future__ import annotations

import pytest

from app.core.text.language import detect_language, is_cyrillic, is_latin, script_counts
from tests.conftest import shared_path


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Київ", "uk"),
        ("Деталі", "uk"),
        ("Это был день.", "ru"),
        ("Объём", "ru"),
        ("Це дуже погано.", "uk"),  # no marker letter: decided by frequent words
        ("Кто будет заботиться о вашей собаке?", "ru"),
        ("Share", "en"),
        ("Solo press conferences are rare.", "en"),
        ("Die Verhandlungen in Genf waren nach Angaben beider Seiten sehr produktiv.", "de"),
        ("12 345 — 67", "und"),
        ("", "und"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_ukrainian_article_quoting_russian_stays_ukrainian() -> None:
    text = (
        "Президент заявив, що переговори в Женеві були продуктивними, і подякував партнерам. "
        "Російські медіа написали: «Это всё ещё ничего не значит»."
    )
    assert detect_language(text) == "uk"


def test_detection_is_repeatable() -> None:
    text = "Il faut bien le faire."
    assert len({detect_language(text) for _ in range(5)}) == 1


def test_ntrex_sample_sentences() -> None:
    for lang in ("uk", "ru", "en"):
        lines = shared_path("ntrex-uk-en", f"{lang}.txt").read_text(encoding="utf-8").splitlines()
        sample = lines[:150]
        right = sum(detect_language(line) == lang for line in sample)
        assert right >= 0.98 * len(sample), lang


def test_script_counts() -> None:
    assert script_counts("Kyiv — Київ 2025, Ελλάδα") == {"cyrillic": 4, "latin": 4, "other": 6}


def test_is_cyrillic_and_is_latin() -> None:
    assert is_cyrillic("Києві") and is_cyrillic("п'ять") and is_cyrillic("Івано-Франківськ")
    assert not is_cyrillic("Kyiv") and not is_cyrillic("Kиїв")  # Latin K inside
    assert is_latin("Zelenskyy") and is_latin("Café") and not is_latin("Київ")
    assert not is_cyrillic("2025") and not is_latin("2025") and not is_latin("")
