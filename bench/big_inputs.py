"""Issue 12 item 5: the four big inputs, read (and aligned) in a fresh process each.

Writes a 100k-unit XLIFF 1.2 and TMX (NTREX sentences, numbered so no two units are
the same), a 235k-paragraph .docx and a 45 MB text, then times each stage in its own
process (wall s, peak RSS MB from wait4): `read` = parse into pairs/paragraphs,
`open` = open_input (read + align, what `check` does before checking). The count
caps are lifted in the child (VERSO_BENCH_NO_CAPS) so the readers themselves are
measured. Run: .venv/bin/python -m bench.big_inputs [--units N] [--dir DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("VERSO_SHARED", ROOT.parent / "shared"))
NTREX = SHARED / "data" / "ntrex-uk-en"

_CHILD = """
import sys
import app.core.files.limits as limits
limits.SEGMENTS = 10**9
import app.core.files.bilingual as b, app.core.files.readers as r, app.core.review.file as f
b.SEGMENTS = r.SEGMENTS = f.SEGMENTS = 10**9
stage, kind, *paths = sys.argv[1:]
if stage == "read":
    if kind in ("xliff", "tmx"):
        n = len(b.read_bilingual(paths[0]).pairs)
    else:
        n = len(r.read_document(paths[0]).paragraphs)
else:
    from app.core.review.inputs import open_input
    n = len(open_input(paths, source_lang="uk", target_lang="en").pairs)
import resource
print(n, "units;", round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024), "MB peak")
"""


def write_inputs(base: Path, units: int, paragraphs: int, text_bytes: int) -> dict[str, Path]:
    from app.core.files.bilingual import write_bilingual
    from app.core.model.document import Pair

    uk = (NTREX / "uk.txt").read_text(encoding="utf-8").splitlines()
    en = (NTREX / "en.txt").read_text(encoding="utf-8").splitlines()
    out = {"xliff": base / f"big{units}.xlf", "tmx": base / f"big{units}.tmx",
           "docx": base / f"big{paragraphs}.docx", "text": base / "big.uk.txt"}
    if not out["xliff"].exists():
        pairs = [Pair(i, f"{uk[i % len(uk)]} ({i})", f"{en[i % len(en)]} ({i})", i)
                 for i in range(units)]
        write_bilingual(out["xliff"], pairs, "uk", "en")
        write_bilingual(out["tmx"], pairs, "uk", "en")
    if not out["docx"].exists():
        import docx

        document = docx.Document()
        for i in range(paragraphs):
            document.add_paragraph(f"{i}. {uk[i % len(uk)][:40]}")
        document.save(str(out["docx"]))
    if not out["text"].exists():
        with out["text"].open("w", encoding="utf-8") as fh:
            size, i = 0, 0
            while size < text_bytes:
                line = f"{uk[i % len(uk)]} ({i})\n\n"
                fh.write(line)
                size += len(line.encode("utf-8"))
                i += 1
    return out


def measure(args: Sequence[str], timeout: float = 600) -> tuple[float, int, str]:
    """(wall s, exit code, last output line: count and the child's peak RSS)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _CHILD, *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    wall = time.perf_counter() - start
    last = (out.strip().splitlines() or err.strip().splitlines() or [""])[-1]
    return wall, proc.returncode, last[:100]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--paragraphs", type=int, default=235_000)
    parser.add_argument("--text-mb", type=float, default=45)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/verso-big"))
    parser.add_argument("--only", nargs="*", default=["xliff", "tmx", "docx", "text"])
    parser.add_argument("--stages", nargs="*", default=["read", "open"])
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    files = write_inputs(args.dir, args.units, args.paragraphs, int(args.text_mb * 1e6))
    print("input  MB     stage  wall s  exit  count, peak RSS")
    for kind in args.only:
        path = files[kind]
        paths = [str(path)] if kind in ("xliff", "tmx") else [str(path), str(path)]
        for stage in args.stages:
            wall, code, last = measure([stage, kind, *paths])
            print(f"{kind:<6} {path.stat().st_size / 1e6:6.1f} {stage:<6} {wall:7.2f} "
                  f"{code:4}  {last}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
