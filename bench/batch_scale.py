"""Issue 17 item 5: articles per second of `check --batch`, local processes vs Dask.

Writes a folder of ARTICLES article pairs (NAME.uk.txt + NAME.en.txt, SENTENCES NTREX
sentences each, two paragraphs) and runs `python -m app check --batch` on it in a fresh
process per configuration: local 1 and 2 processes, dask 1 and 2 workers (a
LocalCluster). Prints, per configuration, the wall time of the whole command, the time
to the first result (start-up: interpreter, pool or cluster, first glossary index) and
the steady rate (articles per second between the first and the last result, read from
the progress lines on stderr). Run:
    .venv/bin/python -m bench.batch_scale [--articles 200] [--sentences 10] [--dir DIR]
Skips (exit 0, with the reason) when ../shared/data/ntrex-uk-en is absent.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("VERSO_SHARED", ROOT.parent / "shared"))
NTREX = SHARED / "data" / "ntrex-uk-en"
GLOSSARY = ROOT / "seeds" / "glossary.tsv"
CONFIGS = (("local", 1), ("local", 2), ("dask", 1), ("dask", 2))
_PROGRESS = re.compile(r"^\[(\d+)/(\d+)\] .*\((\d+(?:\.\d+)?)s\)$")


def write_articles(folder: Path, articles: int, sentences: int) -> int:
    """ARTICLES pairs of consecutive NTREX sentences (wrapping round); returns the count."""
    uk = (NTREX / "uk.txt").read_text(encoding="utf-8").splitlines()
    en = (NTREX / "en.txt").read_text(encoding="utf-8").splitlines()
    folder.mkdir(parents=True, exist_ok=True)
    half = max(1, sentences // 2)
    for a in range(articles):
        idx = [(a * sentences + s) % len(uk) for s in range(sentences)]
        for lang, lines in (("uk", uk), ("en", en)):
            text = [lines[i] for i in idx]
            body = " ".join(text[:half]) + "\n\n" + " ".join(text[half:]) + "\n"
            (folder / f"a{a:05}.{lang}.txt").write_text(body, encoding="utf-8")
    return articles


def run_config(folder: Path, engine: str, workers: int) -> dict[str, float]:
    """One `check --batch` run in its own process: wall, first result, steady rate."""
    cmd = [sys.executable, "-m", "app", "check", "--batch", str(folder), "--glossary",
           str(GLOSSARY), "--engine", engine, "--jobs", str(workers)]  # fmt: skip
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{engine} x{workers} failed ({proc.returncode}): {proc.stderr[-500:]}")
    stamps = [float(m[3]) for m in map(_PROGRESS.match, proc.stderr.splitlines()) if m]
    n = len(stamps)
    steady = (n - 1) / (stamps[-1] - stamps[0]) if n > 1 and stamps[-1] > stamps[0] else 0.0
    return {"articles": n, "wall": wall, "first": stamps[0], "overall": n / wall,
            "steady": steady}  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--sentences", type=int, default=10)
    parser.add_argument("--dir", type=Path, help="where to write the articles (default: temp)")
    args = parser.parse_args(argv)
    if not (NTREX / "uk.txt").is_file():
        print(f"skipped: {NTREX} not found (set VERSO_SHARED to the shared folder)")
        return 0
    with tempfile.TemporaryDirectory(prefix="verso-batch-scale-") as tmp:
        folder = (args.dir or Path(tmp)) / f"articles{args.articles}x{args.sentences}"
        write_articles(folder, args.articles, args.sentences)
        print(f"{args.articles} articles of {args.sentences} sentences (NTREX uk-en), "
              f"glossary {GLOSSARY.name}, {os.cpu_count()} cores")  # fmt: skip
        print(f"{'engine':8} {'workers':>7} {'wall s':>7} {'first s':>7} "
              f"{'art/s all':>9} {'art/s steady':>12}")  # fmt: skip
        for engine, workers in CONFIGS:
            r = run_config(folder, engine, workers)
            print(f"{engine:8} {workers:7} {r['wall']:7.1f} {r['first']:7.1f} "
                  f"{r['overall']:9.1f} {r['steady']:12.1f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
