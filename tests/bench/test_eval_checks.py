"""A small, fast run of bench/eval_checks.py: the script works and finds what it injects."""

from __future__ import annotations

import random

import pytest

from app.core.checks.base import CheckContext
from app.core.checks.registry import all_checks
from app.core.model.document import Pair
from app.core.review.checking import Checker
from bench import eval_checks
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def docs() -> dict[str, list[Pair]]:
    shared_path("ntrex-uk-en", "uk.txt")
    return eval_checks.load_ntrex(100)


def test_loads_articles_in_order(docs: dict[str, list[Pair]]) -> None:
    assert sum(len(d) for d in docs.values()) == 100
    first = next(iter(docs.values()))
    assert [p.index for p in first] == list(range(len(first)))
    assert first[0].target.startswith("Welsh AMs")


def test_recall_is_high_on_injected_errors(docs: dict[str, list[Pair]]) -> None:
    results = eval_checks.recall(docs, {}, all_checks(), None)
    for kind in ("number", "untranslated", "omission", "spacing"):
        injected, found = results[kind]
        assert injected >= 5, kind
        assert found / injected >= (0.7 if kind == "omission" else 0.9), (kind, results[kind])
    total = sum(n for n, _ in results.values())
    assert sum(h for _, h in results.values()) / total >= 0.9


def test_false_alarms_are_few(docs: dict[str, list[Pair]]) -> None:
    pairs, per_check = eval_checks.false_alarms(docs, Checker(CheckContext("uk", "en")), 0)
    assert pairs == 100
    assert sum(per_check.values()) <= 5, per_check


def test_injections_change_what_they_say(docs: dict[str, list[Pair]]) -> None:
    rng = random.Random(0)
    pair = Pair(
        0, "Зустріч 23 листопада з 28 делегатами.", "A meeting on November 23 with 28 delegates."
    )
    changed = {eval_checks.inject_number(rng, pair) for _ in range(10)}
    assert pair.target not in changed and None not in changed
    assert eval_checks.name_variant("Zelensky") == "Zelenskyy"
    assert eval_checks.inject_name_mismatch(
        rng, Pair(0, "Володимир Зеленський", "Volodymyr Zelensky")
    ) == "Vladimir Zelensky"


def test_main_prints_both_tables(capsys: pytest.CaptureFixture[str]) -> None:
    shared_path("ntrex-uk-en", "uk.txt")
    assert eval_checks.main(["--limit", "60"]) == 0
    out = capsys.readouterr().out
    assert "False alarms on 60 clean ntrex-uk-en pairs" in out
    assert "OVERALL" in out and "number-mismatch" in out
