"""Review files (.verso): versioned JSON with every text embedded.

A review opens without its original files (they may be on a mail attachment or
a disconnected drive). Writes go through atomic.py; anything wrong with a file
being opened is an InputError that says what is wrong and what to do.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

from app.core.files.atomic import remove_stale_temps, write_text_atomic
from app.core.files.limits import REVIEW_BYTES, SEGMENTS, check_count, read_regular
from app.core.glossary.backend import safe_location
from app.core.glossary.model import GlossaryEntry
from app.core.model.document import Pair
from app.core.model.errors import InputError
from app.core.review.model import EDIT_KINDS, HistoryEntry, Review

FORMAT_ID = "verso-review"
VERSION = 1
EXTENSION = ".verso"
MAX_BYTES = REVIEW_BYTES  # far above any article; guards against opening a disk image


def to_json(review: Review) -> dict[str, Any]:
    return {
        "format": FORMAT_ID,
        "version": VERSION,
        "created": review.created,
        "updated": review.updated,
        "seconds_spent": round(review.seconds_spent, 3),
        "source": {
            "path": review.source_path,
            "lang": review.source_lang,
            "text": review.source_text,
        },
        "target": {
            "path": review.target_path,
            "lang": review.target_lang,
            "text": review.target_text,
        },
        "glossary": None if review.glossary_path is None
        else safe_location(review.glossary_path),  # never a database password
        "pairs": [
            {
                "index": p.index,
                "paragraph": p.paragraph,
                "source": p.source,
                "mt": p.target,
                "target": t,
                "notes": list(p.notes),
            }
            for p, t in zip(review.original, review.targets, strict=True)
        ],
        "ignored": sorted(review.ignored),
        "confirmed": sorted(review.confirmed_pairs),
        "glossary_added": [
            {"source": e.source, "targets": list(e.targets), "forbidden": list(e.forbidden),
             "note": e.note}
            for e in review.glossary_added
        ],
        "history": [
            {"time": h.time, "pair": h.pair, "old": h.old, "new": h.new, "kind": h.kind}
            for h in review.history
        ],
    }


def dumps(review: Review, extra: dict[str, Any] | None = None) -> str:
    data = to_json(review)
    if extra:
        data.update(extra)
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate pasted in: \u-escape rather than fail
        text = json.dumps(data, ensure_ascii=True, indent=1) + "\n"
    return text


def save_review(review: Review, path: str | Path | None = None) -> Path:
    """Write the review (to `path`, else to where it came from) and mark it saved."""
    dest = path if path is not None else review.path
    if dest is None:
        raise ValueError("the review has no file yet: pass a path")
    revision = review.revision
    write_text_atomic(dest, dumps(review))
    review.path = str(Path(dest).resolve())
    review.saved_revision = revision
    review.file_stamp = file_stamp(review.path)
    remove_stale_temps(review.path)
    return Path(review.path)


def file_stamp(path: str | Path) -> tuple[int, int] | None:
    """(mtime_ns, size) of a file, None if it cannot be seen."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def changed_on_disk(review: Review) -> bool:
    """True when the review's file was changed or removed by someone else since
    this review was loaded or saved: the window asks before overwriting it."""
    if review.path is None or review.file_stamp is None:
        return False
    return file_stamp(review.path) != review.file_stamp


def read_json(path: str | Path) -> dict[str, Any]:
    """The JSON object of a review or autosave file, or an InputError saying why not."""
    p = Path(path)
    raw = read_regular(p, MAX_BYTES, "a Verso review")  # no device, FIFO or huge file
    check_count(p, raw.count(b'"index"'), SEGMENTS, "segments")  # before building objects
    if not raw.strip():
        raise InputError(p, "is empty: not a Verso review file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start < len(raw) - 4:
            raise InputError(p, "is not a Verso review file (it is not UTF-8 text)") from None
        # Cut inside the last character: a truncated file, reported as damaged below.
        text = raw.decode("utf-8-sig", errors="replace")
    try:
        data = json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        if text.lstrip()[:1] not in ("{", "["):
            raise InputError(
                p, "is not a Verso review file; open the article files instead"
            ) from None
        raise InputError(
            p,
            f"is damaged (invalid JSON at line {exc.lineno}, column {exc.colno}); "
            "restore it from the autosave or a backup",
        ) from None
    except RecursionError:
        raise InputError(p, "is damaged (nested too deeply)") from None
    except ValueError:  # _bounded_int: a number of hundreds of digits
        raise InputError(p, "is damaged (it holds a number far too large)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_ID:
        raise InputError(p, "is JSON but not a Verso review file")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise InputError(p, "is damaged: its format version is missing")
    if version > VERSION:
        raise InputError(
            p,
            f"was saved by a newer Verso (review format {version}; this Verso reads up to "
            f"{VERSION}); update Verso to open it",
        )
    if version < 1:
        raise InputError(p, f"is damaged: unknown review format version {version}")
    return data


def _bounded_int(digits: str) -> int:
    """JSON integers of at most 30 digits: a 400-digit one overflows float() later, one
    of 4 300 digits trips Python's int limit (issue 16)."""
    if len(digits.lstrip("-")) > 30:
        raise ValueError("number too large")
    return int(digits)


def from_json(data: dict[str, Any], path: str | Path | None = None) -> Review:
    """Build a Review from parsed JSON, checking every field's type."""
    try:
        return _build(data)
    except _Bad as exc:
        raise InputError(path, f"is damaged: {exc}") from None


def load_review(path: str | Path) -> Review:
    stamp = file_stamp(path)
    review = from_json(read_json(path), path)
    review.path = str(Path(path).resolve())
    review.file_stamp = stamp
    return review


class _Bad(Exception):
    """A field of a review file has the wrong shape."""


def _get(obj: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(obj, dict) or key not in obj:
        raise _Bad(f"{where}: '{key}' is missing")
    value = obj[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, float)):
        raise _Bad(f"{where}: '{key}' has the wrong type")
    return value


def _opt_str(obj: Any, key: str, where: str) -> str | None:
    value = obj.get(key) if isinstance(obj, dict) else None
    if value is not None and not isinstance(value, str):
        raise _Bad(f"{where}: '{key}' has the wrong type")
    return value


def _build(data: dict[str, Any]) -> Review:
    source = _get(data, "source", dict, "file")
    target = _get(data, "target", dict, "file")
    pairs_raw = _get(data, "pairs", list, "file")
    original: list[Pair] = []
    targets: list[str] = []
    for n, item in enumerate(pairs_raw):
        where = f"pair {n}"
        index = _get(item, "index", int, where)
        if index != n:
            raise _Bad(f"{where}: index {index} is out of order")
        notes = item.get("notes", []) if isinstance(item, dict) else []
        if not isinstance(notes, list) or not all(isinstance(x, str) for x in notes):
            raise _Bad(f"{where}: 'notes' has the wrong type")
        original.append(
            Pair(
                n,
                _get(item, "source", str, where),
                _get(item, "mt", str, where),
                _get(item, "paragraph", int, where),
                tuple(notes),
            )
        )
        targets.append(_get(item, "target", str, where))
    ignored = _get(data, "ignored", list, "file")
    if not all(isinstance(x, str) for x in ignored):
        raise _Bad("'ignored' holds a value that is not text")
    history: list[HistoryEntry] = []
    for n, item in enumerate(_get(data, "history", list, "file")):
        where = f"history entry {n}"
        kind = _get(item, "kind", str, where)
        if kind not in EDIT_KINDS:
            raise _Bad(f"{where}: unknown kind {kind!r}")
        pair = _get(item, "pair", int, where)
        if not 0 <= pair < len(original):
            raise _Bad(f"{where}: pair {pair} does not exist")
        history.append(
            HistoryEntry(
                _get(item, "time", str, where),
                pair,
                _get(item, "old", str, where),
                _get(item, "new", str, where),
                kind,
            )
        )
    seconds = _get(data, "seconds_spent", (int, float), "file")
    added = _glossary_added(data.get("glossary_added", []))
    confirmed = _confirmed(data.get("confirmed", []), len(original))
    return Review(
        source_lang=_get(source, "lang", str, "source"),
        target_lang=_get(target, "lang", str, "target"),
        original=original,
        source_text=_get(source, "text", str, "source"),
        target_text=_get(target, "text", str, "target"),
        source_path=_opt_str(source, "path", "source"),
        target_path=_opt_str(target, "path", "target"),
        glossary_path=_opt_str(data, "glossary", "file"),
        targets=targets,
        ignored=set(ignored),
        history=history,
        seconds_spent=float(seconds) if math.isfinite(seconds) and seconds > 0 else 0.0,
        created=_get(data, "created", str, "file"),
        updated=_get(data, "updated", str, "file"),
        glossary_added=added,
        confirmed_pairs=confirmed,
    )


def _confirmed(raw: Any, count: int) -> set[int]:
    """Confirmed pair indices (absent from files of older Versos: none confirmed)."""
    if not isinstance(raw, list):
        raise _Bad("'confirmed' has the wrong type")
    for value in raw:
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < count:
            raise _Bad(f"'confirmed' names a pair that does not exist ({value!r})")
    return set(raw)


def _glossary_added(raw: Any) -> list[GlossaryEntry]:
    """Entries the review added to the glossary (absent from files of older Versos)."""
    if not isinstance(raw, list):
        raise _Bad("'glossary_added' has the wrong type")
    entries: list[GlossaryEntry] = []
    for n, item in enumerate(raw):
        where = f"glossary entry {n}"
        lists = [_get(item, key, list, where) for key in ("targets", "forbidden")]
        if not all(isinstance(x, str) for values in lists for x in values):
            raise _Bad(f"{where}: a rendering is not text")
        entries.append(
            GlossaryEntry(
                _get(item, "source", str, where),
                tuple(lists[0]),
                tuple(lists[1]),
                _get(item, "note", str, where),
            )
        )
    return entries
