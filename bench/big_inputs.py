"""Issue 12 item 5: big inputs read (and aligned) in a fresh process each; linear scaling.

Writes a 100k-unit XLIFF 1.2, XLIFF 2.0 and TMX (NTREX sentences, numbered so no two
units are the same), a 235k-paragraph .docx (word/document.xml written directly:
python-docx's add_paragraph slows as the document grows), a 45 MB text (docx and text
are opened as both source and target) and a 45 MB article with its English translation
("pair": NTREX uk and en, numbered; two languages aligned), then times
each stage in its own process: wall s, CPU s and peak RSS (the child's ru_maxrss, from
wait4). `read` = parse into pairs/paragraphs, `open` = open_input (read + align, what
`check` does before checking). The count caps are lifted in the child
(VERSO_BENCH_NO_CAPS) so the readers themselves are measured.

`--scaling` times `read`/`open` on 1x, 2x, 4x, 8x distinct numbered text and
`python -m app check` on 1x..8x distinct NTREX + WMT23 sentences (no sentence used twice),
with the ratio per doubling (2.0 is linear).

    .venv/bin/python -m bench.big_inputs [--units N] [--only xliff tmx ...] [--scaling]
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("VERSO_SHARED", ROOT.parent / "shared"))
NTREX = SHARED / "data" / "ntrex-uk-en"
WMT23 = SHARED / "data" / "wmt23-uk-en-news" / "wmt23_uk-en_news_src_ref_11systems.tsv"
KINDS = ("xliff", "xliff2", "tmx", "docx", "text", "pair")

_CHILD = """
import sys
import app.core.files.limits as limits
limits.SEGMENTS = 10**9
import app.core.files.bilingual as b, app.core.files.readers as r, app.core.review.file as f
b.SEGMENTS = r.SEGMENTS = f.SEGMENTS = 10**9
stage, kind, *paths = sys.argv[1:]
if stage == "read":
    if kind in ("xliff", "xliff2", "tmx"):
        n = len(b.read_bilingual(paths[0]).pairs)
    else:
        n = len(r.read_document(paths[0]).paragraphs)
else:
    from app.core.review.inputs import open_input
    n = len(open_input(paths, source_lang="uk", target_lang="en").pairs)
print(n)
"""

_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def ntrex() -> tuple[list[str], list[str]]:
    uk = (NTREX / "uk.txt").read_text(encoding="utf-8").splitlines()
    en = (NTREX / "en.txt").read_text(encoding="utf-8").splitlines()
    return uk, en


def distinct_sentences() -> list[tuple[str, str]]:
    """Every NTREX and WMT23 (source, reference) pair once: 2,512 distinct sentences."""
    uk, en = ntrex()
    pairs = list(zip(uk, en, strict=True))
    for line in WMT23.read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) > 4 and cells[3].strip() and cells[4].strip():
            pairs.append((cells[3].strip(), cells[4].strip()))
    return pairs


def write_docx(path: Path, paragraphs: Sequence[str]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _DOCX_TYPES)
        zf.writestr("_rels/.rels", _DOCX_RELS)
        with zf.open("word/document.xml", "w") as fh:
            fh.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                     f'<w:document xmlns:w="{_W}"><w:body>'.encode())
            for text in paragraphs:
                fh.write(f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>".encode())
            fh.write(b"</w:body></w:document>")


def write_text(path: Path, target_bytes: int, offset: int = 0) -> None:
    """Numbered NTREX sentences, one paragraph each, until `target_bytes`."""
    uk, _ = ntrex()
    with path.open("w", encoding="utf-8") as fh:
        size, i = 0, 0
        while size < target_bytes:
            line = f"{uk[i % len(uk)]} ({offset + i})\n\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
            i += 1


def write_pair(path: Path, target_bytes: int) -> Path:
    """A 45 MB article and its translation (NTREX uk and en, numbered, up to 4
    sentences a paragraph): `open` aligns two languages, not a file against itself."""
    uk, en = ntrex()
    docs = (NTREX / "document_ids.tsv").read_text(encoding="utf-8").splitlines()
    target = path.with_name(path.name.replace(".uk.", ".en."))
    with path.open("w", encoding="utf-8") as fs, target.open("w", encoding="utf-8") as ft:
        size, i = 0, 0
        while size < target_bytes:
            src, tgt = [], []
            for _ in range(4):
                j = i % len(uk)
                src.append(f"{uk[j]} ({i})")
                tgt.append(f"{en[j]} ({i})")
                i += 1
                if docs[i % len(uk)] != docs[j]:
                    break
            line = " ".join(src) + "\n\n"
            fs.write(line)
            ft.write(" ".join(tgt) + "\n\n")
            size += len(line.encode("utf-8"))
    return target


def write_inputs(base: Path, units: int, paragraphs: int, text_bytes: int,
                 kinds: Sequence[str] = KINDS) -> dict[str, Path]:
    from app.core.files.bilingual_write import write_bilingual
    from app.core.model.document import Pair

    uk, en = ntrex()
    out = {"xliff": base / f"big{units}.xlf", "xliff2": base / f"big{units}.xlf2",
           "tmx": base / f"big{units}.tmx", "docx": base / f"big{paragraphs}.docx",
           "text": base / f"big{text_bytes // 1_000_000}mb.uk.txt",
           "pair": base / f"pair{text_bytes // 1_000_000}mb.uk.txt"}
    bilingual = [k for k in ("xliff", "xliff2", "tmx") if k in kinds and not out[k].exists()]
    if bilingual:
        pairs = [Pair(i, f"{uk[i % len(uk)]} ({i})", f"{en[i % len(en)]} ({i})", i)
                 for i in range(units)]
        for kind in bilingual:
            write_bilingual(out[kind], pairs, "uk", "en")
    if "docx" in kinds and not out["docx"].exists():
        write_docx(out["docx"], [f"{i}. {uk[i % len(uk)][:40]}" for i in range(paragraphs)])
    if "text" in kinds and not out["text"].exists():
        write_text(out["text"], text_bytes)
    if "pair" in kinds and not out["pair"].exists():
        write_pair(out["pair"], text_bytes)
    return {k: v for k, v in out.items() if k in kinds}


def measure(cmd: Sequence[str], timeout: float = 600) -> tuple[float, float, float, int]:
    """(wall s, CPU s, peak RSS MB, exit code) of one child process."""
    from bench.process_bench import _once

    return _once(cmd, dict(os.environ), timeout)


def stage_cmd(stage: str, kind: str, path: Path) -> list[str]:
    if kind in ("xliff", "xliff2", "tmx"):
        paths = [str(path)]
    elif kind == "pair":  # the article and its translation
        paths = [str(path), str(path.with_name(path.name.replace(".uk.", ".en.")))]
    else:  # the same file as source and target
        paths = [str(path), str(path)]
    return [sys.executable, "-c", _CHILD, stage, kind, *paths]


def big_table(files: dict[str, Path], stages: Sequence[str]) -> None:
    print("input   size MB  stage   wall s   cpu s  peak MB  exit  (target < 10 s)")
    for kind, path in files.items():
        for stage in stages:
            wall, cpu, peak, code = measure(stage_cmd(stage, kind, path))
            print(f"{kind:<7} {path.stat().st_size / 1e6:7.1f}  {stage:<6} {wall:7.2f} "
                  f"{cpu:7.2f} {peak:8.0f} {code:5}", flush=True)


def _ratios(cpus: Sequence[float]) -> str:
    return ", ".join(f"{b / a:.2f}" for a, b in itertools.pairwise(cpus) if a > 0)


def scaling(base: Path, text_mb: float) -> None:
    """`open` on 1x..8x numbered text (8x = text_mb), then `check` on 1x..8x distinct
    NTREX + WMT23 sentences; CPU ratio per doubling (2.0 = linear)."""
    print(f"\nscaling: open (read + align) on distinct numbered text, 8x = {text_mb:g} MB")
    cpus: list[float] = []
    for factor in (1, 2, 4, 8):
        path = base / f"scale{factor}.uk.txt"
        if not path.exists():
            write_text(path, int(text_mb * 1e6 * factor / 8), offset=factor * 10_000_000)
        wall, cpu, peak, code = measure(stage_cmd("open", "text", path))
        cpus.append(cpu)
        print(f"  {factor}x {path.stat().st_size / 1e6:6.1f} MB  wall {wall:6.2f} s  cpu "
              f"{cpu:6.2f} s  peak {peak:5.0f} MB  exit {code}", flush=True)
    print(f"  cpu ratio per doubling: {_ratios(cpus)}")
    sentences = distinct_sentences()
    per = len(sentences) // 8
    print(f"\nscaling: python -m app check on 1x..8x distinct sentences ({per} per 1x, "
          "NTREX + WMT23, none repeated; 4 per paragraph)")
    cpus = []
    for factor in (1, 2, 4, 8):
        chosen = sentences[: per * factor]
        src, tgt = base / f"check{factor}.uk.txt", base / f"check{factor}.en.txt"
        for path, side in ((src, 0), (tgt, 1)):
            paras = [" ".join(p[side] for p in chosen[i : i + 4])
                     for i in range(0, len(chosen), 4)]
            path.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
        cmd = [sys.executable, "-m", "app", "check", str(src), str(tgt), "--source-lang",
               "uk", "--target-lang", "en", "--format", "json"]
        wall, cpu, peak, code = measure(cmd)
        cpus.append(cpu)
        words = sum(len(p[0].split()) for p in chosen)
        print(f"  {factor}x {words:>6,} words  wall {wall:6.2f} s  cpu {cpu:6.2f} s  "
              f"peak {peak:5.0f} MB  exit {code}", flush=True)
    print(f"  cpu ratio per doubling: {_ratios(cpus)} (start-up is a fixed share)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--paragraphs", type=int, default=235_000)
    parser.add_argument("--text-mb", type=float, default=45)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/verso-big"))
    parser.add_argument("--only", nargs="*", default=list(KINDS), choices=KINDS)
    parser.add_argument("--stages", nargs="*", default=["read", "open"])
    parser.add_argument("--scaling", action="store_true", help="also 1x..8x scaling")
    parser.add_argument("--write-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not (NTREX / "uk.txt").exists():
        print(f"skipped: {NTREX} not found (set VERSO_SHARED to the shared folder)")
        return 0
    args.dir.mkdir(parents=True, exist_ok=True)
    if args.write_only:
        write_inputs(args.dir, args.units, args.paragraphs, int(args.text_mb * 1e6), args.only)
        return 0
    # Written by a child: a child forked from a parent holding 100k pairs would count
    # the parent's memory in its own peak RSS (ru_maxrss survives fork and exec).
    subprocess.run([sys.executable, "-m", "bench.big_inputs", "--write-only", *(argv or
                    sys.argv[1:])], cwd=ROOT, check=True)  # fmt: skip
    files = write_inputs(args.dir, args.units, args.paragraphs, int(args.text_mb * 1e6),
                         args.only)
    if files and args.stages:
        big_table(files, args.stages)
    if args.scaling:
        scaling(args.dir, args.text_mb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
