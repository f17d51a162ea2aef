"""`translate SOURCE --provider NAME`: machine-translate an article sentence by sentence."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.core.files.atomic import write_text_atomic
from app.core.files.readers import read_document
from app.core.mt import (
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT,
    PROVIDER_NAMES,
    make_provider,
    translate_paragraphs,
)
from app.core.text.language import detect_language


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "translate", help="machine-translate a source article (keeps its paragraphs)"
    )
    p.add_argument("source", help="source article (.txt, .md, .html, .docx)")
    p.add_argument("--provider", required=True, help=f"one of: {', '.join(PROVIDER_NAMES)}")
    p.add_argument("--to", dest="target_lang", default="en", help="target language (default en)")
    p.add_argument("--from", dest="source_lang", help="source language; detected when absent")
    p.add_argument("--out", help="write the translation here (default: standard output)")
    p.add_argument("--url", help="server URL (LibreTranslate, e.g. a self-hosted one)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                   help=f"seconds to wait for each request (default {DEFAULT_TIMEOUT:g})")
    p.add_argument("--retries", type=int, default=DEFAULT_RETRIES,
                   help=f"retries after a timeout or server error (default {DEFAULT_RETRIES})")
    p.add_argument("--quiet", action="store_true", help="no progress on standard error")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    document = read_document(args.source)
    source_lang = args.source_lang or detect_language(document.text)
    provider = make_provider(
        args.provider, url=args.url, timeout=args.timeout, retries=max(0, args.retries)
    )

    def progress(done: int, total: int) -> None:
        if not args.quiet:
            end = "\n" if done == total else ""
            print(f"\r{provider.name}: {done}/{total} segments", end=end, file=sys.stderr,
                  flush=True)

    paragraphs = translate_paragraphs(
        document.paragraphs, provider, source_lang, args.target_lang, on_progress=progress
    )
    text = "\n\n".join(paragraphs) + "\n"
    if args.out:
        write_text_atomic(args.out, text)
        if not args.quiet:
            print(f"wrote {args.out} ({len(paragraphs)} paragraphs)", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
