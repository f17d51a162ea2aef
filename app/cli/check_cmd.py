"""`check SOURCE TARGET`: report the issues of a translation, as text or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.core.model.errors import InputError
from app.core.model.issues import Side
from app.core.review.checking import CheckResult, check_files


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "check", help="check a translation against its source and the glossary"
    )
    p.add_argument("source", help="source article (.txt, .md, .html, .docx)")
    p.add_argument(
        "target", nargs="?", help="machine translation of it (omit for an .xlf/.tmx file)"
    )
    p.add_argument("--glossary", help="glossary file (TSV, CSV, TBX, OmegaT)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--source-lang", help="source language code; detected when absent")
    p.add_argument("--target-lang", help="target language code; detected when absent")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.target is None:
        from app.core.files.bilingual import check_bilingual_file, is_bilingual_path

        if not is_bilingual_path(args.source):
            raise InputError(
                args.source, "give the translation too (check SOURCE TARGET), or an .xlf/.tmx file"
            )
        result: CheckResult = check_bilingual_file(
            args.source, args.glossary, args.source_lang, args.target_lang
        )
    else:
        result = check_files(
            args.source,
            args.target,
            glossary_path=args.glossary,
            source_lang=args.source_lang,
            target_lang=args.target_lang,
        )
    if args.format == "json":
        json.dump(result.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_text(result))
    return 1 if result.has_errors() else 0


def format_text(result: CheckResult, width: int = 30) -> str:
    lines: list[str] = []
    for issue in result.issues:
        pair = result.pairs[issue.pair]
        text = pair.source if issue.side is Side.SOURCE else pair.target
        before = text[max(0, issue.start - width) : issue.start].replace("\n", " ")
        after = text[issue.end : issue.end + width].replace("\n", " ")
        context = f"…{before}[{text[issue.start:issue.end]}]{after}…"
        hint = f" -> {issue.suggestion}" if issue.suggestion else ""
        lines.append(
            f"{issue.severity.value:7} pair {issue.pair:>3} {issue.side.value:6} "
            f"{issue.check}: {issue.message}{hint}  {context}"
        )
    counts = result.counts()
    lines.append(
        f"{len(result.issues)} issues ({counts['error']} errors, {counts['warning']} warnings, "
        f"{counts['info']} info) in {len(result.pairs)} pairs; "
        f"{result.source_lang} -> {result.target_lang}"
    )
    return "\n".join(lines) + "\n"
