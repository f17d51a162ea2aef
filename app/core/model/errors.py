"""Errors that carry a message meant for a person, never a traceback."""

from __future__ import annotations

from pathlib import Path


class VersoError(Exception):
    """Base for errors whose str() is a complete, user-readable message."""


class InputError(VersoError):
    """A file could not be used as input: says which file and why."""

    def __init__(self, path: str | Path | None, reason: str) -> None:
        self.path = None if path is None else str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


class OutputError(VersoError):
    """A file could not be written; whatever was in memory is kept."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
