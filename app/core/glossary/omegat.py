"""OmegaT's glossary: headerless, tab-separated `source<TAB>target<TAB>comment`.

OmegaT writes one line per rendering, so several lines with the same source are
several targets (the first line's target is the preferred one). OmegaT has no
forbidden, case or author columns: Verso keeps them at the end of the comment as
bracketed tags, e.g. `US Secretary of State [forbidden: Mark Rubio|Marc Rubio] [author: ann]`,
and reads them back. Square brackets inside such values are written as parentheses,
and a note that itself ends in `[word: text]` would be read as a tag.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.core.glossary.model import GlossaryEntry
from app.core.glossary.rows import (
    CASE_COLUMN,
    Parsed,
    Problem,
    alternative,
    case_to_text,
    clean,
    has_unusual,
    join_alternatives,
    parse_case,
    scrub_line,
    split_alternatives,
    split_records,
)
from app.core.glossary.rows_write import writable

MAGIC = "# Glossary in tab-separated format"  # how OmegaT's own files begin
HEADER_COMMENT = f"{MAGIC} -*- coding: utf-8 -*-"
_TAG_RE = re.compile(r"\s*\[([A-Za-z][\w-]*): ([^\[\]]*)\]\s*$")


def split_comment(comment: str) -> tuple[str, list[tuple[str, str]]]:
    """Note text and the trailing `[name: value]` tags, in written order."""
    tags: list[tuple[str, str]] = []
    rest = comment.strip()
    while True:
        match = _TAG_RE.search(rest)
        if match is None:
            break
        tags.append((match.group(1).casefold(), match.group(2).strip()))
        rest = rest[: match.start()].rstrip()
    tags.reverse()
    return rest, tags


def _tag_value(value: str) -> str:
    return clean(value).replace("[", "(").replace("]", ")")


def make_comment(entry: GlossaryEntry) -> str:
    parts = [clean(entry.note)] if entry.note.strip() else []
    if entry.forbidden:
        parts.append(f"[forbidden: {_tag_value(join_alternatives(entry.forbidden))}]")
    if entry.case_sensitive is not None:
        parts.append(f"[{CASE_COLUMN}: {case_to_text(entry.case_sensitive)}]")
    for name, value in entry.extra:
        if re.fullmatch(r"[A-Za-z][\w-]*", name) and value.strip():
            parts.append(f"[{name}: {_tag_value(value)}]")
    return " ".join(parts)


class _Group:
    """Everything the lines of one source term said, merged in order."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.targets: list[str] = []
        self.forbidden: list[str] = []
        self.notes: list[str] = []
        self.case: bool | None = None
        self.extra: dict[str, str] = {}

    def add(self, target: str, comment: str, line: int, problems: list[Problem]) -> None:
        for t in split_alternatives(target):
            if t not in self.targets:
                self.targets.append(t)
        note, tags = split_comment(comment)
        if note and note not in self.notes:
            self.notes.append(note)
        for name, value in tags:
            if name == "forbidden":
                new = [v for v in split_alternatives(value) if v not in self.forbidden]
                self.forbidden.extend(new)
            elif name == CASE_COLUMN:
                try:
                    self.case = parse_case(value)
                except ValueError:
                    problems.append(Problem(line, f"case tag must be yes or no, not '{value}'"))
            else:
                self.extra.setdefault(name, value)

    def entry(self) -> GlossaryEntry:
        return GlossaryEntry(
            source=self.source,
            targets=tuple(self.targets),
            forbidden=tuple(self.forbidden),
            note="; ".join(self.notes),
            case_sensitive=self.case,
            extra=tuple(self.extra.items()),
        )


def parse_rows(rows: Sequence[tuple[int, Sequence[str]]]) -> Parsed:
    """Rows of (source, target, comment...) cells with their line numbers."""
    problems: list[Problem] = []
    groups: dict[str, _Group] = {}
    for line, cells in rows:
        if len(cells) < 2:
            problems.append(
                Problem(
                    line,
                    "no tab: expected source<TAB>target[<TAB>comment]; line skipped",
                    "warning",
                )
            )
            continue
        source = " ".join(cells[0].split())
        target = cells[1].strip()
        if not source or not target:
            what = "source term" if not source else f"target for '{source}'"
            problems.append(Problem(line, f"empty {what}"))
            continue
        comment = " ".join(c.strip() for c in cells[2:] if c.strip())
        key = source.casefold()
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(source)
        group.add(target, comment, line, problems)
    entries = [g.entry() for g in groups.values()]
    extras: list[str] = []
    for entry in entries:
        extras.extend(name for name, _ in entry.extra if name not in extras)
    return Parsed(entries, extras, problems)


def parse(text: str) -> Parsed:
    rows: list[tuple[int, Sequence[str]]] = []
    problems: list[Problem] = []
    scrub = has_unusual(text)
    for number, raw in enumerate(split_records(text), start=1):
        if raw.strip() and not raw.startswith("#"):
            tidy = scrub_line(raw, number, problems) if scrub else raw
            if tidy is not None:
                rows.append((number, tidy.split("\t")))
    parsed = parse_rows(rows)
    parsed.problems[:0] = problems
    return parsed


def dump(entries: Sequence[GlossaryEntry]) -> str:
    lines = [HEADER_COMMENT]
    for entry in map(writable, entries):
        source = entry.source
        for i, target in enumerate(entry.targets):
            cells = [source, alternative(target)]
            comment = make_comment(entry) if i == 0 else ""
            if comment:
                cells.append(comment)
            line = "\t".join(cells)
            lines.append(" " + line if line.startswith("#") else line)  # a term, not a comment
    return "\n".join(lines) + "\n"
