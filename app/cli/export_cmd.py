"""`export INPUT [EDITED] --to FILE`: the corrected article (.txt, .md, .html,
.docx), a bilingual file (.xlf, .xlf2, .tmx) or a review file (.verso) of any input."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.inputs import add_input_arguments, open_from_args
from app.core.files.bilingual import is_bilingual_path
from app.core.files.bilingual_write import write_bilingual
from app.core.model.errors import InputError
from app.core.outputs.export import SUPPORTED_EXTENSIONS, export_article, export_bilingual
from app.core.review.file import save_review
from app.core.review.inputs import is_review_path

BILINGUAL = (".xlf", ".xlf2", ".tmx")
REVIEW = ".verso"


def register(sub: Any) -> None:
    formats = ", ".join((*SUPPORTED_EXTENSIONS, *BILINGUAL, REVIEW))
    p: argparse.ArgumentParser = sub.add_parser(
        "export",
        help="export the corrected article, or a bilingual file",
        description=(
            "Export a review (.verso: with the editor's corrections), a bilingual file or an "
            "article pair to FILE; the format follows FILE's extension "
            f"({formats}). An article format gets the translation's paragraphs; a "
            "bilingual format every segment with its source; .verso the whole review "
            "(sources, MT, edits, glossary), to open in the window or check later."
        ),
    )
    add_input_arguments(p, edited=True)
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
    review = open_from_args(args, edited=True)
    edited = len(review.edited_indices())
    what = "machine translation" if args.original else f"corrected article ({edited} pairs edited)"
    if is_review_path(args.output):
        if args.original:
            raise InputError(args.output, "a review keeps the MT and the edits: drop --original")
        written = save_review(review, args.output)
        print(f"saved the review ({len(review)} segments, {edited} edited) to {written}",
              file=sys.stderr)  # fmt: skip
        return 0
    if is_bilingual_path(args.output):
        pairs = review.original if args.original else review.pairs
        if args.original:  # the MT as it arrived: every unit awaits review
            fmt = write_bilingual(args.output, pairs, review.source_lang, review.target_lang)
        else:
            fmt = export_bilingual(review, args.output)
        print(f"exported the {what}: {len(pairs)} segments to {args.output} ({fmt})",
              file=sys.stderr)  # fmt: skip
        return 0
    paragraphs = review.original_paragraphs() if args.original else review.corrected_paragraphs()
    dest = export_article(paragraphs, args.output, lang=review.target_lang)
    print(f"exported the {what}: {len(paragraphs)} paragraphs to {Path(dest)}", file=sys.stderr)
    return 0
