"""The arguments every command that reads an article shares, and the one way they
become a Review (core's `open_input`).

INPUT is an article and its translation (SOURCE TARGET), a bilingual file
(XLIFF 1.2/2.0, SDLXLIFF, MQXLIFF, TMX) or a saved review (.verso). Commands
that compare with the editor's version also take EDITED after the input.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from app.assets import glossary_argument
from app.core.checks.base import Check
from app.core.glossary.matcher import GlossaryIndex
from app.core.model.errors import InputError
from app.core.review import ignore_list
from app.core.review.checking import index_for, review_glossary
from app.core.review.inputs import apply_edited, open_input, opens_alone
from app.core.review.model import Review

INPUT_HELP = "SOURCE TARGET (an article and its translation), a bilingual file or a .verso review"
EDITED_HELP = "; then, optionally, the EDITED translation (an article or a bilingual file)"


def add_input_arguments(
    p: argparse.ArgumentParser, *, edited: bool = False, optional: bool = False
) -> None:
    """optional: INPUT may be left out (a command that takes another source, e.g. --batch)."""
    p.add_argument(
        "inputs",
        nargs="*" if optional else "+",
        metavar="INPUT",
        help=INPUT_HELP + (EDITED_HELP if edited else ""),
    )
    p.add_argument(
        "--glossary", metavar="FILE", type=glossary_argument,
        help="glossary (TSV, CSV, TBX, OmegaT; `starter`: the bundled starter glossary); "
        "replaces the one a review names",
    )  # fmt: skip
    p.add_argument("--source-lang", help="source language code; detected when absent")
    p.add_argument("--target-lang", help="target language code; detected when absent")


def add_check_selection(p: argparse.ArgumentParser) -> None:
    p.add_argument("--checks", metavar="ID,...", help="run only these checks (comma-separated)")
    p.add_argument("--exclude", metavar="ID,...", help="do not run these checks")


def split_edited(paths: Sequence[str]) -> tuple[list[str], str | None]:
    """(input paths, edited path): INPUT is one file that opens alone, or SOURCE TARGET."""
    if len(paths) == 3:
        return list(paths[:2]), paths[2]
    if len(paths) == 2 and opens_alone(paths[0]):
        return [paths[0]], paths[1]
    return list(paths), None


def open_from_args(args: argparse.Namespace, *, edited: bool = False) -> Review:
    """The review the arguments name, with the EDITED translation applied if given."""
    paths, edited_path = split_edited(args.inputs) if edited else (list(args.inputs), None)
    review = open_input(
        paths, glossary=args.glossary, source_lang=args.source_lang, target_lang=args.target_lang
    )
    if edited_path is not None:
        apply_edited(review, edited_path)
    # The team's ignore list beside the glossary hides what nobody wants flagged, in every
    # command that checks (check, report, export's gate, metrics), as in the window.
    review.team_ignores = ignore_list.keys(ignore_list.for_glossary(review.glossary_path))
    return review


def glossary_index(review: Review, args: argparse.Namespace) -> GlossaryIndex | None:
    """The index of the review's glossary; a broken or missing one stops the command."""
    try:
        version = review_glossary(review, strict=True)
    except InputError as exc:
        if args.glossary is None and review.path is not None:
            raise InputError(
                exc.path,
                f"{exc.reason} (the review {review.path} names it; pass --glossary FILE "
                "to check against another)",
            ) from None
        raise
    return index_for(review, version)


def _ids(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [part.strip() for part in value.split(",") if part.strip()]


def selected_checks(args: argparse.Namespace) -> list[Check] | None:
    """The checks --checks / --exclude select (None: the whole default catalogue)."""
    include, exclude = _ids(getattr(args, "checks", None)), _ids(getattr(args, "exclude", None))
    if include is None and exclude is None:
        return None
    from app.core.checks.registry import select_checks

    try:
        return select_checks(include, exclude)
    except ValueError as exc:
        raise InputError(None, str(exc)) from None
