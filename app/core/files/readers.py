"""Read article files (.txt, .md, .html, .docx) into Documents.

Whatever the format, the Document's text is what the editor reads: line endings
are "\\n", Markdown markup is removed (heading #, emphasis markers, list and quote
markers; links and images become their text), HTML is reduced to its visible
text (head, scripts and styles dropped; block elements become paragraphs) and a
.docx gives its paragraphs and table cells in order. Paragraphs are the
non-empty lines of a .txt file, the blocks of a .md file, the block elements of
HTML and the paragraphs of a .docx.

Limits (issue 7): files over MAX_FILE_BYTES are refused (and `ensure_checkable` refuses
paragraphs over MAX_PARAGRAPH_CHARS before a check), and a .docx whose
parts would unpack to more than MAX_UNPACKED_BYTES (a zip bomb) is refused
before it is opened. Every failure is an InputError with one line that says
what is wrong and what to do; nothing here fetches anything from the network.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app.core.files.encodings import decode_text
from app.core.files.limits import ARTICLE_BYTES, SEGMENTS, check_count, read_regular
from app.core.model.document import Document
from app.core.model.errors import InputError
from app.core.text.segment import split_paragraphs

# 50 MB: about 25 000 pages of text, far beyond any article; bigger files are
# refused before they are read so memory and time stay bounded.
MAX_FILE_BYTES = ARTICLE_BYTES
# A news paragraph is under 3 000 characters; a 10 MB "paragraph" is a file without
# line breaks (or not an article) and would take minutes to check (issue 7).
MAX_PARAGRAPH_CHARS = 100_000

_FORMATS = {
    ".txt": "txt", ".text": "txt", "": "txt",
    ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx",
}
ARTICLE_SUFFIXES = frozenset(s for s in _FORMATS if s)  # what glossary drops must not claim
_UNSUPPORTED = {
    ".doc": "is an old Word 97-2003 file; open it in Word and save it as .docx",
    ".odt": "is an OpenDocument file; save it as .docx or plain text",
    ".rtf": "is an RTF file; save it as .docx or plain text",
    ".pdf": "is a PDF file; export its text as .txt or .docx first",
}


def normalize_newlines(text: str) -> str:
    """"\\r\\n", "\\r" and Unicode line/paragraph separators all become "\\n"."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for sep in ("\u2028", "\u2029", "\x85", "\x0b", "\x0c"):
        if sep in text:
            text = text.replace(sep, "\n")
    return text


def read_bytes_limited(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes, or InputError if it is missing, unreadable, not a regular file
    (a device or FIFO) or over `limit` (limits.read_regular)."""
    return read_regular(path, MAX_FILE_BYTES if limit is None else limit, "an article")


def read_document(path: str | Path) -> Document:
    """Read one article file; the format follows the file extension."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in _UNSUPPORTED:
        raise InputError(p, _UNSUPPORTED[suffix])
    fmt = _FORMATS.get(suffix, "txt")
    data = read_bytes_limited(p)
    if not data.strip():
        raise InputError(p, "is empty: it holds no text to check")
    if fmt == "docx":
        from app.core.files.docx import docx_paragraphs

        paragraphs = docx_paragraphs(p, data)
        return _document(p, "\n\n".join(paragraphs), "utf-8", fmt)
    decoded = decode_text(data, str(p))
    text = normalize_newlines(decoded.text)
    if fmt == "html":
        from app.core.files.markup import html_paragraphs

        return _document(p, "\n\n".join(html_paragraphs(text, str(p))), decoded.encoding, fmt)
    if fmt == "md":
        from app.core.files.markup import markdown_paragraphs

        return _document(p, "\n\n".join(markdown_paragraphs(text)), decoded.encoding, fmt)
    return _document(p, text, decoded.encoding, fmt)


def _document(path: Path, text: str, encoding: str, fmt: str) -> Document:
    paragraphs = tuple(split_paragraphs(text))
    if not paragraphs:
        raise InputError(path, "is empty: it holds no text to check")
    return Document(text=text, paragraphs=paragraphs, path=str(path), encoding=encoding, format=fmt)


def ensure_checkable(document: Document) -> Document:
    """The document, or InputError if a paragraph is too long to check in reasonable time.

    Reading a 10 MB line is linear and fine; checking it (names, morphology, numbers)
    takes minutes, so the check refuses it with a message instead (issue 7).
    """
    if not document.paragraphs:
        return document
    check_count(document.path, len(document.paragraphs), SEGMENTS, "paragraphs")
    longest = max(range(len(document.paragraphs)), key=lambda i: len(document.paragraphs[i]))
    size = len(document.paragraphs[longest])
    if size > MAX_PARAGRAPH_CHARS:
        raise InputError(
            document.path,
            f"has a paragraph of {size:,} characters without a line break (paragraph "
            f"{longest + 1}); Verso checks articles: add line breaks between paragraphs "
            "or split the file",
        )
    return document


def ensure_segments_checkable(path: str | None, texts: Sequence[str]) -> None:
    """The guard of `ensure_checkable` for segments that come already split (bilingual
    units, a review's pairs): at most SEGMENTS of them, none over MAX_PARAGRAPH_CHARS."""
    check_count(path, len(texts), SEGMENTS, "segments")
    for number, text in enumerate(texts, 1):
        if len(text) > MAX_PARAGRAPH_CHARS:
            raise InputError(
                path,
                f"has a segment of {len(text):,} characters (segment {number}); Verso "
                "checks articles: split it into sentences or paragraphs",
            )
