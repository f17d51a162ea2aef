"""Bytes of a glossary file to text: UTF-8 with or without BOM (UTF-16/32 with a BOM too).

Shared by the readers (which report a bad byte with its line) and by content
sniffing (which only needs to know whether the bytes are text at all).
"""

from __future__ import annotations

import codecs

from app.core.glossary.rows import Problem

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def encoding_of(data: bytes) -> str:
    """The encoding its BOM names; UTF-8 without one."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return "utf-8"


def text_or_none(data: bytes) -> str | None:
    """The text, or None when the bytes are not valid in their encoding (no guessing)."""
    try:
        return data.decode(encoding_of(data))
    except UnicodeDecodeError:
        return None


def decode(data: bytes) -> tuple[str | None, list[Problem]]:
    """Text of a glossary file, or None and a problem naming the line with the bad bytes."""
    encoding = encoding_of(data)
    try:
        return data.decode(encoding), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        guess = ""
        try:
            from charset_normalizer import from_bytes

            best = from_bytes(data[:65536]).best()
            if best is not None and best.encoding not in ("utf_8", "ascii"):
                guess = f" (it looks like {best.encoding})"
        except Exception:  # the guess only decorates the message
            guess = ""
        msg = f"not valid {encoding.upper()}{guess}; save the file as UTF-8 and reload"
        return None, [Problem(line, msg)]
