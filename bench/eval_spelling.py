"""The optional spelling check on ntrex-uk-en (issue 11, item 8), per half of the split.

1. False alarms: spelling issues (information, the check's only severity) on the clean
   professional pairs, per 100 pairs (target <= 0.3 on the held-out half).
2. Recall: one copy of an article per pair with one keyboard slip (letters swapped,
   one dropped or one doubled; random.Random(8)) in a random word of 6+ letters; found
   when a spelling issue covers the changed word. A slip that makes another dictionary
   word (county for country) is no spelling error and is left out; capitalised words
   (mostly names, which the check leaves to the name checks) are counted apart.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from contextlib import contextmanager

from app.core.checks import spelling
from app.core.checks.base import CheckContext
from app.core.checks.spelling import SpellingCheck, dictionaries
from app.core.model.document import Pair
from bench.eval_split import HALVES, TUNE, half_of, per100

_WORD = re.compile(r"\b[A-Za-z]{6,}\b")
CTX = CheckContext("uk", "en")


@contextmanager
def _no_suggestions() -> Iterator[None]:
    """Suggestions cost ~0.4 s a word and do not change what is flagged."""
    saved = spelling.SUGGEST_BUDGET
    spelling.SUGGEST_BUDGET = -1.0
    try:
        yield
    finally:
        spelling.SUGGEST_BUDGET = saved


def _slip(rng: random.Random, word: str) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def _known(word: str) -> bool:
    return any(d.lookup(word) or d.lookup(word.lower()) for d in dictionaries())


def false_alarms(docs: dict[str, list[Pair]], show: int = 0) -> dict[str, tuple[int, int]]:
    """half -> (pairs, spelling issues)."""
    out = {h: (0, 0) for h in HALVES}
    shown = 0
    with _no_suggestions():
        for doc_id, doc in docs.items():
            half = half_of(doc_id)
            issues = list(SpellingCheck().run(doc, CTX))
            pairs, flags = out[half]
            out[half] = (pairs + len(doc), flags + len(issues))
            for issue in issues:
                if half == TUNE and shown < show:
                    shown += 1
                    print(f"  [spelling] {issue.text!r}: {doc[issue.pair].target[:200]}")
    return out


def recall(docs: dict[str, list[Pair]]) -> dict[str, dict[str, tuple[int, int]]]:
    """half -> {"lower"/"capitalised" -> (injected, found)}."""
    rng = random.Random(8)
    out: dict[str, dict[str, tuple[int, int]]] = {h: {} for h in HALVES}
    with _no_suggestions():
        for doc_id, doc in docs.items():
            half = half_of(doc_id)
            for pair in doc:
                words = list(_WORD.finditer(pair.target))
                if not words:
                    continue
                m = rng.choice(words)
                bad = _slip(rng, m.group())
                if bad == m.group() or _known(bad):
                    continue
                changed = pair.with_target(pair.target[: m.start()] + bad + pair.target[m.end() :])
                # The check's verdict on a word depends on its own pair and on whether the
                # word recurs in the article: the pair alone gives the same verdict, faster,
                # unless the slip happens to be written elsewhere in the article.
                elsewhere = any(bad in p.target for p in doc if p.index != pair.index)
                new = list(doc) if elsewhere else [changed]
                if elsewhere:
                    new[pair.index] = changed
                end = m.start() + len(bad)
                hit = any(
                    i.pair == pair.index and i.start < end and i.end > m.start()
                    for i in SpellingCheck().run(new, CTX)
                )
                group = "capitalised" if bad[:1].isupper() else "lower"
                n, found = out[half].get(group, (0, 0))
                out[half][group] = (n + 1, found + hit)
    return out


def report(docs: dict[str, list[Pair]], show: int = 0) -> None:
    if not dictionaries():
        print("\nSpelling (optional check): skipped, no hunspell dictionary or no spylls")
        return
    fa = false_alarms(docs, show)
    print("\nSpelling (optional check), tuning / held-out half:")
    cells = [f"{flags:5} {per100(flags, pairs)}" for pairs, flags in (fa[h] for h in HALVES)]
    print(f"  {'false alarms per 100':22} {'   '.join(cells)}   (target <= 0.30)")
    rec = recall(docs)
    for group in ("lower", "capitalised", None):
        cells = []
        for h in HALVES:
            if group is None:
                n = sum(v[0] for v in rec[h].values())
                hit = sum(v[1] for v in rec[h].values())
            else:
                n, hit = rec[h].get(group, (0, 0))
            cells.append(f"{n:5} {hit:5} {100 * hit / n:6.1f}%" if n else "    -")
        print(f"  {'recall, ' + (group or 'all') + ' words':22} {'   '.join(cells)}")
