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


def short_lang(code: str | None) -> str:
    """en-US -> en, uk_UA -> uk: Verso's checks work on the language, not the locale."""
    return re.split(r"[-_]", code or "", maxsplit=1)[0].lower()


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


def _screen(path: str | Path | None, data: bytes) -> None:
    """Refuse entity declarations and external references before the real parse."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
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
    try:
        if fmt == "tmx":
            pairs, src, tgt = _read_tmx(data, source_lang, target_lang)
        else:
            pairs, src, tgt = _read_xliff(data, fmt)
    except VersoError:
        raise
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


def _label(fmt: str) -> str:
    return {"xliff12": "XLIFF 1.2", "xliff2": "XLIFF 2", "tmx": "TMX"}[fmt]


def _notes_of(unit: Any, fmt: str) -> tuple[str, ...]:
    texts: list[str] = []
    if fmt == "xliff2":
        element = unit.getunitelement()
        ns = element.nsmap.get(None, "")
        for container in element.iterchildren(f"{{{ns}}}notes"):
            texts.extend(n.text for n in container.iterchildren(f"{{{ns}}}note") if n.text)
    raw = unit.getnotes() or ""
    texts.extend(t for t in raw.split("\n") if t.strip())
    unique: list[str] = []
    for text in texts:
        if text.strip() and text.strip() not in unique:
            unique.append(text.strip())
    return tuple(unique)


def _read_xliff(data: bytes, fmt: str) -> tuple[list[Pair], str, str]:
    if fmt == "xliff2":
        from translate.storage.xliff2 import Xliff2File

        store: Any = Xliff2File.parsestring(data)  # type: ignore[no-untyped-call]
    else:
        from translate.storage.xliff import xlifffile

        store = xlifffile.parsestring(data)  # type: ignore[no-untyped-call]
    pairs: list[Pair] = []
    for unit in store.units:
        if unit.isheader() or not unit.istranslatable():
            continue
        source = str(unit.source or "")
        if not source.strip():
            continue
        target = str(unit.target or "")
        index = len(pairs)
        pairs.append(Pair(index, source, target, paragraph=index, notes=_notes_of(unit, fmt)))
    return pairs, store.getsourcelanguage() or "", store.gettargetlanguage() or ""


def _read_tmx(
    data: bytes, source_lang: str | None, target_lang: str | None
) -> tuple[list[Pair], str, str]:
    from translate.misc.xml_helpers import getXMLlang
    from translate.storage.tmx import tmxfile

    store: Any = tmxfile.parsestring(data)  # type: ignore[no-untyped-call]
    header_src = store.sourcelanguage if store.sourcelanguage not in (None, "*all*") else None
    src = source_lang or header_src
    pairs: list[Pair] = []
    seen_targets: list[str] = []
    for unit in store.units:
        nodes = unit.getlanguageNodes()
        # TMX 1.1 writes lang=, 1.4 xml:lang=
        langs = [getXMLlang(n) or n.get("lang") or "" for n in nodes]  # type: ignore[no-untyped-call]
        if not nodes:
            continue
        unit_src = src or langs[0]
        src = src or unit_src
        src_node = _node_for(nodes, langs, unit_src)
        if src_node is None:
            continue
        tgt = target_lang or next(
            (lang for lang in langs if short_lang(lang) != short_lang(unit_src)), None
        )
        if tgt and tgt not in seen_targets:
            seen_targets.append(tgt)
        tgt_node = _node_for(nodes, langs, tgt) if tgt else None
        source = unit.getNodeText(src_node) or ""
        if not source.strip():
            continue
        target = (unit.getNodeText(tgt_node) or "") if tgt_node is not None else ""
        index = len(pairs)
        notes = tuple(n for n in (unit.getnotes() or "").split("\n") if n.strip())
        pairs.append(Pair(index, source, target, paragraph=index, notes=notes))
    return pairs, src or "", target_lang or (seen_targets[0] if seen_targets else "")


def _node_for(nodes: Sequence[Any], langs: Sequence[str], lang: str | None) -> Any:
    if not lang:
        return None
    for node, code in zip(nodes, langs, strict=True):
        if code.lower() == lang.lower():
            return node
    for node, code in zip(nodes, langs, strict=True):
        if short_lang(code) == short_lang(lang):
            return node
    return None


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


def to_bytes(
    pairs: Sequence[Pair], source_lang: str, target_lang: str, fmt: str, original: str = "verso"
) -> bytes:
    """Serialise pairs (their current targets) as XLIFF 1.2, XLIFF 2.0 or TMX."""
    if fmt == "xliff12":
        return _xliff12_bytes(pairs, source_lang, target_lang, original)
    if fmt == "xliff2":
        return _xliff2_bytes(pairs, source_lang, target_lang, original)
    if fmt == "tmx":
        return _tmx_bytes(pairs, source_lang, target_lang)
    raise ValueError(f"unknown bilingual format {fmt!r}")


def write_bilingual(
    path: str | Path,
    pairs: Sequence[Pair],
    source_lang: str,
    target_lang: str,
    fmt: str | None = None,
) -> str:
    """Write pairs atomically; the format comes from `fmt` or the extension. Returns it."""
    chosen = format_for_path(path, fmt)
    write_bytes_atomic(path, to_bytes(pairs, source_lang, target_lang, chosen, Path(path).stem))
    return chosen


def _xliff12_bytes(pairs: Sequence[Pair], src: str, tgt: str, original: str) -> bytes:
    from translate.storage.xliff import xlifffile

    store: Any = xlifffile(sourcelanguage=src, targetlanguage=tgt)
    for pair in pairs:
        unit = store.addsourceunit(pair.source, filename=original, createifmissing=True)
        unit.setid(str(pair.index + 1))
        unit.settarget(pair.target, lang=tgt)
        for note in pair.notes:
            unit.addnote(note, origin="translator")
    data = bytes(store)
    # translate-toolkit's skeleton says 1.1; the content is valid XLIFF 1.2.
    return data.replace(
        b'xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1"',
        b'xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"',
        1,
    )


def _xliff2_bytes(pairs: Sequence[Pair], src: str, tgt: str, original: str) -> bytes:
    from lxml import etree
    from translate.storage.xliff2 import Xliff2File

    store: Any = Xliff2File()
    store.setsourcelanguage(src)
    store.settargetlanguage(tgt)
    store.body.set("original", original)
    ns = store.namespace
    for pair in pairs:
        unit = store.addsourceunit(pair.source)
        unit.settarget(pair.target)
        element = unit.getunitelement()
        element.set("id", f"u{pair.index + 1}")
        _space_on_source_and_target(element, ns)
        if pair.notes:  # XLIFF 2 wants <notes> in the unit, before its segments
            container = etree.Element(f"{{{ns}}}notes")
            for note in pair.notes:
                etree.SubElement(container, f"{{{ns}}}note").text = note
            element.insert(0, container)
    return bytes(store)


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _space_on_source_and_target(unit: Any, ns: str) -> None:
    """translate-toolkit puts xml:space on <segment>, where XLIFF 2.0 does not allow it;
    the schema allows it on <source> and <target>, which is where it means something."""
    for segment in unit.iterchildren(f"{{{ns}}}segment"):
        space = segment.attrib.pop(_XML_SPACE, None)
        if space is not None:
            for child in segment.iterchildren(f"{{{ns}}}source", f"{{{ns}}}target"):
                child.set(_XML_SPACE, space)


def _tmx_bytes(pairs: Sequence[Pair], src: str, tgt: str) -> bytes:
    from translate.storage.tmx import tmxfile

    store: Any = tmxfile(sourcelanguage=src, targetlanguage=tgt)
    for pair in pairs:
        store.addtranslation(
            pair.source, src, pair.target, tgt, comment="\n".join(pair.notes) or None
        )
    return bytes(store)
