"""Writing bilingual files (XLIFF 1.2, XLIFF 2.0, TMX): pairs and each unit's review state.

Kept apart from app.core.files.bilingual, which reads them (and names the formats and
extensions both sides share): the writers map the review's unit states (UNTOUCHED,
EDITED, CONFIRMED) to each format's own vocabulary, name Verso as the tool, and refuse
text XML cannot hold rather than drop it, so what is written reads back the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.core.files.atomic import write_bytes_atomic
from app.core.files.bilingual import format_for_path
from app.core.files.xml_text import first_xml_problem
from app.core.model.document import Pair
from app.core.model.errors import OutputError, VersoError

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
