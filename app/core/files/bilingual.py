"""Bilingual files (XLIFF 1.2, XLIFF 2.x, TMX) in and out through translate-toolkit.

A bilingual file opens as a review directly: each unit becomes a Pair (source,
MT target, notes). SDLXLIFF (Trados) and MQXLIFF (memoQ) are XLIFF 1.2 and read
the same way. Untrusted XML is screened first: any DTD entity declaration or
external reference is refused (translate-toolkit's own parser already keeps
entities unresolved and the network off; the screen also stops entity bombs).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.files.atomic import write_bytes_atomic
from app.core.files.bilingual_tt import read_tmx_tt, read_xliff_tt, short_lang
from app.core.files.encodings import xml_as_utf8
from app.core.files.limits import BILINGUAL_BYTES, SEGMENTS, check_count, count_units, read_regular
from app.core.files.xml_text import first_xml_problem
from app.core.model.document import Pair
from app.core.model.errors import InputError, OutputError, VersoError

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


# --- writers ---------------------------------------------------------------------------------


def format_for_path(path: str | Path, fmt: str | None = None) -> str:
    if fmt is not None:
        if fmt not in FORMATS:
            raise InputError(path, f"unknown bilingual format {fmt!r}; use one of {FORMATS}")
        return fmt
    found = _EXTENSIONS.get(Path(path).suffix.lower())
    if found is None:
        raise InputError(path, "name it .xlf (XLIFF 1.2), .xlf2 (XLIFF 2.0) or .tmx")
    return found


# What the review says of each unit; the writers map it to each format's own vocabulary.
UNTOUCHED = "untouched"  # the machine translation as it came: a CAT tool must review it
EDITED = "edited"  # the editor changed the target
CONFIRMED = "confirmed"  # the editor confirmed the target as final
UNIT_STATES = (UNTOUCHED, EDITED, CONFIRMED)

TOOL_ID = "verso"
TOOL_NAME = "Verso"

# XLIFF 1.2: (state, state-qualifier, approved). Untouched MT is marked for review, never
# approved, so no CAT tool takes raw MT with open errors for finished work.
_XLIFF12_STATES: dict[str, tuple[str, str | None, bool]] = {
    UNTOUCHED: ("needs-review-translation", "mt-suggestion", False),
    EDITED: ("translated", None, False),
    CONFIRMED: ("signed-off", None, True),
}
# XLIFF 2.0 segment states (spec 4.3.1.28): initial < translated < reviewed < final.
_XLIFF2_STATES = {UNTOUCHED: "initial", EDITED: "translated", CONFIRMED: "final"}
_XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
_MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"


def tool_version() -> str:
    import app

    return app.__version__


def _states_for(pairs: Sequence[Pair], states: Sequence[str] | None) -> list[str]:
    if states is None:
        return [UNTOUCHED] * len(pairs)
    if len(states) != len(pairs):
        raise ValueError(f"{len(states)} unit states for {len(pairs)} pairs")
    unknown = set(states) - set(UNIT_STATES)
    if unknown:
        raise ValueError(f"unknown unit states {sorted(unknown)}; use {UNIT_STATES}")
    return list(states)


def to_bytes(
    pairs: Sequence[Pair],
    source_lang: str,
    target_lang: str,
    fmt: str,
    original: str = "verso",
    states: Sequence[str] | None = None,
) -> bytes:
    """Serialise pairs (their current targets) as XLIFF 1.2, XLIFF 2.0 or TMX.

    `states` gives each unit's review state (UNTOUCHED, EDITED, CONFIRMED; default: all
    untouched, i.e. machine translation awaiting review).
    """
    chosen = _states_for(pairs, states)
    for pair in pairs:
        found = first_xml_problem((pair.source, pair.target))
        if found is not None:
            side = ("source", "translation")[found[0]]
            raise UnwritableText(
                f"the {side} of segment {pair.index + 1} holds {found[1]}, which "
                f"{_FORMAT_NAMES.get(fmt, fmt)} cannot hold; delete it and export again"
            )
    if fmt == "xliff12":
        return _xliff12_bytes(pairs, source_lang, target_lang, original, chosen)
    if fmt == "xliff2":
        return _xliff2_bytes(pairs, source_lang, target_lang, original, chosen)
    if fmt == "tmx":
        return _tmx_bytes(pairs, source_lang, target_lang, chosen)
    raise ValueError(f"unknown bilingual format {fmt!r}")


class UnwritableText(VersoError):
    """Text XML cannot hold (a control character, half a surrogate pair): refused, never
    dropped, so what is written reads back the same."""


_FORMAT_NAMES = {"xliff12": "XLIFF 1.2", "xliff2": "XLIFF 2.0", "tmx": "TMX"}


def write_bilingual(
    path: str | Path,
    pairs: Sequence[Pair],
    source_lang: str,
    target_lang: str,
    fmt: str | None = None,
    states: Sequence[str] | None = None,
) -> str:
    """Write pairs atomically; the format comes from `fmt` or the extension. Returns it.

    Text XML cannot hold (control characters, half a surrogate pair) is refused with the
    segment named: written and read back, every unit is what the review holds."""
    chosen = format_for_path(path, fmt)
    try:
        data = to_bytes(pairs, source_lang, target_lang, chosen, Path(path).stem, states)
    except UnwritableText as exc:
        raise OutputError(path, f"{exc} (nothing was written)") from None
    write_bytes_atomic(path, data)
    return chosen


def _xliff12_bytes(
    pairs: Sequence[Pair], src: str, tgt: str, original: str, states: Sequence[str]
) -> bytes:
    """XLIFF 1.2 built in its own namespace with lxml (translate-toolkit writes 1.1)."""
    from lxml import etree

    ns = f"{{{_XLIFF12_NS}}}"
    root = etree.Element(f"{ns}xliff", nsmap={None: _XLIFF12_NS}, version="1.2")
    file = etree.SubElement(root, f"{ns}file", original=original, datatype="plaintext")
    file.set("source-language", src)
    file.set("target-language", tgt)
    file.set("tool-id", TOOL_ID)
    header = etree.SubElement(file, f"{ns}header")
    tool = etree.SubElement(header, f"{ns}tool")
    tool.set("tool-id", TOOL_ID)
    tool.set("tool-name", TOOL_NAME)
    tool.set("tool-version", tool_version())
    body = etree.SubElement(file, f"{ns}body")
    for pair, state in zip(pairs, states, strict=True):
        unit = etree.SubElement(body, f"{ns}trans-unit", id=str(pair.index + 1))
        unit.set(_XML_SPACE, "preserve")
        value, qualifier, approved = _XLIFF12_STATES[state]
        if state == UNTOUCHED and not pair.target:
            value, qualifier = "needs-translation", None
        unit.set("approved", "yes" if approved else "no")
        etree.SubElement(unit, f"{ns}source").text = pair.source
        target = etree.SubElement(unit, f"{ns}target", state=value)
        target.set(_XML_LANG, tgt)
        if qualifier:
            target.set("state-qualifier", qualifier)
        target.text = pair.target
        for note in pair.notes:
            etree.SubElement(unit, f"{ns}note", {"from": "translator"}).text = note
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _xliff2_bytes(
    pairs: Sequence[Pair], src: str, tgt: str, original: str, states: Sequence[str]
) -> bytes:
    from lxml import etree
    from translate.storage.xliff2 import Xliff2File

    store: Any = Xliff2File()
    store.setsourcelanguage(src)
    store.settargetlanguage(tgt)
    store.body.set("original", original)
    ns = store.namespace
    _xliff2_tool(store.body)
    for pair, state in zip(pairs, states, strict=True):
        unit = store.addsourceunit(pair.source)
        unit.settarget(pair.target)
        element = unit.getunitelement()
        element.set("id", f"u{pair.index + 1}")
        _space_on_source_and_target(element, ns)
        for segment in element.iterchildren(f"{{{ns}}}segment"):
            segment.set("state", _XLIFF2_STATES[state])
        if pair.notes:  # XLIFF 2 wants <notes> in the unit, before its segments
            container = etree.Element(f"{{{ns}}}notes")
            for note in pair.notes:
                etree.SubElement(container, f"{{{ns}}}note").text = note
            element.insert(0, container)
    return bytes(store)


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _xliff2_tool(file: Any) -> None:
    """XLIFF 2.0 core has no tool attribute: the Metadata module names the tool instead."""
    from lxml import etree

    mda = f"{{{_MDA_NS}}}"
    metadata = etree.Element(f"{mda}metadata", nsmap={"mda": _MDA_NS})
    group = etree.SubElement(metadata, f"{mda}metaGroup", category="tool")
    for kind, value in (("tool-id", TOOL_ID), ("tool-name", TOOL_NAME),
                        ("tool-version", tool_version())):  # fmt: skip
        etree.SubElement(group, f"{mda}meta", type=kind).text = value
    file.insert(0, metadata)


def _space_on_source_and_target(unit: Any, ns: str) -> None:
    """translate-toolkit puts xml:space on <segment>, where XLIFF 2.0 does not allow it;
    the schema allows it on <source> and <target>, which is where it means something."""
    for segment in unit.iterchildren(f"{{{ns}}}segment"):
        space = segment.attrib.pop(_XML_SPACE, None)
        if space is not None:
            for child in segment.iterchildren(f"{{{ns}}}source", f"{{{ns}}}target"):
                child.set(_XML_SPACE, space)


def _tmx_bytes(pairs: Sequence[Pair], src: str, tgt: str, states: Sequence[str]) -> bytes:
    """TMX names Verso as its creation tool; each unit's review state is a property."""
    from lxml import etree
    from translate.storage.tmx import tmxfile

    store: Any = tmxfile(sourcelanguage=src, targetlanguage=tgt)
    for pair in pairs:
        store.addtranslation(
            pair.source, src, pair.target, tgt, comment="\n".join(pair.notes) or None
        )
    root = store.document.getroot()
    header = root.find("header")
    header.set("creationtool", TOOL_NAME)
    header.set("creationtoolversion", tool_version())
    for tu, state in zip(root.iter("tu"), states, strict=True):
        prop = etree.Element("prop", type="x-verso-state")  # TMX 1.4: <prop> before <tuv>
        prop.text = state
        notes = list(tu.iterchildren("note"))
        (notes[-1].addnext(prop) if notes else tu.insert(0, prop))
    return bytes(store)
