"""Word .docx files: paragraphs and table cells in document order.

A .docx is a zip archive; before python-docx opens it the archive is checked so
that a file that is not a zip, not a Word document or a zip bomb (parts that
would unpack to gigabytes) is refused with a clear message instead of eating
memory. word/document.xml is then streamed with entity resolution and the network off.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from typing import IO, Any

from app.core.model.errors import InputError

# A real article's parts unpack to a few MB; 200 MB total or a part that
# compresses more than 200:1 while over 10 MB is treated as a zip bomb.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200
_RATIO_FLOOR = 10 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
_MAIN = "word/document.xml"


def check_zip(path: Path, data: bytes) -> None:
    """Raise InputError unless `data` is a sane zip holding word/document.xml."""
    if not data.startswith(b"PK"):
        raise InputError(path, "is not a Word .docx file (not a zip archive); open it in Word "
                         "and save it as .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = [info.filename for info in infos]
            head = archive.open(_MAIN).read(4096) if _MAIN in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, KeyError,
            zlib.error):  # fmt: skip
        # NotImplementedError: an unknown zip version in a damaged header (found by fuzzing)
        raise InputError(path, "is a damaged .docx (the zip archive cannot be read); "
                         "open it in Word and save it again") from None
    if len(infos) > MAX_ZIP_ENTRIES:
        raise InputError(path, f"holds more than {MAX_ZIP_ENTRIES} parts; it is not a normal "
                         "Word document")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > MAX_UNPACKED_BYTES or (info.file_size > _RATIO_FLOOR and ratio > MAX_RATIO):
            raise InputError(path, "would unpack to an enormous size (a zip bomb?); "
                             "it was not opened")
    if _MAIN not in names:
        raise InputError(path, "is a zip archive but not a Word document "
                         "(no word/document.xml)")
    if len(set(names)) != len(names):  # readers disagree on which copy counts: refuse
        twice = next(n for n in names if names.count(n) > 1)
        raise InputError(path, f"holds two parts named {twice} (a tampered file); open it "
                         "in Word and save it again")  # fmt: skip
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:  # Word never writes a DTD
        raise InputError(path, "declares XML entities (a DTD), which Word never writes: the "
                         "text after each entity would be lost; open it in Word and save "
                         "it again")  # fmt: skip


def docx_paragraphs(path: Path, data: bytes) -> list[str]:
    """Non-empty paragraph texts of the body, table cells included, in order.

    word/document.xml is streamed (lxml iterparse, entities unresolved, no network)
    and each outermost paragraph is dropped once read, so a 235k-paragraph document
    is read in seconds with bounded memory; python-docx's object tree took minutes.
    The texts are those of python-docx's `body.iter(w:p)`: a paragraph nested in a
    text box counts in its outer paragraph's text and again on its own.
    """
    check_zip(path, data)
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(_MAIN) as part:
            return _stream_paragraphs(path, part)
    except InputError:
        raise
    except (KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError,
            EOFError, zlib.error) as exc:  # fmt: skip
        raise InputError(path, f"is a damaged .docx ({exc.__class__.__name__}); "
                         "open it in Word and save it again") from None
    except Exception as exc:  # any other parser failure is one line too
        raise InputError(path, f"cannot be read as a Word document ({exc}); "
                         "open it in Word and save it again") from None


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _T, _TAB, _BR, _CR, _BODY = (f"{_W}{name}" for name in ("p", "t", "tab", "br", "cr", "body"))


def _stream_paragraphs(path: Path, part: IO[bytes]) -> list[str]:
    from lxml import etree

    paragraphs: list[str] = []
    events = etree.iterparse(part, events=("end",), tag=_P, resolve_entities=False,
                             no_network=True, load_dtd=False, remove_blank_text=True)
    for _, element in events:
        parent = holder = element.getparent()  # the nearest paragraph or body around it
        while holder is not None and holder.tag != _P and holder.tag != _BODY:
            holder = holder.getparent()
        if holder is None or holder.tag != _BODY:
            continue  # nested: read with its outer paragraph; outside the body: not text
        # One walk gives the outer paragraph's text (nested paragraphs' text included)
        # and says whether there are nested paragraphs or entities at all.
        pieces: list[str] = []
        nested = False
        for node in element.iter():  # (a tag filter here costs more than it saves)
            tag = node.tag
            if tag == _T:
                pieces.append(node.text or "")
            elif tag == _TAB:
                pieces.append("\t")
            elif tag in (_BR, _CR):
                pieces.append("\n")
            elif tag == _P:
                nested = nested or node is not element
            elif tag is etree.Entity:
                raise InputError(path, "holds XML entity references, which Word never "
                                 "writes: open it in Word and save it again")  # fmt: skip
        _add_lines(pieces[0] if len(pieces) == 1 else "".join(pieces), paragraphs)
        if nested:
            for paragraph in element.iterdescendants(_P):
                _add_lines(_text_of(paragraph), paragraphs)
        element.clear()
        while element.getprevious() is not None:
            del parent[0]
    return paragraphs


def _text_of(paragraph: Any) -> str:
    return "".join(
        node.text or "" if node.tag == _T else ("\t" if node.tag == _TAB else "\n")
        for node in paragraph.iter(_T, _TAB, _BR, _CR)
    )


def _add_lines(text: str, paragraphs: list[str]) -> None:
    """Each line of a paragraph's text, spaces collapsed, if not blank."""
    for line in text.split("\n") if "\n" in text else (text,):
        line = " ".join(line.split())
        if line:
            paragraphs.append(line)
