"""Autosave: a copy of the review in the user's state folder, rewritten every few seconds.

The copy lives in the platform's state folder (files/folders.py: ~/.local/state/verso/autosave
on Linux, %LOCALAPPDATA%\\verso\\autosave on Windows, ~/Library/Application Support/verso/autosave
on macOS; autosaves an older Verso left in ~/.local/state there are moved over), not
beside the review, so it still works when the review's folder is read-only or a
network drive has gone. It is keyed by the article pair (source + target path), so
reopening the same files finds it; list_autosaves() lets the window offer every
leftover one at start-up after a crash. Each write is atomic: a kill at any moment
leaves the previous autosave or the new one.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from app.core.files import folders
from app.core.files.atomic import remove_stale_temps
from app.core.model.errors import InputError, OutputError
from app.core.review.file import dumps, file_stamp, from_json, read_json
from app.core.review.model import Review, utc_now

SUFFIX = ".verso-autosave"
META_KEY = "autosave"


def autosave_dir() -> Path:
    folder = folders.state_dir() / "autosave"
    adopt_legacy_autosaves(folder)
    return folder


def adopt_legacy_autosaves(folder: Path, legacy: Path | None = None) -> list[Path]:
    """Move autosaves from where Verso 0.1 kept them on every platform (~/.local/state/verso)
    into `folder`, so a crash before an upgrade is still offered; an autosave already in
    `folder` wins. Returns the files moved; a file that cannot be moved stays where it is."""
    old = (legacy or folders.legacy_state_dir()) / "autosave"
    if old.resolve() == folder.resolve() or not old.is_dir():
        return []
    moved: list[Path] = []
    try:
        found = [p for p in old.iterdir() if p.name.endswith(SUFFIX) and p.is_file()]
    except OSError:
        return []
    for path in found:
        dest = folder / path.name
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if dest.exists():
                continue
            shutil.move(str(path), str(dest))
        except OSError:
            continue
        moved.append(dest)
    with contextlib.suppress(OSError):
        old.rmdir()  # only when empty
    return moved


def _key(source_path: str | Path | None, target_path: str | Path | None, fallback: str) -> str:
    if source_path is None and target_path is None:
        material = "text\0" + fallback
    else:
        paths = (source_path, target_path)
        parts = [str(Path(p).resolve()) if p is not None else "" for p in paths]
        material = "paths\0" + "\0".join(parts)
    return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def autosave_path(
    source_path: str | Path | None, target_path: str | Path | None, folder: Path | None = None
) -> Path:
    """Where the autosave of the review of these two files lives."""
    return (folder or autosave_dir()) / (_key(source_path, target_path, "") + SUFFIX)


def autosave_path_for(review: Review, folder: Path | None = None) -> Path:
    if review.source_path is None and review.target_path is None:
        key = _key(None, None, review.source_text + "\0" + review.target_text)
        return (folder or autosave_dir()) / (key + SUFFIX)
    return autosave_path(review.source_path, review.target_path, folder)


@dataclass(frozen=True)
class AutosaveInfo:
    """What the window shows when offering to restore."""

    path: Path
    source_path: str | None
    target_path: str | None
    review_path: str | None
    saved: str
    edits: int


def _info(path: Path) -> AutosaveInfo:
    data = read_json(path)
    meta, src, tgt = data.get(META_KEY), data.get("source"), data.get("target")
    history = data.get("history")

    def text(obj: object, key: str) -> str | None:
        value = obj.get(key) if isinstance(obj, dict) else None
        return value if isinstance(value, str) else None

    return AutosaveInfo(
        path=path,
        source_path=text(src, "path"),
        target_path=text(tgt, "path"),
        review_path=text(meta, "review_path"),
        saved=text(meta, "saved") or "",
        edits=len(history) if isinstance(history, list) else 0,
    )


def find_autosave(
    source_path: str | Path | None, target_path: str | Path | None, folder: Path | None = None
) -> Path | None:
    """The autosave of a review of these files, if one exists and can be read."""
    path = autosave_path(source_path, target_path, folder)
    if not path.is_file():
        return None
    try:
        read_json(path)
    except InputError:
        return None
    return path


def list_autosaves(folder: Path | None = None) -> list[AutosaveInfo]:
    """Every readable autosave, newest first: what to offer after a crash."""
    base = folder or autosave_dir()
    try:
        candidates = [p for p in base.iterdir() if p.name.endswith(SUFFIX) and p.is_file()]
    except OSError:
        return []
    found: list[AutosaveInfo] = []
    for path in candidates:
        with contextlib.suppress(InputError):
            found.append(_info(path))
    found.sort(key=lambda i: i.saved, reverse=True)
    return found


def restore(path: str | Path) -> Review:
    """The review an autosave holds, pointing at its review file (if it had one).

    The result counts as unsaved (is_dirty) until the editor saves it.
    """
    data = read_json(path)
    review = from_json(data, path)
    meta = data.get(META_KEY)
    review_path = meta.get("review_path") if isinstance(meta, dict) else None
    review.path = review_path if isinstance(review_path, str) else None
    if review.path is not None:
        review.file_stamp = file_stamp(review.path)
    review.saved_revision = review.revision - 1
    return review


def discard_autosave(path: str | Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


class Autosaver:
    """Keeps one review's autosave current; cheap to call often.

    save_if_dirty() never raises for a failed write (the window calls it from a
    timer): it returns False and leaves the error in `last_error`, which the
    window shows once; the edits stay in memory.
    """

    def __init__(self, review: Review, path: str | Path | None = None) -> None:
        self.review = review
        self.path = Path(path) if path is not None else autosave_path_for(review)
        self.last_error: OutputError | None = None
        self._handled: tuple[int, int] | None = None

    def _state(self) -> tuple[int, int]:
        return (self.review.revision, self.review.saved_revision)

    @property
    def pending(self) -> bool:
        """The review changed (edited or saved) since the autosave last caught up."""
        return self._handled != self._state()

    def save_if_dirty(self) -> bool:
        """Write the autosave if the review changed since the last write; True if written."""
        if not self.pending:
            return False
        if not self.review.is_dirty:
            # Saved to its review file (or untouched): an autosave would only
            # trigger a needless restore offer.
            self.discard()
            return False
        return self.save_now()

    def save_now(self) -> bool:
        from app.core.files.atomic import write_text_atomic

        state = self._state()
        meta = {META_KEY: {"review_path": self.review.path, "saved": utc_now()}}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(self.path, dumps(self.review, meta))
        except OutputError as exc:
            self.last_error = exc
            return False
        except OSError as exc:
            self.last_error = OutputError(self.path, f"cannot be written ({exc.strerror or exc})")
            return False
        self.last_error = None
        self._handled = state
        remove_stale_temps(self.path)
        return True

    def discard(self) -> None:
        """Remove the autosave (after a clean save and close, or when the editor declines)."""
        discard_autosave(self.path)
        self._handled = self._state()
