"""`metrics INPUT [EDITED]` or `metrics MT EDITED`: how much the editor changed the MT."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.cli.inputs import INPUT_HELP, open_from_args, split_edited
from app.core.files.readers import ensure_checkable, read_document
from app.core.model.document import Document
from app.core.model.errors import InputError
from app.core.outputs.metrics import ArticleMetrics, compute_metrics, format_text
from app.core.review.inputs import opens_alone
from app.core.text.language import detect_language


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "metrics",
        help="post-editing metrics (HTER, chrF, BLEU) of MT against its edited version",
        description=(
            "Post-editing metrics of a review (.verso: its MT against the edited text), of a "
            "bilingual file or article pair followed by its EDITED translation, or of two "
            "texts in the same language: MT EDITED, aligned line by line (or paragraph by "
            "paragraph)."
        ),
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=f"{INPUT_HELP}, then the EDITED translation; or MT EDITED")  # fmt: skip
    p.add_argument("--glossary", help=argparse.SUPPRESS)
    p.add_argument("--source-lang", help="source language code; detected when absent")
    p.add_argument("--target-lang", help="target language code; detected when absent")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--summary", action="store_true", help="text format: article figures only")
    p.set_defaults(func=run)


def metrics_of_texts(mt_doc: Document, edited_doc: Document) -> ArticleMetrics:
    """Two texts in the target language, one segment per line or paragraph."""
    mt, edited = mt_doc.paragraphs, edited_doc.paragraphs
    if len(mt) != len(edited):
        raise InputError(
            edited_doc.path,
            f"has {len(edited)} lines or paragraphs but {mt_doc.path} has {len(mt)}; the "
            "edited text must keep the MT's segmentation (one segment per line or paragraph)",
        )
    return compute_metrics(list(mt), list(edited))


def metrics_of_args(args: argparse.Namespace) -> ArticleMetrics:
    paths = list(args.inputs)
    _, edited = split_edited(paths)
    if len(paths) == 2 and edited is None and not any(opens_alone(p) for p in paths):
        # the same paragraph-length guard as check and report (a 4.5 MB line: refused)
        first, second = (ensure_checkable(read_document(path)) for path in paths)
        one, two = (detect_language(d.text[:4000]) for d in (first, second))
        if one == two:  # MT EDITED (one language) rather than SOURCE TARGET (two)
            return metrics_of_texts(first, second)
    review = open_from_args(args, edited=True)
    mt = [p.target for p in review.original]
    return compute_metrics(mt, list(review.targets), review.seconds_spent or None)


def run(args: argparse.Namespace) -> int:
    metrics = metrics_of_args(args)
    if args.format == "json":
        json.dump(metrics.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_text(metrics, per_segment=not args.summary))
    return 0
