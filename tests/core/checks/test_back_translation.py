"""Back-translation check: flags the segment whose back-translation drifted, only that."""

from __future__ import annotations

from collections.abc import Sequence

from app.core.checks.back_translation import BackTranslationCheck
from app.core.checks.base import CheckContext
from app.core.model.document import Pair
from app.core.model.issues import Severity, Side
from app.core.mt import DeepTranslatorProvider, MTSettings, Provider
from tests.core.fake_libretranslate import serve

SOURCES = [
    "Президент провів зустріч з міністрами у Києві.",
    "Уряд ухвалив новий бюджет на наступний рік.",
    "Марко Рубіо прибув до Варшави в понеділок.",
    "Переговори тривали понад три години.",
]
TARGETS = [
    "The president met ministers in Kyiv.",
    "The government adopted a new budget for next year.",
    "Mark Rubio arrived in Warsaw on Monday.",
    "The weather was sunny and warm.",  # meaning lost
]
BACK = {
    TARGETS[0]: "Президент зустрівся з міністрами у Києві.",
    TARGETS[1]: "Уряд ухвалив новий бюджет на наступний рік.",
    TARGETS[2]: "Марк Рубіо прибув до Варшави в понеділок.",
    TARGETS[3]: "Погода була сонячна і тепла.",
}


class DictProvider(Provider):
    name = "dict"

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table
        self.calls: list[tuple[str, str, str]] = []

    def translate(self, text: str, source: str, target: str) -> str:
        self.calls.append((text, source, target))
        return self.table[text]


def pairs(targets: Sequence[str] = TARGETS) -> list[Pair]:
    return [Pair(i, s, t) for i, (s, t) in enumerate(zip(SOURCES, targets, strict=True))]


def ctx(provider: Provider | None) -> CheckContext:
    options: dict[str, object] = {}
    if provider is not None:
        options["back_translation_provider"] = provider
    return CheckContext("uk", "en", options=options)


def test_flags_only_the_drifted_segment() -> None:
    provider = DictProvider(BACK)
    issues = list(BackTranslationCheck().run(pairs(), ctx(provider)))
    assert [i.pair for i in issues] == [3]
    issue = issues[0]
    assert issue.side is Side.TARGET and issue.text == TARGETS[3]
    assert issue.severity in (Severity.INFO, Severity.WARNING)
    assert "Погода" in issue.message and "median" in issue.message
    assert provider.calls[0] == (TARGETS[0], "en", "uk")  # target back into the source language


def test_clean_article_is_not_flagged() -> None:
    good = dict(BACK)
    good[TARGETS[3]] = "Переговори тривали понад три години."
    assert list(BackTranslationCheck().run(pairs(), ctx(DictProvider(good)))) == []


def test_without_provider_or_with_too_few_segments_nothing_is_flagged() -> None:
    assert list(BackTranslationCheck().run(pairs(), ctx(None))) == []
    provider = DictProvider(BACK)
    assert list(BackTranslationCheck().run(pairs()[2:], ctx(provider))) == []


def test_rechecks_reuse_back_translations() -> None:
    provider = DictProvider(BACK)
    check = BackTranslationCheck()
    list(check.run(pairs(), ctx(provider)))
    list(check.run(pairs(), ctx(provider)))
    assert len(provider.calls) == 4


def test_through_a_real_provider_on_the_local_server() -> None:
    with serve(dictionary=BACK) as server:
        provider = DeepTranslatorProvider("libretranslate", MTSettings(url=server.url, retries=0))
        issues = list(BackTranslationCheck().run(pairs(), ctx(provider)))
    assert [i.pair for i in issues] == [3]
