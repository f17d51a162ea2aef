"""`export REVIEW --to FILE`: write a review's corrected article (.txt, .md, .html, .docx)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.core.outputs.export import SUPPORTED_EXTENSIONS, export_article
from app.core.review.file import load_review


def register(sub: Any) -> None:
    formats = ", ".join(SUPPORTED_EXTENSIONS)
    p: argparse.ArgumentParser = sub.add_parser(
        "export",
        help="export the corrected article of a saved review",
        description=(
            "Export the corrected article of a review file (.verso, saved by the window) "
            f"to FILE; the format follows FILE's extension ({formats}). To export an "
            "article pair that has no review yet, open it, save the review, then export."
        ),
    )
    p.add_argument("review", metavar="REVIEW", help="review file (.verso)")
    p.add_argument(
        "--to", dest="output", metavar="FILE", required=True, help=f"output file ({formats})"
    )
    p.add_argument(
        "--original",
        action="store_true",
        help="export the machine translation as it arrived, without the edits",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    review = load_review(args.review)
    paragraphs = review.original_paragraphs() if args.original else review.corrected_paragraphs()
    dest = export_article(paragraphs, args.output, lang=review.target_lang)
    edited = len(review.edited_indices())
    what = "machine translation" if args.original else f"corrected article ({edited} pairs edited)"
    print(f"exported the {what}: {len(paragraphs)} paragraphs to {dest}", file=sys.stderr)
    return 0
