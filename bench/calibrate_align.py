"""Length-model constants for align.py, and how well documents re-align, on NTREX.

Usage: .venv/bin/python bench/calibrate_align.py [path/to/ntrex-uk-en]
Prints c = sum(len(en))/sum(len(src)) and s2 = sum((len(en) - c*len(src))**2)/sum(len(src))
for uk and ru, then glues each news document into one paragraph per side, aligns it
and counts the lines recovered exactly as one pair.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.core.text.align import align_article  # noqa: E402


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/ntrex-uk-en"
    en = (folder / "en.txt").read_text(encoding="utf-8").splitlines()
    ids = (folder / "document_ids.tsv").read_text(encoding="utf-8").splitlines()
    for lang in ("uk", "ru"):
        src = (folder / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
        l1, l2 = sum(map(len, src)), sum(map(len, en))
        c = l2 / l1
        s2 = sum((len(t) - c * len(s)) ** 2 for s, t in zip(src, en, strict=True)) / l1
        docs: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for doc, s, t in zip(ids, src, en, strict=True):
            docs[doc].append((s, t))
        right = 0
        for lines in docs.values():
            pairs = align_article(
                [" ".join(s for s, _ in lines)], [" ".join(t for _, t in lines)], lang, "en"
            )
            right += sum((p.source, p.target) in set(lines) for p in pairs)
        share = right / len(src)
        print(f"{lang}->en: c={c:.3f} s2={s2:.2f}; lines re-aligned exactly: {share:.1%}")


if __name__ == "__main__":
    main()
