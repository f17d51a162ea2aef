"""False alarms and recall of the whole check catalogue (issue 2, item 8).

1. False alarms: every check (app.core.checks.registry.all_checks(), no glossary) over the
   1,997 clean professional uk/en pairs of ntrex-uk-en, one pair a line, grouped
   into articles by document_ids.tsv. Prints warnings+errors per 100 pairs, per check.
2. Recall: copies of pairs with one injected error each (random.Random(0)); an
   injection is found when the expected check reports an issue on that pair that
   the clean pair did not have. ntrex has almost no Ukrainian names, so the name
   and glossary injections use the human references of wmt23-uk-en-news (Ukrainian
   news) as well. name-inconsistent injections re-spell one occurrence of a name
   that recurs in an article (and whose romanised source word is in the pair) the
   way romanisations differ: Zelensky/Zelenskyy, Kharkiv/Harkiv, Serhii/Serhiy.

Hold-out: every article falls in a tuning or a held-out half by a hash of its id
(bench/eval_split.py); figures are printed for both, examples (--show, --misses) come
from the tuning half only, and the held-out figures are the ones to report.

3. wmt23-uk-en-news: flags per 100 segments on the human reference and each of the 11
   MT systems (bench/eval_wmt.py).
4. The optional spelling check: false alarms and recall on injected slips
   (bench/eval_spelling.py; about two minutes, --no-spelling skips it).

Usage: .venv/bin/python -m bench.eval_checks [--limit N] [--show N] [--misses N] [--kind K]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.core.checks.base import Check, CheckContext
from app.core.checks.registry import all_checks
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side
from app.core.review.checking import Checker
from bench import eval_spelling, eval_wmt
from bench.eval_inject import (
    inject_name_inconsistent,
    inject_name_mismatch,
    inject_number,
    inject_omission,
    inject_ordinal,
    inject_spacing,
    inject_untranslated,
    make_glossary_injector,
)
from bench.eval_split import HALVES, HELD, TUNE, half_of, per100
from bench.names_inject import INJECTORS, NAME_KINDS

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
NTREX = DATA / "ntrex-uk-en"
WMT = DATA / "wmt23-uk-en-news" / "wmt23_uk-en_news_src_ref_11systems.tsv"
GLOSSARY = ROOT / "seeds" / "glossary.tsv"

KINDS: dict[str, set[str]] = {
    "number": {"number-mismatch"},
    "ordinal": {"number-mismatch"},
    "untranslated": {"untranslated"},
    "omission": {"omission"},
    "spacing": {"spacing-punctuation"},
    "name-mismatch": {"name-mismatch"},
    "name-inconsistent": {"name-inconsistent"},
    "glossary": {"glossary-forbidden", "glossary-missing"},
    **NAME_KINDS,
}


@dataclass
class Injection:
    kind: str
    doc: list[Pair]  # the article with the injected pair
    index: int  # the pair that was changed
    half: str = TUNE  # the article's half (bench/eval_split.py)


def load_ntrex(limit: int | None) -> dict[str, list[Pair]]:
    def lines(name: str) -> list[str]:
        return (NTREX / name).read_text(encoding="utf-8").split("\n")

    uk, en, ids = lines("uk.txt"), lines("en.txt"), lines("document_ids.tsv")
    n = min(len(uk), len(en), len(ids), 1997)
    if limit is not None:
        n = min(n, limit)
    docs: dict[str, list[Pair]] = defaultdict(list)
    for i in range(n):
        doc = docs[ids[i].strip()]
        doc.append(Pair(len(doc), uk[i], en[i]))
    return dict(docs)


def load_wmt_refs() -> dict[str, list[Pair]]:
    docs: dict[str, list[Pair]] = defaultdict(list)
    if not WMT.exists():
        return {}
    with WMT.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 5 or row[0] == "doc_id":
                continue
            doc = docs["wmt:" + row[0]]
            doc.append(Pair(len(doc), row[3], row[4]))
    return dict(docs)


Span = tuple[int, int] | None


def issue_keys(
    issues: Sequence[Issue], index: int, checks: set[str], flags_only: bool = False,
    back: Callable[[Issue], Span] | None = None,
) -> Counter[tuple[str, int, Side, Span, str]]:
    """Issues of `checks` on pair `index` (every pair when negative); with `flags_only`
    warnings and errors only (the issue-11 kinds: information is no flag). Keyed by
    span as well as text, so that an issue the clean pair had elsewhere with the same
    text hides no new one; `back` maps a changed article's spans to the clean one's."""
    return Counter(
        (i.check, i.pair, i.side, back(i) if back else (i.start, i.end), i.text) for i in issues
        if i.check in checks and (i.pair == index or index < 0)
        and not (flags_only and i.severity is Severity.INFO)
    )  # fmt: skip


def span_back(clean: Sequence[Pair], changed: Sequence[Pair]) -> Callable[[Issue], Span]:
    """An issue's span in the clean article: a target span after the injected change moves
    back by its length; one that overlaps the change has none (it is new)."""
    edits: dict[int, tuple[int, int, int]] = {}
    for a, b in zip(clean, changed, strict=True):
        if a.target != b.target:
            head = _common(a.target, b.target)
            room = min(len(a.target), len(b.target)) - head
            tail = min(_common(a.target[::-1], b.target[::-1]), room)
            edits[a.index] = (head, len(b.target) - tail, len(b.target) - len(a.target))

    def back(i: Issue) -> Span:
        head, tail, moved = edits.get(i.pair, (len(changed[i.pair].target), 0, 0))
        if i.side is not Side.TARGET or i.end <= head:
            return (i.start, i.end)
        return (i.start - moved, i.end - moved) if i.start >= tail else None

    return back


def _common(a: str, b: str) -> int:
    """The length of the two strings' common beginning."""
    same = (n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y)
    return next(same, min(len(a), len(b)))


# -- running -------------------------------------------------------------------


def false_alarms(
    docs: dict[str, list[Pair]], checker: Checker, show: int, half: str | None = None
) -> tuple[int, Counter[str]]:
    """Pairs and warnings+errors per check over the articles of `half` (all when None);
    `show` prints examples (only ever asked for on the tuning half)."""
    per_check: Counter[str] = Counter()
    examples: list[tuple[Issue, Pair]] = []
    total_pairs = 0
    for doc_id, doc in docs.items():
        if half is not None and half_of(doc_id) != half:
            continue
        total_pairs += len(doc)
        for issue in checker.check(doc):
            if issue.severity is Severity.INFO:
                continue
            per_check[issue.check] += 1
            examples.append((issue, doc[issue.pair]))
    for issue, pair in examples[:show]:
        print(f"  [{issue.check}] {issue.text!r} -> {issue.suggestion!r}: {issue.message}")
        print(f"      S: {pair.source[:300]}\n      T: {pair.target[:300]}")
    return total_pairs, per_check


Results = dict[str, dict[str, tuple[int, int]]]  # half -> kind -> (injected, found)


def recall(
    docs: dict[str, list[Pair]], name_docs: dict[str, list[Pair]], checks: list[Check],
    glossary_ctx: CheckContext | None,
) -> Results:
    """Injections and how many the expected checks find, per half and kind (half "all"
    adds both). Misses are kept (MISSES) for the tuning half only."""
    rng = random.Random(0)
    ctx = CheckContext("uk", "en")
    by_id = {c.id: c for c in checks}
    injections: list[tuple[Injection, CheckContext]] = []
    pair_injectors: dict[str, Callable[[random.Random, Pair], str | None]] = {
        "number": inject_number,
        "untranslated": inject_untranslated,
        "omission": inject_omission,
        "spacing": inject_spacing,
    }
    for doc_id, doc in docs.items():
        half = half_of(doc_id)
        for pair in doc:
            for kind, injector in pair_injectors.items():
                new = injector(rng, pair)
                if new is not None and new != pair.target:
                    injections.append((_injection(kind, doc, pair.index, new, half), ctx))
    ordinal_rng = random.Random(13)  # its own stream, so the kinds above keep their samples
    for doc_id, doc in docs.items():
        for pair in doc:
            new = inject_ordinal(ordinal_rng, pair)
            if new is not None:
                slip = _injection("ordinal", doc, pair.index, new, half_of(doc_id))
                injections.append((slip, ctx))
    all_ids = list(docs) + list(name_docs)
    all_docs = list(docs.values()) + list(name_docs.values())
    names_rng = random.Random(11)  # its own stream: the older kinds keep their samples
    abbr_rng = random.Random(12)  # and one for the abbreviation kind, added later
    glossary_inject = make_glossary_injector(glossary_ctx) if glossary_ctx else None
    for doc_id, doc in zip(all_ids, all_docs, strict=True):
        half = half_of(doc_id)
        for pair in doc:
            new = inject_name_mismatch(rng, pair)
            if new is not None:
                injections.append((_injection("name-mismatch", doc, pair.index, new, half), ctx))
            if glossary_inject is not None and glossary_ctx is not None:
                new = glossary_inject(rng, pair)
                if new is not None:
                    injections.append(
                        (_injection("glossary", doc, pair.index, new, half), glossary_ctx)
                    )
        made = inject_name_inconsistent(rng, doc)
        if made is not None:
            injections.append(
                (Injection("name-inconsistent", _replace(doc, *made), -1, half), ctx)
            )
        for kind, injector in INJECTORS.items():
            kind_rng = abbr_rng if kind == "abbreviation" else names_rng
            for index, new in injector(kind_rng, doc):
                if new != doc[index].target:
                    injections.append((_injection(kind, doc, index, new, half), ctx))
    results: Results = {h: {} for h in (*HALVES, "all")}
    clean_cache: dict[tuple[int, str], list[Issue]] = {}
    for inj, kctx in injections:
        expected = KINDS[inj.kind]
        kind_checks = [by_id[c] for c in expected if c in by_id]
        found = False
        if kind_checks:
            scoped = all(not c.article_scope for c in kind_checks)
            after_pairs = [inj.doc[inj.index]] if scoped and inj.index >= 0 else inj.doc
            original = _original(all_docs, inj)
            before_pairs = [original[inj.index]] if scoped and inj.index >= 0 else original
            key = (id(original), inj.kind if not scoped else f"{inj.kind}:{inj.index}")
            if key not in clean_cache:
                clean_cache[key] = Checker(kctx, kind_checks).check(before_pairs)
            flags = inj.kind in NAME_KINDS
            before = issue_keys(clean_cache[key], inj.index, expected, flags)
            after = issue_keys(
                Checker(kctx, kind_checks).check(after_pairs), inj.index, expected, flags,
                span_back(original, inj.doc),
            )
            found = bool(after - before)
        if not found and inj.half == TUNE and inj.index >= 0:
            MISSES.append((inj.kind, _original(all_docs, inj)[inj.index], inj.doc[inj.index]))
        for half in (inj.half, "all"):
            total, hit = results[half].get(inj.kind, (0, 0))
            results[half][inj.kind] = (total + 1, hit + int(found))
    return results


_ORIGINALS: dict[int, list[Pair]] = {}
MISSES: list[tuple[str, Pair, Pair]] = []  # (kind, clean pair, injected pair)


def _injection(kind: str, doc: list[Pair], index: int, target: str, half: str) -> Injection:
    return Injection(kind, _replace(doc, index, target), index, half)


def _replace(doc: list[Pair], index: int, target: str) -> list[Pair]:
    new = list(doc)
    new[index] = doc[index].with_target(target)
    _ORIGINALS[id(new)] = doc
    return new


def _original(_docs: Sequence[list[Pair]], inj: Injection) -> list[Pair]:
    return _ORIGINALS[id(inj.doc)]


def glossary_context() -> CheckContext | None:
    if not GLOSSARY.exists():
        return None
    try:
        from app.core.glossary.io import load_glossary
        from app.core.glossary.matcher import GlossaryIndex
    except ImportError:
        return None
    try:
        index = GlossaryIndex.build(load_glossary(GLOSSARY), "uk")
    except Exception as exc:  # another engineer's module mid-edit must not stop the run
        print(f"(glossary injections skipped: {type(exc).__name__}: {exc})")
        return None
    return CheckContext("uk", "en", index)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="use only the first N ntrex pairs")
    parser.add_argument("--show", type=int, default=0, help="print N false alarms (tuning half)")
    parser.add_argument("--misses", type=int, default=0, help="print N misses (tuning half)")
    parser.add_argument("--kind", default=None, help="print misses of this kind only")
    parser.add_argument("--no-spelling", action="store_true", help="skip the spelling check")
    parser.add_argument("--no-wmt", action="store_true", help="skip the wmt23 rates")
    args = parser.parse_args(argv)
    if not (NTREX / "uk.txt").exists():
        print(f"skipped: {NTREX} is absent (the shared data sets live in ../shared/data)")
        return 0
    t0 = time.monotonic()
    docs = load_ntrex(args.limit)
    checks = all_checks()
    checker = Checker(CheckContext("uk", "en"), checks)
    counted = {h: false_alarms(docs, checker, args.show if h == TUNE else 0, h) for h in HALVES}
    pairs = sum(n for n, _ in counted.values())
    print(f"False alarms on {pairs} clean ntrex-uk-en pairs (warnings+errors per 100 pairs),"
          f" tuning half ({counted[TUNE][0]} pairs) / held-out half ({counted[HELD][0]} pairs):")
    for check in [*checks, None]:
        cells = []
        for h in HALVES:
            n, per_check = counted[h]
            count = per_check[check.id] if check else sum(per_check.values())
            cells.append(f"{count:5} {per100(count, n)}")
        name = check.id if check else "TOTAL"
        print(f"  {name:22} {'   '.join(cells)}" + ("" if check else "   (target <= 1.00)"))
    name_docs = load_wmt_refs() if args.limit is None else {}
    results = recall(docs, name_docs, checks, glossary_context())
    print("\nRecall on injected errors (random.Random(0)), tuning / held-out half:")
    print(f"  {'kind':20} {'injected':>8} {'found':>6} {'recall':>7}   "
          f"{'injected':>8} {'found':>6} {'recall':>7}")
    for kind in [*KINDS, None]:
        cells = []
        for h in HALVES:
            if kind is None:
                n = sum(v[0] for v in results[h].values())
                hit = sum(v[1] for v in results[h].values())
            else:
                n, hit = results[h].get(kind, (0, 0))
            rate = f"{100 * hit / n:6.1f}%" if n else "     -"
            cells.append(f"{n:8} {hit:6} {rate}")
        print(f"  {kind or 'OVERALL':20} {'   '.join(cells)}")
    misses = [m for m in MISSES if args.kind in (None, m[0])]
    for kind, clean, changed in misses[: args.misses]:
        print(f"  MISSED {kind}: {clean.target[:200]}\n      -> {changed.target[:200]}")
        print(f"      S: {clean.source[:200]}")
    if not args.no_wmt and args.limit is None:
        eval_wmt.report(WMT, args.show)
    if not args.no_spelling:
        eval_spelling.report(docs, args.show)
    print(f"\n({time.monotonic() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
