"""A small, fast run of bench/eval_checks.py: the script works and finds what it injects."""

from __future__ import annotations

import random

import pytest

from app.core.checks.base import CheckContext
from app.core.checks.registry import all_checks
from app.core.model.document import Pair
from app.core.review.checking import Checker
from bench import eval_checks, eval_inject
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
    results = eval_checks.recall(docs, {}, all_checks(), None)["all"]
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
    changed = {eval_inject.inject_number(rng, pair) for _ in range(10)}
    assert pair.target not in changed and None not in changed
    assert eval_inject.name_variant("Zelensky") == "Zelenskyy"
    assert eval_inject.inject_name_mismatch(
        rng, Pair(0, "Володимир Зеленський", "Volodymyr Zelensky")
    ) == "Vladimir Zelensky"


def test_main_prints_both_tables(capsys: pytest.CaptureFixture[str]) -> None:
    shared_path("ntrex-uk-en", "uk.txt")
    assert eval_checks.main(["--limit", "60", "--no-spelling"]) == 0
    out = capsys.readouterr().out
    assert "False alarms on 60 clean ntrex-uk-en pairs" in out
    assert "OVERALL" in out and "number-mismatch" in out
    assert "tuning half" in out and "held-out half" in out


def test_halves_are_fixed_by_the_article_id() -> None:
    from bench.eval_split import HELD, TUNE, half_of

    assert half_of("wmt:bbc.1") == half_of("bbc.1")
    halves = {half_of(f"doc.{i}") for i in range(20)}
    assert halves == {TUNE, HELD}
    assert half_of("bbc.381790") == half_of("bbc.381790 ")


def test_spelling_figures_are_measured_per_half() -> None:
    from app.core.checks.spelling import dictionaries
    from bench import eval_spelling

    shared_path("ntrex-uk-en", "uk.txt")
    docs = eval_checks.load_ntrex(60)
    if not dictionaries():
        pytest.skip("no hunspell dictionary: the spelling check is off")
    fa = eval_spelling.false_alarms(docs)
    assert sum(pairs for pairs, _ in fa.values()) == 60
    rec = eval_spelling.recall(docs)
    lower = [rec[h].get("lower", (0, 0)) for h in rec]
    assert sum(n for n, _ in lower) >= 20
    assert sum(hit for _, hit in lower) / sum(n for n, _ in lower) >= 0.9


def test_wmt_columns_are_the_reference_and_the_systems() -> None:
    path = shared_path("wmt23-uk-en-news", "wmt23_uk-en_news_src_ref_11systems.tsv")
    from bench import eval_wmt

    cols = eval_wmt.columns(path)
    assert "reference_en" in cols and len(cols) == 12
    assert len({sum(len(d) for d in docs.values()) for docs in cols.values()}) == 1


def test_ordinal_injection_changes_one_ordinal_word_and_the_check_finds_it() -> None:
    pair = Pair(0, "Ціни ростуть вже четвертий місяць.", "Prices rose for the fourth month.")
    new = eval_inject.inject_ordinal(random.Random(1), pair)
    assert new is not None and new != pair.target and "fourth" not in new
    issues = Checker(CheckContext("uk", "en"), all_checks()).check([pair.with_target(new)])
    assert [i.check for i in issues if i.check == "number-mismatch"] == ["number-mismatch"]
    plain = Pair(0, "Без чисел.", "No figures.")
    assert eval_inject.inject_ordinal(random.Random(1), plain) is None


def test_an_issue_the_clean_pair_had_elsewhere_hides_no_new_one() -> None:
    """Issues are compared by span as well as text; spans after the change move back."""
    from app.core.model.issues import Issue, Severity, Side

    clean = [Pair(0, "Суми і Суми.", "Sumy and Amounts, near Sumy.")]
    changed = [clean[0].with_target("Sumy and Amounts, near Amounts.")]

    def flag(start: int, end: int, text: str, side: Side = Side.TARGET) -> Issue:
        return Issue("name-missing", Severity.WARNING, 0, side, start, end, text, "m")

    before = eval_checks.issue_keys([flag(9, 16, "Amounts")], 0, {"name-missing"})
    back = eval_checks.span_back(clean, changed)
    old, new = flag(9, 16, "Amounts"), flag(23, 30, "Amounts")
    assert not eval_checks.issue_keys([old], 0, {"name-missing"}, back=back) - before
    assert eval_checks.issue_keys([old, new], 0, {"name-missing"}, back=back) - before
    moved = eval_checks.span_back(
        [Pair(0, "s", "Kyiv, Sumy and Lviv.")], [Pair(0, "s", "Kyiv, Amounts and Lviv.")]
    )
    assert moved(flag(18, 22, "Lviv")) == (15, 19)
    assert moved(flag(6, 13, "Amounts")) is None
    assert moved(flag(0, 4, "Kyiv")) == (0, 4)
    assert moved(flag(6, 10, "Суми", Side.SOURCE)) == (6, 10)
