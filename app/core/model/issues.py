"""What a check reports: an issue with an exact span in one side of one pair."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


class Side(StrEnum):
    SOURCE = "source"
    TARGET = "target"


@dataclass(frozen=True)
class Issue:
    """A place an editor must look at.

    `start`/`end` are offsets into the pair's source or target string (by `side`).
    `source_start`/`source_end` optionally point at the matching source term for a
    target-side issue, so the window can highlight both columns. `entry` is a glossary
    entry (source term, rendering; the rendering may be empty) the editor can add in one
    action, e.g. for a name the glossary does not know.
    """

    check: str
    severity: Severity
    pair: int
    side: Side
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    entry: tuple[str, str] | None = None

    def signature(self, pair_source: str, occurrence: int = 0) -> str:
        """Stable key for ignoring: survives re-checks and edits elsewhere."""
        return "\x1f".join((self.check, pair_source, self.text, str(occurrence)))

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "check": self.check,
            "severity": self.severity.value,
            "pair": self.pair,
            "side": self.side.value,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
        }
        if self.source_start is not None and self.source_end is not None:
            data["source_start"] = self.source_start
            data["source_end"] = self.source_end
        if self.entry is not None:
            data["glossary_entry"] = {"source": self.entry[0], "target": self.entry[1]}
        return data


def sort_key(issue: Issue) -> tuple[int, int, int, str]:
    return (issue.pair, 0 if issue.side is Side.SOURCE else 1, issue.start, issue.check)
