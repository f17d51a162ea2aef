"""The team's shared glossary file: locked, merged, atomic saves; nothing saved is lost.

A save takes the lock (locking.py: `<file>.lock` created with O_EXCL, naming its
holder, which holds between machines on SMB and NFS; a dead editor's lock is taken
over, so a crash never blocks the team for long), re-reads the
file, three-way merges the editor's copy into it (merge.py), writes a temporary
file in the same folder and renames it over the old one (atomic.py). Entries both
editors changed differently come back as conflicts for the caller to resolve.
A file that cannot be read is never overwritten unless the caller passes force=True
(and then the broken file is kept beside it as `<file>.broken-<time>`).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.core.files.atomic import real_path, remove_stale_temps, write_bytes_atomic
from app.core.files.limits import GLOSSARY_BYTES, read_regular_if_exists
from app.core.files.locking import FileLock
from app.core.glossary.decoding import text_or_none
from app.core.glossary.formats import reader_for
from app.core.glossary.io import (
    check_entry_count,
    dump_bytes,
    format_for,
    layout_of_bytes,
    parse_bytes,
)
from app.core.glossary.merge import Choice, Conflict, apply_choice, by_key, merge
from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.glossary.rows import GlossaryError, Parsed, Problem, has_errors
from app.core.glossary.rows_write import normal_entry
from app.core.glossary.tsv import layout
from app.core.glossary.version import GlossaryVersion, stamp_of
from app.core.model.errors import InputError, OutputError


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=32).digest()


def _copy(parsed: Parsed) -> Parsed:
    """A Parsed whose lists the caller may change without touching the remembered one."""
    return replace(
        parsed,
        entries=list(parsed.entries),
        extra_columns=list(parsed.extra_columns),
        problems=list(parsed.problems),
    )


@dataclass
class SaveResult:
    """What is on disk after a save, and the entries left for the caller to decide."""

    glossary: Glossary
    conflicts: list[Conflict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _fold(old: GlossaryEntry, new: GlossaryEntry) -> GlossaryEntry:
    forbidden = tuple(dict.fromkeys(old.forbidden + new.forbidden))
    targets = tuple(t for t in dict.fromkeys(new.targets + old.targets) if t not in forbidden)
    forbidden = tuple(f for f in forbidden if f not in new.targets)
    merged = replace(
        old,
        targets=targets or new.targets,
        forbidden=forbidden,
        note=new.note or old.note,
        case_sensitive=new.case_sensitive if new.case_sensitive is not None
        else old.case_sensitive,
    )
    for name, value in new.extra:
        merged = merged.with_extra(name, value)
    return merged


def upsert_many(
    entries: Sequence[GlossaryEntry], new: Sequence[GlossaryEntry]
) -> list[GlossaryEntry]:
    """upsert() of each new entry in turn, with one key index (not a scan per entry)."""
    out = list(entries)
    index: dict[str, int] = {}
    for i, entry in enumerate(out):
        index.setdefault(entry.key, i)
    for entry in new:
        at = index.get(entry.key)
        if at is None:
            index[entry.key] = len(out)
            out.append(entry)
        else:
            out[at] = _fold(out[at], entry)
    return out


def upsert(entries: Sequence[GlossaryEntry], new: GlossaryEntry) -> list[GlossaryEntry]:
    """Entries with `new` added, or folded into the entry with the same source.

    The new rendering becomes the preferred one, old renderings stay acceptable
    unless now forbidden, forbidden variants accumulate; a new note replaces the old.
    """
    return upsert_many(entries, [new])


class GlossaryStore:
    """One shared glossary file and what this editor last read from it."""

    def __init__(self, path: str | Path, lock_timeout: float = 15.0) -> None:
        self.path = Path(path)
        self.lock_path = Path(f"{self.path}.lock")
        self.lock_timeout = lock_timeout
        self.base: list[GlossaryEntry] = []
        self.problems: list[Problem] = []
        self.glossary = Glossary(path=str(self.path))
        # Base versions of entries still in conflict (None: absent from the base).
        self.pending: dict[str, GlossaryEntry | None] = {}
        # Hash of the bytes last read or written, and what they hold: a save re-reads
        # the file, and parsing 100,000 entries costs about a second; unchanged bytes
        # (the usual case: nobody else saved since) need only be hashed.
        self._seen: tuple[bytes, Parsed] | None = None
        # The file's bytes and entries as last read or written: what checks index.
        self.version: GlossaryVersion | None = None

    def _rebase(self, written: Sequence[GlossaryEntry]) -> None:
        """What was just written becomes the base, except entries still in conflict."""
        self.base = [e for e in written if e.key not in self.pending]
        self.base += [e for e in self.pending.values() if e is not None]

    @property
    def location(self) -> str:
        return str(self.path)

    def close(self) -> None:
        """Nothing to let go of: the lock is held only during a save (backend.py)."""

    # -- reading -------------------------------------------------------------------
    def _format(self, data: bytes | None) -> str:
        """Write back the flavour the file is in (a .tab with a header stays canonical TSV);
        a new, blank or undecodable file gets the format its extension names."""
        if data and (text := text_or_none(data)) is not None and text.strip():
            return reader_for(self.path, data).name
        return format_for(self.path, writing=True)

    def _read(self) -> tuple[bytes | None, Parsed]:
        try:  # a device, FIFO or huge file is refused before reading (limits.py)
            data = read_regular_if_exists(self.path, GLOSSARY_BYTES, "a glossary")
            if data is not None:
                check_entry_count(self.path, data)
        except InputError as exc:
            raise OutputError(self.path, exc.reason) from None
        if data is None:
            return None, Parsed([], [], [])
        digest = _digest(data)
        if self._seen is not None and self._seen[0] == digest:
            return data, _copy(self._seen[1])
        parsed = parse_bytes(data, format_for(self.path))
        self._seen = (digest, _copy(parsed))
        return data, parsed

    def _glossary(self, parsed: Parsed) -> Glossary:
        return Glossary(
            entries=list(parsed.entries),
            extra_columns=list(parsed.extra_columns),
            path=str(self.path),
            source_lang=parsed.source_lang,
            target_lang=parsed.target_lang,
        )

    def load(self) -> Glossary:
        """Read the file (a missing file is an empty glossary); GlossaryError if broken.

        Even when it raises, `self.glossary` holds the entries that could be read,
        so the window can open and show them read-only.
        """
        stamp = stamp_of(self.path)
        data, parsed = self._read()
        self.problems = parsed.problems
        self.glossary = self._glossary(parsed)
        self.base = list(parsed.entries)
        self.version = None if data is None else GlossaryVersion.written(
            self.path, data, self._glossary(parsed), stamp, parsed.problems
        )
        if has_errors(parsed.problems):
            errors = [p for p in parsed.problems if p.severity == "error"]
            raise GlossaryError(str(self.path), errors)
        return self.glossary

    def adopt(self, version: GlossaryVersion) -> Glossary:
        """Take a version read elsewhere (the article's check read it) instead of reading
        the file again; raises GlossaryError like load() when it is broken."""
        glossary, problems = version.glossary, version.problems
        self._seen = (version.digest, Parsed(
            list(glossary.entries), list(glossary.extra_columns), list(problems),
            glossary.source_lang, glossary.target_lang,
        ))
        self.version = version
        self.problems = list(problems)
        self.glossary = Glossary(
            list(glossary.entries), list(glossary.extra_columns), str(self.path),
            glossary.source_lang, glossary.target_lang,
        )
        self.base = list(glossary.entries)
        if has_errors(problems):
            raise GlossaryError(str(self.path), [p for p in problems if p.severity == "error"])
        return self.glossary

    # -- writing -------------------------------------------------------------------
    @contextmanager
    def locked(self) -> Iterator[None]:
        if not self.path.parent.is_dir():  # never re-create a vanished share (issue 7)
            raise OutputError(
                self.path,
                "the folder does not exist (a network drive may be disconnected); "
                "nothing was written: reconnect it, or save the glossary elsewhere",
            )
        with FileLock(real_path(self.path), timeout=self.lock_timeout):
            yield

    def _write(self, data: bytes | None, parsed: Parsed, entries: list[GlossaryEntry],
               extra_columns: list[str], force: bool) -> Glossary:
        if has_errors(parsed.problems):
            if not force:
                raise GlossaryError(
                    str(self.path),
                    [p for p in parsed.problems if p.severity == "error"]
                    + [Problem(0, "the file was NOT overwritten: fix it, or save with force")],
                )
            if data is not None:
                stamp = time.strftime("%Y%m%d-%H%M%S")
                write_bytes_atomic(f"{self.path}.broken-{stamp}", data)
        glossary = self._glossary(parsed)
        for name in extra_columns:
            if name not in glossary.extra_columns:
                glossary.extra_columns.append(name)
        fmt = self._format(data)
        glossary.entries = [normal_entry(e) for e in entries]  # as the file will hold them
        like = parsed if parsed.columns or fmt != "tsv" else layout_of_bytes(data)
        out = dump_bytes(glossary, fmt, like)
        self._seen = None  # if the write fails, the file must be read again
        write_bytes_atomic(self.path, out)
        written = Parsed(
            list(glossary.entries), list(glossary.extra_columns), [],
            glossary.source_lang, glossary.target_lang,
        )
        if fmt == "tsv":
            written.columns, written.commented_header = layout(
                glossary.entries, glossary.extra_columns, like
            )
            written.comments = dict(like.comments or {}) if like is not None else None
        self.version = GlossaryVersion.written(self.path, out, self._glossary(written))
        # What we wrote is what the next save will find unless someone else saves:
        # remember it, so that save need not parse it back.
        self._seen = (_digest(out), _copy(written))
        remove_stale_temps(self.path)  # leftovers of killed saves; we hold the lock
        return glossary

    def save(self, mine: Glossary | Sequence[GlossaryEntry], force: bool = False) -> SaveResult:
        """Merge this editor's copy into the file as it is now, under the lock."""
        # Normalised first (what the file will hold), so merging compares like with like;
        # a value no file can hold is refused here, before anything is locked or written.
        mine_entries = [normal_entry(e) for e in (mine.entries if isinstance(mine, Glossary)
                                                  else mine)]  # fmt: skip
        mine_columns = list(mine.extra_columns) if isinstance(mine, Glossary) else []
        with self.locked():
            data, theirs = self._read()
            result = merge(self.base, mine_entries, theirs.entries)
            glossary = self._write(data, theirs, result.entries, mine_columns, force)
        # Conflicted keys keep their old base, so they stay conflicts until resolved.
        self.pending = {c.key: c.base for c in result.conflicts}
        self._rebase(glossary.entries)
        self.glossary, self.problems = glossary, theirs.problems
        return SaveResult(glossary, result.conflicts, theirs.problems)

    def add(self, entry: GlossaryEntry, force: bool = False) -> SaveResult:
        """Add one entry (or fold it into the existing one) in a single locked save."""
        return self.add_many([entry], force)

    def add_many(self, entries: Sequence[GlossaryEntry], force: bool = False) -> SaveResult:
        entries = [normal_entry(e) for e in entries]  # refused here if no file can hold it
        with self.locked():
            data, theirs = self._read()
            merged = upsert_many(theirs.entries, entries)
            columns = [n for e in entries for n, _ in e.extra]
            glossary = self._write(data, theirs, merged, columns, force)
        self._rebase(glossary.entries)
        self.glossary, self.problems = glossary, theirs.problems
        return SaveResult(glossary, [], theirs.problems)

    def resolve(
        self, conflict: Conflict, choice: Choice | GlossaryEntry | None, force: bool = False
    ) -> SaveResult:
        """Write the chosen version of a conflict; a newer edit on disk is a new conflict."""
        with self.locked():
            data, theirs = self._read()
            now = by_key(theirs.entries).get(conflict.key)
            if now != conflict.theirs:
                newer = Conflict(conflict.key, conflict.theirs, conflict.chosen(choice), now)
                return SaveResult(self._glossary(theirs), [newer], theirs.problems)
            entries = apply_choice(list(theirs.entries), conflict, choice)
            glossary = self._write(data, theirs, entries, [], force)
        self.pending.pop(conflict.key, None)
        self._rebase(glossary.entries)
        self.glossary, self.problems = glossary, theirs.problems
        return SaveResult(glossary, [], theirs.problems)
