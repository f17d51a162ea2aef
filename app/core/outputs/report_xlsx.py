"""The QA report as an Excel workbook (openpyxl): what Xbench and Verifika users open.

Sheets: Summary (the article, then issues counted by check), Issues (grouped by check: a
header row with the check's name and counts, its rows collapsible under it; the flagged
span in red bold inside the source or target text), Segments, Glossary. Every text cell is
stored as text, never as a formula, whatever it starts with.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from app.core.outputs.report_data import ReportData
from app.core.outputs.report_rows import CheckGroup, Marked

Tables = dict[str, tuple[tuple[str, ...], list[list[object]]]]
ISSUE_HEADERS = ("Check", "Check id", "Seg.", "Severity", "Status", "Source", "Target",
                 "Message", "Suggestion")  # fmt: skip
ISSUE_WIDTHS = (22, 20, 6, 9, 9, 60, 60, 50, 24)
_SPAN_COLOR = "C00000"
_HEADER_FILL = "DCE6F1"
_GROUP_FILL = "F2F2F2"


def _set(ws: Any, row: int, col: int, value: object) -> Any:
    """A cell holding `value` as itself: text starting with '=' stays text."""
    cell = ws.cell(row=row, column=col)
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    return cell


def _rich(marked: Marked) -> Any:
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    if not marked.span:
        return marked.text
    parts: list[Any] = []
    if marked.before:
        parts.append(marked.before)
    parts.append(TextBlock(InlineFont(b=True, color=_SPAN_COLOR), marked.span))
    if marked.after:
        parts.append(marked.after)
    return CellRichText(parts)


def _header(ws: Any, row: int, names: Sequence[str]) -> None:
    from openpyxl.styles import Font, PatternFill

    for col, name in enumerate(names, start=1):
        cell = _set(ws, row, col, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)


def _table_sheet(wb: Any, title: str, columns: Sequence[str], rows: Sequence[Sequence[object]],
                 widths: dict[int, int] | None = None) -> None:  # fmt: skip
    ws = wb.create_sheet(title)
    _header(ws, 1, columns)
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            _set(ws, r, c, value)
    ws.freeze_panes = "A2"
    for col, width in (widths or {}).items():
        ws.column_dimensions[chr(ord("A") + col)].width = width


def _summary_sheet(ws: Any, data: ReportData, tables: Tables) -> None:
    from openpyxl.styles import Font

    _set(ws, 1, 1, f"QA report: {data.title}").font = Font(bold=True, size=14)
    _set(ws, 2, 1, f"Created {data.created} by Verso; {data.source_lang} → {data.target_lang}")
    columns, rows = tables["article"]
    _header(ws, 4, columns)
    for c, value in enumerate(rows[0], start=1):
        _set(ws, 5, c, value)
    columns, rows = tables["checks"]
    _set(ws, 7, 1, "Issues by check").font = Font(bold=True)
    _header(ws, 8, columns)
    for r, values in enumerate(rows, start=9):
        for c, value in enumerate(values, start=1):
            _set(ws, r, c, value)
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 24


def _issues_sheet(ws: Any, groups: Sequence[CheckGroup]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    _header(ws, 1, ISSUE_HEADERS)
    ws.freeze_panes = "A2"
    for col, width in enumerate(ISSUE_WIDTHS):
        ws.column_dimensions[chr(ord("A") + col)].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    row = 2
    for group in groups:
        c = group.counts()
        title = (f"{group.check_name} ({group.check}): {group.count()} issues — {c['open']} open, "
                 f"{c['fixed']} fixed, {c['ignored']} ignored")  # fmt: skip
        cell = _set(ws, row, 1, title)
        cell.font = Font(bold=True)
        for col in range(1, len(ISSUE_HEADERS) + 1):
            ws.cell(row=row, column=col).fill = PatternFill("solid", fgColor=_GROUP_FILL)
        row += 1
        for r in group.rows:
            values: list[object] = [
                r.check_name,
                r.check,
                r.segment,
                r.severity,
                r.status,
                _rich(r.source),
                _rich(r.target),
                r.message,
                r.suggestion,
            ]
            for col, value in enumerate(values, start=1):
                _set(ws, row, col, value).alignment = wrap
            ws.row_dimensions[row].outlineLevel = 1
            row += 1
    if row == 2:
        _set(ws, 2, 1, "No issues were found.")


def render_xlsx(data: ReportData, tables: Tables, groups: Sequence[CheckGroup]) -> bytes:
    """The workbook's bytes (written atomically by the caller)."""
    from openpyxl import Workbook

    wb = Workbook()
    summary = wb.active
    summary.title = "Summary"
    _summary_sheet(summary, data, tables)
    _issues_sheet(wb.create_sheet("Issues"), groups)
    columns, rows = tables["segments"]
    _table_sheet(wb, "Segments", columns, rows, {1: 60, 2: 60, 3: 60})
    columns, rows = tables["glossary"]
    _table_sheet(wb, "Glossary", columns, rows, {0: 30, 1: 30, 2: 30, 3: 40})
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
