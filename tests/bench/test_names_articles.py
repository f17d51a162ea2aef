"""bench/names_articles.py: the four article pairs load, their answers point at real
text, and the scoring finds what the checks flag."""

from __future__ import annotations

import json

from bench import names_articles


def test_every_answer_is_in_its_pair() -> None:
    key = json.loads((names_articles.DATA / "answers.json").read_text(encoding="utf-8"))
    assert len(key["articles"]) >= 4
    for name, answers in key["articles"].items():
        pairs = names_articles.load(names_articles.DATA / name)
        assert len(pairs) >= 8
        for answer in answers:
            pair = pairs[answer["pair"]]
            assert answer["text"] in pair.target or answer["text"] in pair.source, answer


def test_scoring_counts_found_answers_and_right_suggestions() -> None:
    pairs = names_articles.load(names_articles.DATA / "03-services.tsv")
    answers = [
        {"pair": 6, "text": "Nikolaev", "kind": "russian-place", "fix": "Mykolaiv"},
        {"pair": 0, "text": "Kropyvnytskyi", "kind": "none", "fix": "-"},
    ]
    found, fixed, lines = names_articles.score(pairs, answers)
    assert (found, fixed) == (1, 1)
    assert any(line.startswith("  MISSED  p0") for line in lines)
