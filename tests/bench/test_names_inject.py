"""bench/names_inject.py: each injector makes the error it names, in a name the article has."""

from __future__ import annotations

import random

from app.core.model.document import Pair
from bench import names_inject

ARTICLE = [
    Pair(0, "Президент Володимир Зеленський прибув до Харкова.",
         "President Volodymyr Zelenskyi arrived in Kharkiv."),
    Pair(1, "Зеленський зустрівся з Кіром Стармером.", "Zelenskyi met Keir Starmer."),
    Pair(2, "Стармер пообіцяв троє літаків.", "Starmer promised three planes."),
    Pair(3, "Державний секретар Марко Рубіо теж був у Харкові.",
         "Secretary of State Marco Rubio was in Kharkiv too."),
]  # fmt: skip


def changed(kind: str) -> dict[int, str]:
    return dict(names_inject.INJECTORS[kind](random.Random(0), ARTICLE))


def test_each_kind_changes_a_name_of_the_article() -> None:
    variants = changed("surname-variant")
    assert variants and all("Zelenskyi" not in t for t in variants.values())
    slips = changed("foreign-misspelling")
    assert 2 in slips and "Starmer" not in slips[2]
    assert changed("russian-place")[0] == "President Volodymyr Zelenskyi arrived in Kharkov."
    assert changed("name-replaced")[3] != ARTICLE[3].target
    assert changed("number-word")[2].startswith("Starmer promised ")
    assert "three" not in changed("number-word")[2]
    assert changed("foreign-first-name")[3] == "Secretary of State Marko Rubio was in Kharkiv too."


def test_name_replaced_injects_every_mention_with_a_word_and_with_a_name() -> None:
    made = names_inject.name_replaced(random.Random(0), ARTICLE)
    # Kharkiv (pairs 0 and 3): a word and another place; Volodymyr (0): another first name
    # (a first name is replaced by a word only when it means one: Надія -> Hope)
    assert sorted(i for i, _ in made) == [0, 0, 0, 3, 3]
    for index, target in made:
        assert target != ARTICLE[index].target
    assert any("Kharkiv" not in t and "Volodymyr" in t for i, t in made if i == 0)


def test_name_replaced_draws_from_its_own_stream() -> None:
    """The shared stream sees only the first sample's draws: later kinds keep theirs."""
    a, b = random.Random(5), random.Random(5)
    names_inject.name_replaced(a, ARTICLE)
    names_inject._legacy_name_replaced(b, ARTICLE)
    assert a.random() == b.random()
    assert names_inject.name_replaced(random.Random(1), ARTICLE) == names_inject.name_replaced(
        random.Random(2), ARTICLE
    )
