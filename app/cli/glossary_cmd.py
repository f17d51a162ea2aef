"""`glossary add|import|export|check`: the shared glossary from the command line.

`add` goes through the same locked merge as the window (GlossaryStore), so it is
safe while editors are saving; formats are chosen by file extension. Wherever a
glossary file is named, a `postgresql://` URL names a team glossary database instead
(the password from PGPASSWORD or the OS keyring: backend.py, pgconnect.py);
`glossary import FILE URL` adds or replaces the file's entries there, `glossary export
URL FILE` writes them all out, every field of the canonical TSV kept.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from typing import Any

from app.core.glossary.backend import (
    is_url,
    open_store,
    read_glossary,
    safe_location,
    write_glossary,
)
from app.core.glossary.formats import READ_EXTENSIONS
from app.core.glossary.io import check_glossary
from app.core.glossary.model import GlossaryEntry
from app.core.glossary.rows import split_alternatives
from app.core.model.errors import InputError


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "glossary", help="add to, convert or check a glossary file"
    )
    gsub = p.add_subparsers(dest="glossary_command", metavar="ACTION", required=True)

    add = gsub.add_parser("add", help="add an entry (locked merge into the shared file)")
    add.add_argument("file", help=f"glossary file ({', '.join(READ_EXTENSIONS)}) "
                     "or postgresql:// URL")  # fmt: skip
    add.add_argument("source", help="source term, e.g. Київ")
    add.add_argument("target", help="approved rendering; alternatives separated by |")
    add.add_argument("--forbidden", action="append", default=[], metavar="VARIANT",
                     help="rejected rendering (repeatable)")  # fmt: skip
    add.add_argument("--note", default="", help="note for editors")
    add.add_argument("--author", help="who added it (default: $USER)")
    add.add_argument("--force", action="store_true",
                     help="write even if the file has problems (a copy of it is kept)")  # fmt: skip
    add.set_defaults(func=run_add)

    imp = gsub.add_parser("import", help="convert a glossary IN to OUT (formats by extension)")
    imp.add_argument("input")
    imp.add_argument("output")
    imp.set_defaults(func=run_convert)

    exp = gsub.add_parser("export", help="convert a glossary IN to OUT (formats by extension)")
    exp.add_argument("input")
    exp.add_argument("output")
    exp.set_defaults(func=run_convert)

    chk = gsub.add_parser("check", help="list the problems of a glossary file, one a line")
    chk.add_argument("file")
    chk.set_defaults(func=run_check)


def _author(given: str | None) -> str:
    if given:
        return given
    try:
        return os.environ.get("USER") or getpass.getuser()
    except Exception:  # no user name available (some containers): leave it empty
        return ""


def run_add(args: argparse.Namespace) -> int:
    targets = split_alternatives(args.target)
    if not args.source.strip() or not targets:
        print("error: the source term and the target must not be empty", file=sys.stderr)
        return 2
    forbidden = tuple(v for f in args.forbidden for v in split_alternatives(f))
    extra = [("updated", dt.date.today().isoformat())]
    author = _author(args.author)
    if author:
        extra.insert(0, ("author", author))
    entry = GlossaryEntry(
        " ".join(args.source.split()), targets, forbidden, args.note.strip(), extra=tuple(extra)
    )
    store = open_store(args.file, author=author or None)
    try:
        result = store.add(entry, force=args.force)
    finally:
        store.close()
    saved = result.glossary.find(entry.source)
    shown = saved.target if saved else entry.target
    print(f"{safe_location(args.file)}: {entry.source} -> {shown} "
          f"({len(result.glossary)} entries)")  # fmt: skip
    return 0


def _same_file(a: str, b: str) -> bool:
    """Do two paths name one file (also through links, `./`, or another spelling)?"""
    if is_url(a) or is_url(b):
        return safe_location(a) == safe_location(b)
    try:
        return os.path.samefile(a, b)
    except OSError:  # the output does not exist yet
        return os.path.realpath(a) == os.path.realpath(b)


def run_convert(args: argparse.Namespace) -> int:
    if _same_file(args.input, args.output):
        raise InputError(
            args.output,
            "is the input file itself; nothing was written: give the converted glossary "
            "another name (to add entries to a shared file, use `glossary add`)",
        )
    glossary = read_glossary(args.input)
    total = write_glossary(glossary, args.output)
    where = safe_location(args.output)
    if is_url(args.output):
        print(f"{where}: {len(glossary)} entries imported ({total} in the glossary)")
    else:
        print(f"{where}: {len(glossary)} entries written")
    return 0


def run_check(args: argparse.Namespace) -> int:
    if is_url(args.file):  # a database holds only entries that passed normal_entry
        glossary = read_glossary(args.file)
        print(f"{safe_location(args.file)}: no problems ({len(glossary)} entries)")
        return 0
    problems = check_glossary(args.file)
    for problem in problems:
        print(f"{args.file}: {problem}")
    if not problems:
        print(f"{args.file}: no problems")
    return 1 if problems else 0
