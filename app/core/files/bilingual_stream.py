"""XLIFF 1.2, XLIFF 2.0 and TMX read as a stream: each unit dropped once it is read.

translate-toolkit builds the whole tree and a Python object per unit (100k units: 12 s,
494 MB). Here lxml's iterparse (entities unresolved, no network, no DTD loaded) hands
over one unit element at a time; its text is taken exactly as translate-toolkit takes
it (the XPath string value, space-normalised where xml:space says "default", notes
deduplicated, TMX languages matched the same way), then the element is cleared and
removed, so memory holds the file's bytes, the pairs and one unit. Only open ancestors
stay in the tree: their xml:space still counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from io import BytesIO
from typing import Any

from lxml import etree

from app.core.files.bilingual_tt import node_for, short_lang
from app.core.model.document import Pair

_XML = "{http://www.w3.org/XML/1998/namespace}"
_SPACE = f"{_XML}space"
_LANG = f"{_XML}lang"
_XPATH_SPACE = re.compile(r"[ \t\r\n]+")  # normalize-space(): XML's four blanks only
_XLIFF_PREFIX = "urn:oasis:names:tc:xliff:document:"
_XLIFF2_DEFAULT = "urn:oasis:names:tc:xliff:document:2.0"


class Unreadable(Exception):
    """The file is not what its root says (translate-toolkit's own refusals, same text)."""


class NeedsToolkit(Exception):
    """XLIFF that translate-toolkit reads as its PO flavour: read it with the toolkit."""


def _q(ns: str | None, name: str) -> str:
    return f"{{{ns}}}{name}" if ns else name


def _space(node: Any, default: str) -> str:
    """The nearest xml:space on the node or its open ancestors."""
    while node is not None:
        value = node.get(_SPACE)
        if value is not None:
            return str(value)
        node = node.getparent()
    return default


def _text(node: Any, default: str) -> str:
    """XPath string() of the node (text of descendants, no comments), or normalize-space()
    where xml:space is "default", as translate-toolkit reads it."""
    text = (node.text or "") if len(node) == 0 else "".join(node.itertext())
    if _space(node, default) == "default":
        return _XPATH_SPACE.sub(" ", text).strip(" \t\r\n")
    return text


def _first(node: Any, tag: str) -> Any:
    """The first child with this tag, or None."""
    for child in node:
        if child.tag == tag:
            return child
    return None


class _Format:
    """One format's rules: which element is a record, what a record yields."""

    record = ""
    # The elements the parser reports (any namespace; the rules compare full tags).
    tags: tuple[str, ...] = ()

    def begin(self, root: Any) -> None:
        raise NotImplementedError

    def start(self, element: Any, root: Any) -> None:
        """An element outside any record opens (its attributes are already there)."""

    def end(self, element: Any, pairs: list[Pair]) -> None:
        """An element outside any record is complete (it is dropped next)."""

    def inner(self, element: Any, outer: Any) -> None:
        """A reported element opens inside the record `outer` (notes, nested records)."""
        if element.tag == self.record:
            self.nested = True

    nested = False  # the current record holds records: take them all, in document order
    noted = False  # the current record holds notes

    def units(self, record: Any) -> Iterator[Any]:
        """The record's units in document order (the record alone, nearly always)."""
        return record.iter(self.record) if self.nested else iter((record,))

    def take(self, record: Any, pairs: list[Pair]) -> None:
        raise NotImplementedError

    def languages(self) -> tuple[str, str]:
        raise NotImplementedError


def _add(pairs: list[Pair], source: str, target: str, notes: tuple[str, ...]) -> None:
    index = len(pairs)
    pairs.append(Pair(index, source, target, paragraph=index, notes=notes))


def _unique_notes(texts: list[str]) -> tuple[str, ...]:
    unique: list[str] = []
    for text in texts:
        if text.strip() and text.strip() not in unique:
            unique.append(text.strip())
    return tuple(unique)


class _Xliff12(_Format):
    tags = ("{*}xliff", "{*}file", "{*}header", "{*}body", "{*}group", "{*}trans-unit",
            "{*}note")

    def __init__(self) -> None:
        self.ns = ""
        self.file_seen = False
        self.src = ""
        self.tgt = ""
        self.first_unit = True

    def begin(self, root: Any) -> None:
        version = root.get("version", "")
        default = root.nsmap.get(None, "") or ""
        if version.startswith("2."):
            raise Unreadable(f"This file appears to be XLIFF 2.x (version='{version}'). "
                             "Please use the XLIFF 2.0 parser (xliff2.Xliff2File) instead.")
        if not version and default and ":2." in default:
            raise Unreadable("This file appears to be XLIFF 2.x (namespace contains ':2.'). "
                             "Please use the XLIFF 2.0 parser (xliff2.Xliff2File) instead.")
        found = [ns for ns in root.nsmap.values() if ns and ns.startswith(_XLIFF_PREFIX)]
        self.ns = found[0] if found else default
        if root.tag != _q(self.ns, "xliff"):
            raise Unreadable("")
        self.record = _q(self.ns, "trans-unit")
        self.source_tag, self.target_tag = _q(self.ns, "source"), _q(self.ns, "target")
        self.note_tag = _q(self.ns, "note")

    def start(self, element: Any, root: Any) -> None:
        if not self.file_seen and element.tag == _q(self.ns, "file") and (
            element.getparent() is root
        ):
            self.file_seen = True
            self.src = element.get("source-language") or ""
            self.tgt = element.get("target-language") or ""
            if element.get("datatype") == "po" and element.get("original") != "NoName":
                raise NeedsToolkit

    def take(self, record: Any, pairs: list[Pair]) -> None:
        if not self.file_seen:
            raise Unreadable("")  # translate-toolkit: no <file> before the units
        for unit in self.units(record):
            if self.first_unit:
                self.first_unit = False
                if "gettext-domain-header" in (unit.get("restype") or ""):
                    raise NeedsToolkit
            value = unit.get("translate")
            if value and value.lower() == "no":
                continue
            default = unit.get(_SPACE) or "default"
            source_node = _first(unit, self.source_tag)
            target_node = (
                _first(unit, self.target_tag) if source_node is not None else None
            )
            source = _text(source_node, default) if source_node is not None else ""
            if not source.strip():
                continue
            target = _text(target_node, default) if target_node is not None else ""
            notes = (
                [_text(n, default) for n in unit.iterdescendants(self.note_tag)]
                if self.noted else []
            )  # fmt: skip
            seen: dict[str, str] = {}
            listed = [seen.setdefault(n, n) for n in notes if n not in seen]
            _add(pairs, source, target, _unique_notes("\n".join(listed).split("\n")))

    def inner(self, element: Any, outer: Any) -> None:
        super().inner(element, outer)
        self.noted = self.noted or element.tag == self.note_tag

    def languages(self) -> tuple[str, str]:
        if not self.file_seen:
            raise Unreadable("")
        return self.src, self.tgt


class _Xliff2(_Format):
    tags = ("{*}xliff", "{*}file", "{*}group", "{*}unit", "{*}segment", "{*}notes")
    deep = False  # a segment of the current record is not its direct child

    def __init__(self) -> None:
        self.src = ""
        self.tgt = ""

    def begin(self, root: Any) -> None:
        version = root.get("version", "")
        self.ns = root.nsmap.get(None, _XLIFF2_DEFAULT) or ""
        if version and not version.startswith("2."):
            raise Unreadable(f"This file appears to be XLIFF 1.x (version='{version}'). "
                             "Please use the XLIFF 1.x parser (xliff.xlifffile) instead.")
        if not version and self.ns and ":1." in self.ns:
            raise Unreadable("This file appears to be XLIFF 1.x (namespace contains ':1.'). "
                             "Please use the XLIFF 1.x parser (xliff.xlifffile) instead.")
        if root.tag != _q(self.ns, "xliff"):
            raise Unreadable("")
        self.src = root.get("srcLang", "en") or ""
        self.tgt = root.get("trgLang") or ""
        self.record = _q(self.ns, "unit")
        self.segment = _q(self.ns, "segment")
        self.source_tag, self.target_tag = _q(self.ns, "source"), _q(self.ns, "target")
        self.notes_tag, self.note_tag = _q(self.ns, "notes"), _q(self.ns, "note")

    def inner(self, element: Any, outer: Any) -> None:
        super().inner(element, outer)
        if element.tag == self.segment and element.getparent() is not outer:
            self.deep = True
        elif element.tag != self.segment:
            self.noted = True  # <notes>, in any namespace

    def end(self, element: Any, pairs: list[Pair]) -> None:
        if element.tag == self.segment:  # a segment outside any <unit>
            self.noted = True  # its parent's notes were not watched
            self._segment(element, pairs)
            self.noted = False

    def take(self, record: Any, pairs: list[Pair]) -> None:
        if self.deep or self.nested:
            segments: Iterator[Any] = record.iter(self.segment)
        else:
            segments = (child for child in record if child.tag == self.segment)
        for segment in segments:
            self._segment(segment, pairs)
        self.deep = False

    def _segment(self, segment: Any, pairs: list[Pair]) -> None:
        unit = segment.getparent()
        value = unit.get("translate")
        if value and value.lower() == "no":
            return
        default = segment.get(_SPACE) or "default"
        source_node = _first(segment, self.source_tag)
        target_node = _first(segment, self.target_tag) if source_node is not None else None
        source = _text(source_node, default) if source_node is not None else ""
        if not source.strip():
            return
        target = _text(target_node, default) if target_node is not None else ""
        _add(pairs, source, target, self._notes(unit, segment) if self.noted else ())

    def _notes(self, unit: Any, segment: Any) -> tuple[str, ...]:
        texts: list[str] = []
        own = unit.nsmap.get(None, "")
        for container in unit.iterchildren(f"{{{own}}}notes"):
            texts.extend(n.text for n in container.iterchildren(f"{{{own}}}note") if n.text)
        container = segment.find(self.notes_tag)
        if container is not None:
            joined = "\n".join(n.text for n in container.iterchildren(self.note_tag) if n.text)
            texts.extend(t for t in joined.split("\n") if t.strip())
        return _unique_notes(texts)

    def languages(self) -> tuple[str, str]:
        return self.src, self.tgt


class _Tmx(_Format):
    tags = ("{*}tmx", "{*}header", "{*}body", "{*}tu", "{*}note")

    def __init__(self, source_lang: str | None, target_lang: str | None) -> None:
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.header_seen = False
        self.src: str | None = None
        self.seen_targets: list[str] = []

    def begin(self, root: Any) -> None:
        self.ns = root.nsmap.get(None)
        if root.tag != _q(self.ns, "tmx"):
            raise Unreadable("")
        self.record = _q(self.ns, "tu")
        self.src = self.source_lang
        self.tuv, self.seg, self.note = _q(self.ns, "tuv"), _q(self.ns, "seg"), _q(self.ns, "note")

    def inner(self, element: Any, outer: Any) -> None:
        super().inner(element, outer)
        self.noted = self.noted or element.tag == self.note

    def start(self, element: Any, root: Any) -> None:
        if not self.header_seen and element.tag == _q(self.ns, "header") and (
            element.getparent() is root
        ):
            self.header_seen = True
            header = element.get("srclang")
            header_src = header if header not in (None, "*all*") else None
            self.src = self.source_lang or header_src

    def take(self, record: Any, pairs: list[Pair]) -> None:
        for unit in self.units(record):
            self._unit(unit, pairs)

    def _unit(self, unit: Any, pairs: list[Pair]) -> None:
        nodes = [child for child in unit if child.tag == self.tuv]
        if not nodes:
            return
        langs = [n.get(_LANG) or n.get("lang") or "" for n in nodes]
        unit_src = self.src or langs[0]
        self.src = self.src or unit_src
        src_node = node_for(nodes, langs, unit_src)
        if src_node is None:
            return
        tgt = self.target_lang or next(
            (lang for lang in langs if short_lang(lang) != short_lang(unit_src)), None
        )
        if tgt and tgt not in self.seen_targets:
            self.seen_targets.append(tgt)
        tgt_node = node_for(nodes, langs, tgt) if tgt else None
        source = self._seg(src_node)
        if not source.strip():
            return
        target = self._seg(tgt_node) if tgt_node is not None else ""
        if not self.noted:
            _add(pairs, source, target, ())
            return
        raw = "\n".join(_text(n, "preserve") for n in unit.iterdescendants(self.note))
        _add(pairs, source, target, tuple(n for n in raw.split("\n") if n.strip()))

    def _seg(self, node: Any) -> str:
        seg = next(node.iterdescendants(self.seg), None)
        return _text(seg, "preserve") if seg is not None else ""

    def languages(self) -> tuple[str, str]:
        target = self.target_lang or (self.seen_targets[0] if self.seen_targets else "")
        return self.src or "", target


def read_stream(
    data: bytes, fmt: str, source_lang: str | None = None, target_lang: str | None = None
) -> tuple[list[Pair], str, str]:
    """Pairs and the file's (source, target) languages; lxml's XMLSyntaxError, Unreadable
    or NeedsToolkit when the stream cannot give translate-toolkit's reading."""
    rules: _Format = (
        _Tmx(source_lang, target_lang) if fmt == "tmx"
        else _Xliff2() if fmt == "xliff2" else _Xliff12()
    )  # fmt: skip
    pairs: list[Pair] = []
    events = etree.iterparse(
        BytesIO(data), events=("start", "end"), resolve_entities=False, no_network=True,
        load_dtd=False, collect_ids=False, tag=rules.tags,
    )  # fmt: skip
    root: Any = None
    outer: Any = None
    open_records = 0
    for event, element in events:
        if root is None:
            root = element
            rules.begin(root)
            continue
        if element is root:
            continue
        if event == "start":
            if open_records:
                rules.inner(element, outer)
            elif element.tag != rules.record:
                rules.start(element, root)
            if element.tag == rules.record:
                open_records += 1
                outer = outer if open_records > 1 else element
            continue
        if element.tag == rules.record:
            open_records -= 1
            if open_records:
                continue
            rules.take(element, pairs)
            rules.nested = rules.noted = False
        elif open_records:
            continue
        else:
            rules.end(element, pairs)
        _drop(element)
    if root is None:
        raise Unreadable("")
    src, tgt = rules.languages()
    return pairs, src, tgt


def _drop(element: Any) -> None:
    """Clear a finished element and the finished siblings before it."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]
