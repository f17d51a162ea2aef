"""Read article files into Documents. (Initial version: UTF-8 .txt only; to be completed.)"""

from __future__ import annotations

from pathlib import Path

from app.core.document import Document
from app.core.errors import InputError
from app.core.segment import split_paragraphs


def read_document(path: str | Path) -> Document:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(p, "is not UTF-8 text") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = tuple(split_paragraphs(text))
    if not paragraphs:
        raise InputError(p, "is empty: it holds no text to check")
    return Document(text=text, paragraphs=paragraphs, path=str(p))
