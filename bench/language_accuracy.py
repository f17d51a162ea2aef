"""How often detect_language (and plain seeded langdetect) is right on NTREX.

Usage: .venv/bin/python bench/language_accuracy.py [path/to/ntrex-uk-en]
Prints, per language, the share of single sentences and of whole documents
(lines grouped by document_ids.tsv) that get the right code.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.core.text.language import _langdetect, detect_language  # noqa: E402


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/ntrex-uk-en"
    doc_ids = (folder / "document_ids.tsv").read_text(encoding="utf-8").splitlines()
    for lang in ("uk", "ru", "en"):
        lines = (folder / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
        ours = sum(detect_language(line) == lang for line in lines)
        plain = 0
        for line in lines:
            probs = _langdetect(line)
            plain += bool(probs) and max(probs, key=probs.__getitem__) == lang
        docs: dict[str, list[str]] = defaultdict(list)
        for doc, line in zip(doc_ids, lines, strict=True):
            docs[doc].append(line)
        doc_ok = sum(detect_language("\n".join(d)) == lang for d in docs.values())
        print(
            f"{lang}: sentences {ours / len(lines):.1%} "
            f"(plain langdetect {plain / len(lines):.1%}) "
            f"of {len(lines)}; documents {doc_ok / len(docs):.1%} of {len(docs)}"
        )


if __name__ == "__main__":
    main()
