"""The team's ignore list: "never flag this check for this text", in every article.

Xbench and Verifika users keep such lists; here it is a plain tab-separated file
beside the glossary (`glossary.tsv` -> `glossary.ignore.tsv`) with a header line:

    check	text	note
    spacing-punctuation	 .	links stripped by the CMS

Several editors save into it the way they save the glossary (store.py): an OS lock,
a re-read, a three-way merge of this editor's changes into the file as it is now,
an atomic rename. Nothing another editor saved meanwhile is lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.core.files.atomic import real_path, write_text_atomic
from app.core.files.locking import FileLock
from app.core.glossary.backend import is_url
from app.core.model.errors import InputError, OutputError
from app.core.model.issues import Issue

HEADER = ("check", "text", "note")
SUFFIX = ".ignore.tsv"


@dataclass(frozen=True)
class IgnoreRule:
    """One rule: issues of `check` whose flagged text is exactly `text`."""

    check: str
    text: str
    note: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.check, self.text)

    def matches(self, issue: Issue) -> bool:
        return issue.check == self.check and issue.text == self.text


def path_for(glossary: str | Path) -> Path:
    """The ignore list that sits beside a glossary file."""
    g = Path(glossary)
    return g.with_name(g.stem + SUFFIX)


def _escape(value: str) -> str:
    return (
        value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    )


def _unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(nxt, "\\" + nxt))
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def dumps(rules: Iterable[IgnoreRule]) -> str:
    """The file's text: header, then one rule a line, sorted (stable diffs)."""
    lines = ["\t".join(HEADER)]
    for rule in sorted(rules, key=lambda r: r.key):
        lines.append("\t".join(_escape(v) for v in (rule.check, rule.text, rule.note)))
    return "\n".join(lines) + "\n"


def loads(text: str, path: str | Path | None = None) -> list[IgnoreRule]:
    """Rules of a file's text; a malformed line is an InputError naming it."""
    # Split on newlines only (a cell may hold other line breaks); CRLF files are fine.
    lines = [line.removesuffix("\r") for line in text.lstrip("\ufeff").split("\n")]
    if not lines or not lines[0].strip():
        return []
    if tuple(c.strip().lower() for c in lines[0].split("\t")[:2]) != HEADER[:2]:
        raise InputError(path, "is not an ignore list (the first line must be: check, text, note)")
    rules: dict[tuple[str, str], IgnoreRule] = {}
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0].strip() or cells[1] == "":
            raise InputError(path, f"line {number}: a rule needs a check id and a text")
        rule = IgnoreRule(
            cells[0].strip(), _unescape(cells[1]), _unescape(cells[2]) if len(cells) > 2 else ""
        )
        rules[rule.key] = rule
    return list(rules.values())


def read(path: str | Path) -> list[IgnoreRule]:
    """The rules in a file; a missing file is an empty list."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(p, "is not UTF-8 text: not an ignore list") from None
    return loads(text, p)


def for_glossary(glossary: str | Path | None) -> list[IgnoreRule]:
    """The team rules beside a glossary (none without a glossary or a file)."""
    if glossary is None or is_url(glossary):  # a database has no file beside it
        return []
    return read(path_for(glossary))


def keys(rules: Iterable[IgnoreRule]) -> frozenset[tuple[str, str]]:
    return frozenset(r.key for r in rules)


def merge(
    base: Sequence[IgnoreRule], mine: Sequence[IgnoreRule], theirs: Sequence[IgnoreRule]
) -> list[IgnoreRule]:
    """Three-way merge by (check, text): what I added or changed wins, what I removed
    goes, everything else the file holds now (another editor's additions) stays."""
    b = {r.key: r for r in base}
    m = {r.key: r for r in mine}
    out = {r.key: r for r in theirs}
    for key in b.keys() - m.keys():
        out.pop(key, None)
    for key, rule in m.items():
        if b.get(key) != rule:
            out[key] = rule
    return list(out.values())


class IgnoreStore:
    """One shared ignore list file and what this editor last read from it."""

    def __init__(self, path: str | Path, lock_timeout: float = 15.0) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        self.base: list[IgnoreRule] = []
        self.rules: list[IgnoreRule] = []

    def load(self) -> list[IgnoreRule]:
        self.rules = read(self.path)
        self.base = list(self.rules)
        return list(self.rules)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        if not self.path.parent.is_dir():
            raise OutputError(self.path, "the folder does not exist; nothing was written")
        # The glossary's lock: O_EXCL lock file that holds between machines; every lock
        # problem (timeout, another user's lock, a folder in its place) is one OutputError.
        with FileLock(real_path(self.path), timeout=self.lock_timeout):
            yield

    def save(self, rules: Sequence[IgnoreRule]) -> list[IgnoreRule]:
        """Merge `rules` (this editor's whole list) into the file; returns what it holds."""
        with self._locked():
            merged = merge(self.base, rules, read(self.path))
            write_text_atomic(self.path, dumps(merged))
        self.rules = sorted(merged, key=lambda r: r.key)
        self.base = list(self.rules)
        return list(self.rules)

    def add(self, rule: IgnoreRule) -> list[IgnoreRule]:
        """Add (or replace) one rule and save."""
        return self.save([r for r in self.rules if r.key != rule.key] + [rule])
