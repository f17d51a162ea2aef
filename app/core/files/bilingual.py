"""Reading bilingual files (XLIFF 1.2, XLIFF 2.x, TMX), and the formats and extensions.

A bilingual file opens as a review directly: each unit becomes a Pair (source,
MT target, notes). SDLXLIFF (Trados) and MQXLIFF (memoQ) are XLIFF 1.2 and read
the same way. Untrusted XML is screened first: any DTD entity declaration or
external reference is refused (translate-toolkit's own parser already keeps
entities unresolved and the network off; the screen also stops entity bombs).
Writing them (with each unit's review state) is app.core.files.bilingual_write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.core.files.bilingual_tt import read_tmx_tt, read_xliff_tt, short_lang
from app.core.files.encodings import xml_as_utf8
from app.core.files.limits import BILINGUAL_BYTES, SEGMENTS, check_count, count_units, read_regular
from app.core.model.document import Pair
from app.core.model.errors import InputError, VersoError

FORMATS = ("xliff12", "xliff2", "tmx")
_EXTENSIONS = {
    ".xlf": "xliff12",
    ".xliff": "xliff12",
    ".sdlxliff": "xliff12",
    ".mqxliff": "xliff12",
    ".xlf2": "xliff2",
    ".tmx": "tmx",
}
BILINGUAL_EXTENSIONS = frozenset(_EXTENSIONS)
_XLIFF2_NS = "urn:oasis:names:tc:xliff:document:2"


@dataclass(frozen=True)
class BilingualDoc:
    pairs: list[Pair]
    source_lang: str
    target_lang: str
    format: str
    path: str | None = None


def is_bilingual_path(path: str | Path) -> bool:
    return Path(path).suffix.lower() in BILINGUAL_EXTENSIONS


def sniff_format(data: bytes) -> str | None:
    """xliff12, xliff2 or tmx from the root element; None if neither."""
    head = _decode_head(data)
    root = re.search(r"<(?!\?|!)([\w:.-]+)([^>]*)>", head)
    if root is None:
        return None
    tag = root.group(1).split(":")[-1].lower()
    attrs = root.group(2)
    if tag == "tmx":
        return "tmx"
    if tag != "xliff":
        return None
    version = re.search(r"""(?<![\w:.-])version\s*=\s*["']([^"']+)""", attrs)
    if _XLIFF2_NS in attrs or (version and version.group(1).startswith("2")):
        return "xliff2"
    return "xliff12"


def _decode_head(data: bytes) -> str:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore")
    return head.decode("utf-8", errors="ignore")


class _PrologRead(Exception):
    """Raised at the root's start tag: a DTD can only come before it."""


class _StopAtRoot:
    """ElementTree parser target that stops at the first start tag."""

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        raise _PrologRead

    def close(self) -> None:
        return None


def _screen(path: str | Path | None, data: bytes) -> None:
    """Refuse entity declarations and external references before the real parse.

    They can only be declared in the DTD, which comes before the root element, so only
    the prolog is screened (defusedxml fed until the root's start tag): a 60 MB file
    is not parsed twice. The streamed parse resolves no entity and loads no DTD."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    parser = DefusedXMLParser(
        target=_StopAtRoot(), forbid_dtd=False, forbid_entities=True, forbid_external=True
    )
    try:
        for start in range(0, len(data), 1 << 16):
            parser.feed(data[start : start + (1 << 16)])
        parser.close()
    except _PrologRead:
        return
    except DefusedXmlException:
        raise InputError(
            path,
            "declares XML entities or external references, which Verso refuses for "
            "safety; export the file again from your CAT tool without a DTD",
        ) from None
    except ParseError as exc:
        raise InputError(path, f"is not well-formed XML ({exc})") from None


def read_bilingual(
    path: str | Path,
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> BilingualDoc:
    """Open an XLIFF or TMX file as pairs of (source, MT target, notes).

    Languages come from the file unless given; a TMX with several languages
    uses its header's source language and the first other language (or
    `target_lang`).
    """
    p = Path(path)
    data = read_regular(
        p, BILINGUAL_BYTES, "a bilingual file", missing="cannot be read (no such file)"
    )
    return parse_bilingual(data, p, source_lang, target_lang)


def parse_bilingual(
    data: bytes,
    path: str | Path | None = None,
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> BilingualDoc:
    data = xml_as_utf8(data, None if path is None else str(path))  # shift_jis, UTF-16 w/o BOM
    check_count(path, count_units(data), SEGMENTS, "translation units")  # before parsing
    fmt = sniff_format(data)
    if fmt is None:
        raise InputError(path, "is not an XLIFF or TMX file (no <xliff> or <tmx> root element)")
    _screen(path, data)
    from lxml.etree import XMLSyntaxError  # lxml only when a bilingual file is read

    try:
        pairs, src, tgt = _read_pairs(data, fmt, source_lang, target_lang)
    except VersoError:
        raise
    except XMLSyntaxError as exc:
        raise InputError(path, f"is not well-formed XML ({exc})") from None
    except Exception as exc:  # translate-toolkit raises many kinds of errors
        raise InputError(path, f"cannot be read as {_label(fmt)} ({exc})") from None
    if not pairs:
        raise InputError(path, f"holds no translation units ({_label(fmt)})")
    src = source_lang or src
    tgt = target_lang or tgt
    return BilingualDoc(
        pairs=pairs,
        source_lang=short_lang(src),
        target_lang=short_lang(tgt),
        format=fmt,
        path=None if path is None else str(path),
    )


def _read_pairs(
    data: bytes, fmt: str, source_lang: str | None, target_lang: str | None
) -> tuple[list[Pair], str, str]:
    """Streamed (bilingual_stream); translate-toolkit's whole tree only for the XLIFF it
    reads as its PO flavour, which the stream does not model."""
    from app.core.files.bilingual_stream import NeedsToolkit, read_stream

    try:
        return read_stream(data, fmt, source_lang, target_lang)
    except NeedsToolkit:
        if fmt == "tmx":
            return read_tmx_tt(data, source_lang, target_lang)
        return read_xliff_tt(data, fmt)


def _label(fmt: str) -> str:
    return {"xliff12": "XLIFF 1.2", "xliff2": "XLIFF 2", "tmx": "TMX"}[fmt]


def format_for_path(path: str | Path, fmt: str | None = None) -> str:
    """The format to write: `fmt` when given, else the one the extension names."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise InputError(path, f"unknown bilingual format {fmt!r}; use one of {FORMATS}")
        return fmt
    found = _EXTENSIONS.get(Path(path).suffix.lower())
    if found is None:
        raise InputError(path, "name it .xlf (XLIFF 1.2), .xlf2 (XLIFF 2.0) or .tmx")
    return found
