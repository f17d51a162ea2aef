"""`metrics MT EDITED`: how much the editor changed the machine translation."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.core.files.readers import read_document
from app.core.model.errors import InputError
from app.core.outputs.metrics import ArticleMetrics, compute_metrics, format_text


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "metrics", help="post-editing metrics (HTER, chrF, BLEU) of MT against its edited version"
    )
    p.add_argument("mt", help="the machine translation (one segment per line or paragraph)")
    p.add_argument("edited", help="the edited translation, aligned with MT line by line")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--summary", action="store_true", help="text format: article figures only")
    p.set_defaults(func=run)


def metrics_of_files(mt_path: str, edited_path: str) -> ArticleMetrics:
    mt = read_document(mt_path).paragraphs
    edited = read_document(edited_path).paragraphs
    if len(mt) != len(edited):
        raise InputError(
            edited_path,
            f"has {len(edited)} lines or paragraphs but {mt_path} has {len(mt)}; the edited "
            "text must keep the MT's segmentation (one segment per line or paragraph)",
        )
    return compute_metrics(mt, edited)


def run(args: argparse.Namespace) -> int:
    metrics = metrics_of_files(args.mt, args.edited)
    if args.format == "json":
        json.dump(metrics.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_text(metrics, per_segment=not args.summary))
    return 0
