"""Whole-process figures of issue 12 (items 1, 2, 5, 7), each cold and warm.

Every figure is a fresh `python -m app ...` (or `pofilter`) process, timed from outside:
wall seconds and CPU seconds (user + sys of the child, which a busy machine does not
inflate). "cold" is the first run (glossary index cache emptied before it), "warm" the
median of the later runs. Called by bench/benchmark.py; runs alone too:

    .venv/bin/python -m bench.process_bench [--runs N] [--big]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("VERSO_SHARED", ROOT.parent / "shared"))
NTREX = SHARED / "data" / "ntrex-uk-en"
STARTER = ROOT / "seeds" / "glossary.tsv"


@dataclass
class Timing:
    cold_wall: float
    cold_cpu: float
    warm_wall: float
    warm_cpu: float
    peak_mb: float
    code: int

    def cells(self) -> str:
        return (f"cold {self.cold_wall:6.2f} s wall {self.cold_cpu:6.2f} s cpu | "
                f"warm {self.warm_wall:6.2f} s wall {self.warm_cpu:6.2f} s cpu | "
                f"peak {self.peak_mb:5.0f} MB")


def _once(
    cmd: Sequence[str], env: dict[str, str], timeout: float
) -> tuple[float, float, float, int]:
    """(wall s, cpu s, peak MB, exit code) of one run, from the kernel's own accounting."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    timer.cancel()
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code  # reaped here, by wait4
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code


def installed_env() -> dict[str, str]:
    """This environment as an installed Verso runs: bytecode cached (pip compiles it at
    install). With PYTHONDONTWRITEBYTECODE set (some sandboxes and CI images) every
    run would compile the app's ~150 modules again, ~0.2-0.5 s a process."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed(cmd: Sequence[str], runs: int, cache: Path | None = None,
          timeout: float = 600) -> Timing:
    """First run cold (empty index cache), then the median of `runs - 1` warm runs."""
    env = installed_env()
    if cache is not None:
        shutil.rmtree(cache, ignore_errors=True)
        env["VERSO_CACHE_DIR"] = str(cache)
    results = [_once(cmd, env, timeout) for _ in range(max(2, runs))]
    warm = results[1:]
    return Timing(results[0][0], results[0][1], statistics.median(r[0] for r in warm),
                  statistics.median(r[1] for r in warm), max(r[2] for r in results),
                  results[0][3])


def check_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "app", "check", *args]


def write_ntrex_xliff(path: Path) -> int:
    """The NTREX pairs as one XLIFF 1.2 file (one unit a sentence); its source words."""
    from app.core.files.bilingual_write import write_bilingual
    from app.core.model.document import Pair

    uk = (NTREX / "uk.txt").read_text(encoding="utf-8").splitlines()
    en = (NTREX / "en.txt").read_text(encoding="utf-8").splitlines()
    pairs = [Pair(i, s, t, i) for i, (s, t) in enumerate(zip(uk, en, strict=True))]
    write_bilingual(path, pairs, "uk", "en")
    return sum(len(s.split()) for s in uk)


def timed_interleaved(
    cmds: dict[str, tuple[Sequence[str], Path | None]], runs: int, timeout: float = 600
) -> dict[str, Timing]:
    """timed() of several commands, their runs taken in turn (A B C A B C ...), so a
    machine whose load changes meanwhile weighs on each alike; each one's first run
    cold (its cache emptied before)."""
    env = installed_env()
    envs: dict[str, dict[str, str]] = {}
    for name, (_, cache) in cmds.items():
        envs[name] = dict(env)
        if cache is not None:
            shutil.rmtree(cache, ignore_errors=True)
            envs[name]["VERSO_CACHE_DIR"] = str(cache)
    results: dict[str, list[tuple[float, float, float, int]]] = {name: [] for name in cmds}
    for _ in range(max(2, runs)):
        for name, (cmd, _) in cmds.items():
            results[name].append(_once(cmd, envs[name], timeout))
    return {
        name: Timing(r[0][0], r[0][1], statistics.median(x[0] for x in r[1:]),
                     statistics.median(x[1] for x in r[1:]), max(x[2] for x in r), r[0][3])
        for name, r in results.items()
    }  # fmt: skip


_BURN = """
import os, time
pid = os.fork()
if pid == 0:
    t = time.process_time()
    while time.process_time() - t < 0.3:
        pass
    os._exit(0)
os.waitpid(pid, 0)
"""


def child_cpu_counted() -> float:
    """CPU s that wait4 reports for a process whose forked child burns 0.3 s and is
    reaped: about 0.3 when a waited-for descendant's time counts (Linux), about 0 not."""
    _, cpu, _, _ = _once([sys.executable, "-c", _BURN], installed_env(), 60)
    return cpu


def item1(base: Path, runs: int, big_glossary: Path | None, small_glossary: Path) -> None:
    xliff = base / "ntrex.xlf"
    words = write_ntrex_xliff(xliff)
    pofilter = shutil.which("pofilter", path=str(Path(sys.executable).parent)) or "pofilter"
    print(f"\nitem 1: NTREX, {words:,} source words in one XLIFF, whole process "
          f"({os.cpu_count()} cores, load {os.getloadavg()[0]:.2f} at start)")
    print("  verso's default splits a big check over the free cores (wall: up to 2 cores "
          "at once); its CPU counts the forked child (wait4 includes reaped children: a "
          f"child burning 0.30 s shows as {child_cpu_counted():.2f} s); pofilter uses one core")
    check = [str(xliff), "--glossary", str(STARTER), "--format", "json"]
    t = timed_interleaved({
        "verso check, starter glossary": (check_cmd(*check), base / "cache1"),
        "verso check --jobs 1": (check_cmd(*check, "--jobs", "1"), base / "cache1j"),
        "pofilter default checks": ([pofilter, "-i", str(xliff), "-o",
                                     str(base / "pofilter.xlf")], None),
    }, runs)  # fmt: skip
    for name, timing in t.items():
        print(f"  {name:<32} {timing.cells()}  warm {words / timing.warm_wall:7,.0f} words/"
              f"wall-s {words / timing.warm_cpu:7,.0f} words/cpu-s")
    theirs = t["pofilter default checks"]
    for name in ("verso check, starter glossary", "verso check --jobs 1"):
        ours = t[name]
        print(f"  {name} / pofilter (warm): wall {ours.warm_wall / theirs.warm_wall:.2f}x, "
              f"cpu {ours.warm_cpu / theirs.warm_cpu:.2f}x (target <= 1.00x)")
    print(f"  load after item 1: {os.getloadavg()[0]:.2f}")
    # The glossary-size ratio in one process (--jobs 1): whether the default splits
    # depends on how busy the machine is at that moment, which would blur a CPU ratio.
    one = ("--format", "json", "--jobs", "1")
    small = timed(check_cmd(str(xliff), "--glossary", str(small_glossary), *one),
                  runs, base / "cache1s")
    print(f"  {'10-entry glossary, --jobs 1':<32} {small.cells()}")
    if big_glossary is not None:
        big = timed(check_cmd(str(xliff), "--glossary", str(big_glossary), *one),
                    runs, base / "cache1b")
        print(f"  {big_glossary.stem + ' glossary, --jobs 1':<32} {big.cells()}")
        print(f"  big / 10 entries cpu: cold {big.cold_cpu / small.cold_cpu:.2f}x, "
              f"warm {big.warm_cpu / small.warm_cpu:.2f}x (target <= 1.2x)")


def item2_fresh(base: Path, runs: int, entries: list[tuple[str, str, str]]) -> None:
    from bench.benchmark import write_texts

    folder = base / "t300"
    folder.mkdir(exist_ok=True)
    write_texts(folder, 300, entries)
    t = timed(check_cmd(str(folder / "src.txt"), str(folder / "tgt.txt"), "--glossary",
                        str(STARTER), "--format", "json"), runs, base / "cache2")
    print(f"\nitem 2: fresh process on a 300-word article (target 0.5 s)\n  {t.cells()}")


def item5_linear(base: Path, runs: int, entries: list[tuple[str, str, str]]) -> None:
    from bench.benchmark import write_texts

    print("\nitem 5: linear in distinct text (fresh process, starter glossary, --jobs 1: "
          "the split's extra CPU would come and go with the machine's load)")
    first: float | None = None
    for factor in (1, 2, 4, 8):
        folder = base / f"lin{factor}"
        folder.mkdir(exist_ok=True)
        words = write_texts(folder, 4000 * factor, entries, seed=factor)
        t = timed(check_cmd(str(folder / "src.txt"), str(folder / "tgt.txt"), "--glossary",
                            str(STARTER), "--format", "json", "--jobs", "1"), runs,
                  base / "cache5")
        first = first or t.warm_cpu / factor
        print(f"  {factor}x {words:>7,} words  {t.cells()}  "
              f"cpu per 1x {t.warm_cpu / factor / first:.2f}")


def write_batch_folder(folder: Path) -> int:
    """NTREX split by document into NAME.uk.txt + NAME.en.txt articles."""
    folder.mkdir(exist_ok=True)
    uk = (NTREX / "uk.txt").read_text(encoding="utf-8").splitlines()
    en = (NTREX / "en.txt").read_text(encoding="utf-8").splitlines()
    docs = (NTREX / "document_ids.tsv").read_text(encoding="utf-8").splitlines()
    grouped: dict[str, tuple[list[str], list[str]]] = {}
    for doc, s, t in zip(docs, uk, en, strict=True):
        grouped.setdefault(doc, ([], []))[0].append(s)
        grouped[doc][1].append(t)
    for n, (src, tgt) in enumerate(grouped.values()):
        (folder / f"doc{n:03}.uk.txt").write_text("\n\n".join(src) + "\n", encoding="utf-8")
        (folder / f"doc{n:03}.en.txt").write_text("\n\n".join(tgt) + "\n", encoding="utf-8")
    return len(grouped)


def item7_batch(base: Path, runs: int) -> None:
    folder = base / "batch"
    count = write_batch_folder(folder)
    print(f"\nitem 7: check --batch on {count} NTREX articles, starter glossary")
    walls = {}
    for jobs in (1, 2):
        t = timed(check_cmd("--batch", str(folder), "--jobs", str(jobs), "--glossary",
                            str(STARTER)), runs, base / "cache7")
        walls[jobs] = t.warm_wall
        print(f"  {jobs} process{'es' if jobs > 1 else '  '} {t.cells()}")
    print(f"  speed-up 2 vs 1 processes (warm wall): {walls[1] / walls[2]:.2f}x "
          f"on {os.cpu_count()} cores")


def item5_big(base: Path) -> None:
    """The big inputs and the 1x-8x scaling, from bench/big_inputs.py, run from a fresh
    small process: a child's ru_maxrss counts what it inherited from its parent before
    exec, and this process holds glossaries."""
    print("\nitem 5: big inputs, read and aligned in a fresh process (target < 10 s each)",
          flush=True)
    subprocess.run([sys.executable, "-m", "bench.big_inputs", "--dir", str(base / "big"),
                    "--scaling"], cwd=ROOT, check=False)  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (first is cold)")
    parser.add_argument("--big", action="store_true", help="also the big-file figures (slow)")
    args = parser.parse_args(argv)
    if not (NTREX / "uk.txt").exists():
        print(f"skipped: {NTREX} not found")
        return 0
    import tempfile

    from bench.benchmark import write_glossary

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        entries = write_glossary(base / "g10.tsv", 10)
        names = write_glossary(base / "names.tsv", 2000)
        big = base / "g100000.tsv"
        write_glossary(big, 100_000)
        run_all(base, args.runs, entries, names, big, args.big)
    return 0


def run_all(base: Path, runs: int, entries: list[tuple[str, str, str]],
            names: list[tuple[str, str, str]], big: Path | None, with_big: bool) -> None:
    item1(base, runs, big, base / "g10.tsv")
    item2_fresh(base, runs, names)
    item5_linear(base, max(2, runs // 2), names)
    item7_batch(base, max(2, runs // 2))
    if with_big:
        item5_big(base)


if __name__ == "__main__":
    sys.exit(main())
