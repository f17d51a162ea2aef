"""Verso's speed and memory benchmark (issues 6 and 12). Prints tables; asserts nothing.

Inputs are generated with a fixed seed: glossaries of realistic Ukrainian person
names and terms (source terms inflected in the text), texts built from the NTREX
Ukrainian/English news sentences in ../shared/data. Each cell runs in a fresh
process so peak memory (max RSS) belongs to that cell alone.

    .venv/bin/python -m bench.benchmark            # the full table
    .venv/bin/python -m bench.benchmark --quick    # smaller sizes, fewer runs
    .venv/bin/python -m bench.benchmark --big      # also 100k-unit XLIFF/TMX, docx, 45 MB

After the in-process table, bench/process_bench.py prints the whole-process figures of
issue 12, cold and warm: check vs pofilter on the same XLIFF (item 1), a fresh process
on a 300-word article (item 2), linear scaling and big inputs (item 5), --batch on 1 vs
2 processes (item 7). Item 6 is the window line at the end; item 2's first checks are
the check1 column.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.model.document import Pair
    from app.core.review.checking import Checker

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("VERSO_SHARED", ROOT.parent / "shared"))
NTREX = SHARED / "data" / "ntrex-uk-en"

FIRST_NAMES = (
    "Олександр Андрій Володимир Микола Олег Сергій Юрій Петро Іван Дмитро Віктор "
    "Василь Михайло Богдан Тарас Остап Ярослав Роман Степан Григорій Євген Анатолій "
    "Віталій Валерій Денис Кирило Максим Павло Руслан Святослав Ігор Леонід Артем "
    "Антон Вадим Всеволод Данило Захар Назар Олена Ольга Наталія Тетяна Ірина Юлія "
    "Оксана Людмила Галина Катерина Марія Ганна Софія Вікторія Дарина Лариса "
    "Мирослава Надія Христина Зоряна Соломія Ярина Уляна Віра Любов "
).split()
SURNAME_STEMS = (
    "Шевч Коваль Бондар Ткач Кравч Олійн Мельн Поліщ Гончар Лисен Мороз Савч Руденк "
    "Марчен Петрен Кузьмен Павлен Левч Сидор Гаврил Климен Карпен Литвин Зінч Остапч "
    "Кравц Дорош Гнат Мартин Яковл Тимош Семен Давид Стеф Андрі Білоус Головат "
    "Запорож Костюк Онищ Федор Юрч Панас Пилип Назар Лукаш Нестор Прокоп Тарас "
    "Степан Ковалишин Грищ Романч Михайл Зубк "
).split()
SURNAME_SUFFIXES = ("енко", "ук", "чук", "ишин", "ський", "ович", "як", "ець")
TERM_HEADS = (
    "рада комітет агенція служба фонд інститут центр асоціація палата комісія "
    "управління міністерство департамент об'єднання партія спілка академія суд "
    "прокуратура інспекція "
).split()


def _entries(count: int, rng: random.Random) -> list[tuple[str, str, str]]:
    from translitua import translit

    seen: set[str] = set()
    out: list[tuple[str, str, str]] = []
    while len(out) < count:
        if rng.random() < 0.8:
            first = rng.choice(FIRST_NAMES)
            surname = rng.choice(SURNAME_STEMS) + rng.choice(SURNAME_SUFFIXES)
            source = f"{first} {surname}"
        else:
            stem = rng.choice(SURNAME_STEMS)
            source = f"{rng.choice(TERM_HEADS)} {stem}енка {rng.randint(1, 999)}"
        if source in seen:
            continue
        seen.add(source)
        target = translit(source)
        # a Russian-style rendering an MT engine might produce: the rejected variant
        forbidden = target.replace("kh", "h").replace("yi", "iy").replace("ii", "iy")
        out.append((source, target.title() if source[0].isupper() else target, forbidden))
    return out


def write_glossary(path: Path, count: int, seed: int = 0) -> list[tuple[str, str, str]]:
    entries = _entries(count, random.Random(seed))
    lines = ["source\ttarget\tforbidden\tnote"]
    lines += [f"{s}\t{t}\t{f if f != t else ''}\tbenchmark" for s, t, f in entries]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return entries


def _inflect(source: str, morph: object, case: str) -> str:
    words = []
    for word in source.split():
        parsed = morph.parse(word)[0]  # type: ignore[attr-defined]
        form = parsed.inflect({case})
        words.append(form.word.capitalize() if form and word[0].isupper() else word)
    return " ".join(words)


def write_texts(
    folder: Path, words: int, entries: list[tuple[str, str, str]], seed: int = 0
) -> int:
    """Source/target texts of about `words` source words; glossary names inflected inside."""
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer(lang="uk")
    rng = random.Random(seed)
    uk = (NTREX / "uk.txt").read_text(encoding="utf-8").splitlines()
    en = (NTREX / "en.txt").read_text(encoding="utf-8").splitlines()
    docs = (NTREX / "document_ids.tsv").read_text(encoding="utf-8").splitlines()
    src_pars: list[str] = []
    tgt_pars: list[str] = []
    count, i, current = 0, 0, None
    src_par: list[str] = []
    tgt_par: list[str] = []
    while count < words:
        line = i % len(uk)
        if docs[line] != current or len(src_par) >= 4:
            if src_par:
                src_pars.append(" ".join(src_par))
                tgt_pars.append(" ".join(tgt_par))
            src_par, tgt_par, current = [], [], docs[line]
        s, t = uk[line], en[line]
        if entries and rng.random() < 0.3:
            source, target, _ = rng.choice(entries)
            s = f"{s} За словами {_inflect(source, morph, 'gent')}, це так."
            t = f"{t} According to {target}, this is so."
        src_par.append(s)
        tgt_par.append(t)
        count += len(s.split())
        i += 1
    src_pars.append(" ".join(src_par))
    tgt_pars.append(" ".join(tgt_par))
    (folder / "src.txt").write_text("\n\n".join(src_pars) + "\n", encoding="utf-8")
    (folder / "tgt.txt").write_text("\n\n".join(tgt_pars) + "\n", encoding="utf-8")
    return count


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_cell(glossary: Path, folder: Path, runs: int) -> dict[str, float]:
    """One measurement in this (fresh) process: load, align, check, re-check one pair.

    Loading is timed three ways: cold (parse and build, no cache), the first load with
    the cache on (parse, build and write the cache) and warm (read from the cache).
    """
    import gc

    from app.core.glossary.version import load_index
    from app.core.model.issues import Issue
    from app.core.review.checking import checker_for
    from app.core.review.collections_pause import CHECK_GC
    from app.core.review.inputs import open_input

    gc.set_threshold(*CHECK_GC)  # as the app runs (app/__main__.py: every command)
    # Warm-up outside the timings: dictionaries and detectors load once per process.
    from app.core.text.morphology import lemmas

    lemmas("Києві", "uk")
    cache_dir = folder / f"cache-{glossary.stem}"
    t0 = time.perf_counter()
    index = load_index(glossary, "uk", use_cache=False)
    cold_s = time.perf_counter() - t0
    del index
    t0 = time.perf_counter()
    index = load_index(glossary, "uk", use_cache=True, folder=cache_dir)
    write_s = time.perf_counter() - t0
    del index
    gc.collect()
    t0 = time.perf_counter()
    index = load_index(glossary, "uk", use_cache=True, folder=cache_dir)
    load_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    article = [folder / "src.txt", folder / "tgt.txt"]
    review = open_input(article, source_lang="uk", target_lang="en")
    pairs = review.pairs
    align_s = time.perf_counter() - t0
    checker = checker_for(review, index)
    checker.check(pairs[:5])  # warm the checks' lazy state
    checker.prepare()  # and their one-time loads (proper nouns)
    # The first check split over the cores as the CLI does, and in one process, each in
    # a forked copy of this process (the split leaves the child's memos behind, and the
    # in-process figure below must meet every sentence for the first time too; a forked
    # copy pays copy-on-write faults, so the two trials compare with each other).
    one_wall, one_cpu, _ = first_check_trial(checker, pairs, 1)
    split_wall, split_cpu, split_procs = first_check_trial(checker, pairs, None)
    # The first run meets every sentence for the first time (lemmas, memos); later runs
    # are what a re-check of the unchanged article costs.
    times = []
    issues: list[Issue] = []
    for _ in range(runs):
        t0 = time.perf_counter()
        issues = checker.check(pairs)
        times.append(time.perf_counter() - t0)
    middle = len(pairs) // 2
    edited = list(pairs)
    re_times = []
    for n in range(max(5, runs * 3)):
        # A different edit each time, as when typing: nothing is served from a memo.
        edited[middle] = pairs[middle].with_target(pairs[middle].target + " Kiev" * (n + 1))
        t0 = time.perf_counter()
        checker.recheck(edited, middle, issues)
        re_times.append(time.perf_counter() - t0)
    return {
        "cold_s": cold_s,
        "write_s": write_s,
        "load_s": load_s,
        "align_s": align_s,
        "first_check_s": times[0],
        "first_check_fork1_s": one_wall,
        "first_check_fork1_cpu_s": one_cpu,
        "first_check_split_s": split_wall,
        "first_check_split_cpu_s": split_cpu,
        "split_processes": split_procs,
        "check_s": statistics.median(times),
        "recheck_s": statistics.median(re_times),
        "pairs": len(pairs),
        "issues": len(issues),
        "peak_mb": _peak_mb(),
    }


def _ms_pair(r: dict[str, float], key: str) -> str:
    return f"{r[key + '_s'] * 1000:>7.1f}/{r[key + '_cpu_s'] * 1000:>7.1f}"


def first_check_trial(
    checker: Checker, pairs: Sequence[Pair], jobs: int | None
) -> tuple[float, float, int]:
    """(wall s, CPU s of every process, processes used) of checker's first check of
    `pairs` with `jobs` (None: the free cores, the CLI's default), run in a forked copy
    of this process so this one stays as cold as it was."""
    import gc
    import pickle

    from app.core.review.split import free_cores

    read, write = os.pipe()
    gc.freeze()  # as split.py does: a collection in the trial would copy the whole heap
    pid = os.fork()
    gc.unfreeze()
    if pid == 0:  # the trial: measure, send, leave without touching the parent's state
        try:
            checker.jobs = free_cores() if jobs is None else jobs
            kids = resource.getrusage(resource.RUSAGE_CHILDREN)
            c0, t0 = time.process_time(), time.perf_counter()
            checker.check(pairs)
            wall = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            child_cpu = (after.ru_utime + after.ru_stime) - (kids.ru_utime + kids.ru_stime)
            found = (wall, time.process_time() - c0 + child_cpu, checker.last_processes)
            os.write(write, pickle.dumps(found))
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as answer:
        data = answer.read()
    os.waitpid(pid, 0)
    wall, cpu, procs = pickle.loads(data)
    return float(wall), float(cpu), int(procs)


def startup_time(runs: int) -> float | None:
    """Launch to a shown, checked sample window (offscreen), median of `runs`."""
    from bench.process_bench import installed_env

    env = dict(installed_env(), QT_QPA_PLATFORM="offscreen")
    cmd = [
        sys.executable, "-m", "app", "open",
        str(ROOT / "seeds" / "geneva-talks.uk.txt"), str(ROOT / "seeds" / "geneva-talks.en.txt"),
        "--glossary", str(ROOT / "seeds" / "glossary.tsv"), "--quit-after-check",
    ]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT)
        if proc.returncode != 0:
            print(f"start-up run failed: {proc.stderr.strip()[-300:]}", file=sys.stderr)
            return None
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer runs")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per cell (median)")
    parser.add_argument("--big", action="store_true", help="also the big-input figures (slow)")
    parser.add_argument("--cell", nargs=2, metavar=("GLOSSARY", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.cell:
        print(json.dumps(run_cell(Path(args.cell[0]), Path(args.cell[1]), args.runs)))
        return 0
    if not (NTREX / "uk.txt").exists():
        print(f"benchmark skipped: {NTREX} not found (set VERSO_SHARED to the shared folder)")
        return 0
    glossary_sizes = (10, 1_000, 10_000) if args.quick else (10, 1_000, 10_000, 100_000)
    text_sizes = (1_000, 10_000) if args.quick else (1_000, 10_000, 50_000)
    runs = 3 if args.quick else args.runs
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.platform()}"
    )
    checks: dict[tuple[int, int], float] = {}
    rechecks: dict[tuple[int, int], float] = {}  # item 6: one edited pair, in-process
    small_size, big_size = min(glossary_sizes), max(glossary_sizes)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        glossaries = {}
        for g in glossary_sizes:
            glossaries[g] = (base / f"g{g}.tsv", write_glossary(base / f"g{g}.tsv", g))
        # One text per size, the same for every glossary: names from the first 2,000
        # entries (the same entries in every glossary of 2,000 or more).
        names = write_glossary(base / "names.tsv", 2000)
        header = (f"{'entries':>8} {'words':>7} {'pairs':>6} {'cold ms':>8} {'1st ms':>7} "
                  f"{'warm ms':>8} {'align ms':>9} {'check1 ms':>9} {'check ms':>9} "
                  f"{'recheck ms':>10} {'issues':>7} {'peak MB':>8} {'forked 1p':>15} "
                  f"{'forked CLI':>18}")
        print("cold: parse + build, no cache; 1st: same + write the cache; "
              "warm: read the cache;\ncheck1: first check of the article (one process); "
              "check: median of later full checks; recheck: one edited pair;\nforked: the "
              "first check in a forked copy (wall ms / CPU ms of all its processes), in one "
              "process (1p) and as the CLI runs it (split over the free cores when it pays)")
        print(header)
        print("-" * len(header))
        for words in text_sizes:
            folder = base / f"t{words}"
            folder.mkdir()
            write_texts(folder, words, names)
            for g in glossary_sizes:
                path, _ = glossaries[g]
                proc = subprocess.run(
                    [sys.executable, "-m", "bench.benchmark", "--runs", str(runs),
                     "--cell", str(path), str(folder)],
                    capture_output=True, text=True, cwd=ROOT,
                )
                if proc.returncode != 0:
                    print(f"{g:>8} {words:>7} failed: {proc.stderr.strip()[-400:]}")
                    continue
                r = json.loads(proc.stdout.strip().splitlines()[-1])
                checks[(g, words)] = r["first_check_s"]
                rechecks[(g, words)] = r["recheck_s"]
                print(f"{g:>8} {words:>7} {r['pairs']:>6} {r['cold_s']*1000:>8.0f} "
                      f"{r['write_s']*1000:>7.0f} {r['load_s']*1000:>8.0f} "
                      f"{r['align_s']*1000:>9.0f} {r['first_check_s']*1000:>9.1f} "
                      f"{r['check_s']*1000:>9.1f} "
                      f"{r['recheck_s']*1000:>10.2f} {r['issues']:>7} {r['peak_mb']:>8.0f} "
                      f"{_ms_pair(r, 'first_check_fork1')} {_ms_pair(r, 'first_check_split')}"
                      f" {r['split_processes']}p")
        from bench.process_bench import run_all

        run_all(base, runs, glossaries[small_size][1], names, glossaries[big_size][0],
                args.big)
    small, big = min(glossary_sizes), max(glossary_sizes)
    for words in text_sizes:
        if (small, words) in checks and (big, words) in checks:
            ratio = checks[(big, words)] / checks[(small, words)]
            print(f"first check, {big:,} vs {small} entries on {words:,} words: {ratio:.2f}x")
    for (g, words), seconds in sorted(rechecks.items()):
        if words == 10_000:
            print(f"re-check while typing, one pair of the {words:,}-word article, {g:,} "
                  f"entries: {seconds * 1000:.1f} ms (target 16 ms)")
    start = startup_time(3 if args.quick else 5)
    if start is not None:
        print(f"window shown with the checked sample (offscreen, launch to checked): "
              f"{start * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
