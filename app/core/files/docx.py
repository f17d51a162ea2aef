"""Word .docx files: paragraphs and table cells in document order.

A .docx is a zip archive; before python-docx opens it the archive is checked so
that a file that is not a zip, not a Word document or a zip bomb (parts that
would unpack to gigabytes) is refused with a clear message instead of eating
memory. python-docx parses its XML with entity resolution off.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from app.core.model.errors import InputError

# A real article's parts unpack to a few MB; 200 MB total or a part that
# compresses more than 200:1 while over 10 MB is treated as a zip bomb.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200
_RATIO_FLOOR = 10 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000


def check_zip(path: Path, data: bytes) -> None:
    """Raise InputError unless `data` is a sane zip holding word/document.xml."""
    if not data.startswith(b"PK"):
        raise InputError(path, "is not a Word .docx file (not a zip archive); open it in Word "
                         "and save it as .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
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
    if not any(info.filename == "word/document.xml" for info in infos):
        raise InputError(path, "is a zip archive but not a Word document "
                         "(no word/document.xml)")


def docx_paragraphs(path: Path, data: bytes) -> list[str]:
    """Non-empty paragraph texts of the body, table cells included, in order."""
    check_zip(path, data)
    import docx
    from lxml import etree

    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        paragraphs: list[str] = []
        for element in body.iter(_qn("w:p")):
            text = "".join(
                node.text or "" if node.tag == _qn("w:t") else ("\t" if node.tag == _qn("w:tab")
                                                               else "\n")
                for node in element.iter(_qn("w:t"), _qn("w:tab"), _qn("w:br"), _qn("w:cr"))
            )
            for line in text.split("\n"):
                line = " ".join(line.split())
                if line:
                    paragraphs.append(line)
    except InputError:
        raise
    except (KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError) as exc:
        raise InputError(path, f"is a damaged .docx ({exc.__class__.__name__}); "
                         "open it in Word and save it again") from None
    except Exception as exc:  # python-docx raises its own package errors
        raise InputError(path, f"cannot be read as a Word document ({exc}); "
                         "open it in Word and save it again") from None
    return paragraphs


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))
