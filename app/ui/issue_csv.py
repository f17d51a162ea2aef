"""The issue list's rows as CSV (UTF-8 with a BOM, so spreadsheets read the Cyrillic)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from app.core.files.atomic import write_text_atomic

HEADER = ("severity", "check", "segment", "text", "message", "suggestion", "status")


def rows_to_csv(rows: Sequence[Sequence[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue()


def write_csv(path: str | Path, rows: Sequence[Sequence[str]]) -> None:
    """Write atomically (OutputError says why not)."""
    write_text_atomic(path, rows_to_csv(rows), encoding="utf-8-sig")
