"""TBX termbases (TBX-Basic v2 `martif` and v3 `tbx`, DCA and DCT styles).

translate-toolkit's TBX store does not expose term status, so this reads the XML
with lxml directly: a parser that never loads a DTD, never touches the network,
never resolves entities and refuses huge trees (no XXE, no entity bombs); a file
that declares entities is refused outright.

Mapping: the source-language terms of a concept are the entry's source (one entry
per non-deprecated source term); target-language terms with administrativeStatus
deprecatedTerm / supersededTerm (or usageStatus deprecated / notRecommended) are
the forbidden renderings, the others are the targets, preferred first. Concept-level
<note> is the note. Who changed the entry and when (the `author` and `updated`
columns) are a TBX-Basic <transacGrp>: transactionType "modification", <date>, and
<transacNote type="responsibility">. The case flag and other extra columns are
<note id="cN-verso-K">NAME: value</note> (TBX-Basic allows no private admin types; the
id tells them from the editor's note). Older exports' <admin type="x-verso-NAME"> are
still read. Export validates against the TBX core RNG and the TBX-Basic Schematron.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from lxml import etree

from app.core.glossary.model import GlossaryEntry
from app.core.glossary.rows import CASE_COLUMN, Parsed, Problem, case_to_text, dedupe, parse_case
from app.core.glossary.rows_write import writable

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
VERSO_ADMIN = "x-verso-"
VERSO_NOTE = "-verso-"  # in a <note id>: the note holds a Verso field "NAME: value"
AUTHOR, UPDATED = "author", "updated"
_XSD_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ENTRY_TAGS = {"termEntry", "conceptEntry"}
_LANG_TAGS = {"langSet", "langSec"}
_TERM_GROUP_TAGS = {"tig", "ntig", "termSec"}
_STATUS_TYPES = {"administrativeStatus", "usageStatus", "normativeAuthorization"}
_BAD_STATUS = ("deprecated", "superseded", "notrecommended", "obsolete")
_PREFERRED_STATUS = ("preferred",)


def _local(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _text(el: etree._Element) -> str:
    """An element's text: stripped; runs of whitespace collapsed only when it spans lines
    or tabs (another tool's pretty-printing), so single-line values come back exactly."""
    text = "".join(el.itertext())
    if "\n" in text or "\r" in text or "\t" in text:
        return " ".join(text.split())
    return text.strip()


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


def _status(group: etree._Element) -> str:
    """The term's status text, lower-cased ('' when it gives none)."""
    for el in group.iter():
        name = _local(el)
        if (name == "termNote" and el.get("type") in _STATUS_TYPES) or name in _STATUS_TYPES:
            return _text(el).casefold()
    return ""


def _terms(lang_section: etree._Element) -> list[tuple[str, str]]:
    """(term, status) of one language section, in document order."""
    out: list[tuple[str, str]] = []
    for group in lang_section.iter():
        if _local(group) not in _TERM_GROUP_TAGS:
            continue
        for term in group.iter():
            if _local(term) == "term":
                text = _text(term)
                if text:
                    out.append((text, _status(group)))
                break
    return out


def _base_lang(code: str | None) -> str:
    return (code or "").split("-")[0].split("_")[0].casefold()


def _pick_langs(
    langs: Sequence[str], source_lang: str | None, target_lang: str | None
) -> tuple[str | None, str | None]:
    src = _base_lang(source_lang) if source_lang else None
    if src is None:
        src = next((c for c in ("uk", "ru") if c in langs), langs[0] if langs else None)
    tgt = _base_lang(target_lang) if target_lang else None
    if tgt is None:
        others = [c for c in langs if c != src]
        tgt = "en" if "en" in others else (others[0] if others else None)
    return src, tgt


def _is_bad(status: str) -> bool:
    return any(word in status.replace(" ", "") for word in _BAD_STATUS)


def parse(
    data: bytes, source_lang: str | None = None, target_lang: str | None = None
) -> Parsed:
    """Entries of a TBX file; source/target languages guessed (uk or ru -> en) when not given."""
    doctype = data.find(b"<!DOCTYPE")
    if doctype >= 0 and data.find(b"<!ENTITY", doctype) >= 0:
        msg = "the file declares XML entities, which Verso never expands; remove the DOCTYPE"
        return Parsed([], [], [Problem(data.count(b"\n", 0, doctype) + 1, msg)])
    try:
        root = etree.fromstring(data, _safe_parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 0
        return Parsed([], [], [Problem(line, f"not well-formed XML: {exc.msg}")])
    tree = root.getroottree()
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        msg = "the file declares XML entities, which Verso never expands; remove the DOCTYPE"
        return Parsed([], [], [Problem(1, msg)])
    concepts = [el for el in root.iter() if _local(el) in _ENTRY_TAGS]
    langs: list[str] = []
    for concept in concepts:
        for sec in concept:
            code = _base_lang(sec.get(XML_LANG))
            if _local(sec) in _LANG_TAGS and code and code not in langs:
                langs.append(code)
    src, tgt = _pick_langs(langs, source_lang, target_lang)
    problems: list[Problem] = []
    if not concepts and _local(root) not in ("tbx", "martif"):
        problems.append(Problem(0, "no termEntry or conceptEntry: is this a TBX file?"))
    found: list[tuple[int, GlossaryEntry]] = []
    for concept in concepts:
        found.extend(_concept_entries(concept, src, tgt, problems))
    return Parsed(dedupe(found, problems), _extra_names(found), problems, src, tgt)


def _extra_names(found: Iterable[tuple[int, GlossaryEntry]]) -> list[str]:
    names: list[str] = []
    for _, entry in found:
        names.extend(n for n, _ in entry.extra if n not in names)
    return names


def _transaction(group: etree._Element) -> list[tuple[str, str]]:
    """(author, updated) extras of a transacGrp: responsibility and date."""
    out: list[tuple[str, str]] = []
    for el in group:
        name, text = _local(el), _text(el)
        if name == "transacNote" and el.get("type") == "responsibility" and text:
            out.append((AUTHOR, text))
        elif name == "date" and text:
            out.append((UPDATED, text))
    return out


def _is_date(text: str) -> bool:
    if not _XSD_DATE.fullmatch(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _concept_entries(
    concept: etree._Element, src: str | None, tgt: str | None, problems: list[Problem]
) -> list[tuple[int, GlossaryEntry]]:
    line = concept.sourceline or 0
    sources: list[tuple[str, str]] = []
    targets: list[tuple[str, str]] = []
    notes: list[str] = []
    case: bool | None = None
    extra: list[tuple[str, str]] = []
    for child in concept:
        name = _local(child)
        if name in _LANG_TAGS:
            code = _base_lang(child.get(XML_LANG))
            if code == src:
                sources.extend(_terms(child))
            elif code == tgt:
                targets.extend(_terms(child))
        elif name == "note" and VERSO_NOTE in (child.get("id") or ""):
            key, _, value = _text(child).partition(": ")
            if key == CASE_COLUMN:
                try:
                    case = parse_case(value)
                except ValueError:
                    problems.append(Problem(child.sourceline or line, "case must be yes or no"))
            elif key and value.strip():
                extra.append((key, value.strip()))
        elif name == "note" and _text(child):
            notes.append(_text(child))
        elif name == "transacGrp":
            extra.extend(_transaction(child))
        elif name == "admin" and (child.get("type") or "").startswith(VERSO_ADMIN):
            key = (child.get("type") or "")[len(VERSO_ADMIN) :]
            if key == CASE_COLUMN:
                try:
                    case = parse_case(_text(child))
                except ValueError:
                    problems.append(Problem(child.sourceline or line, "case must be yes or no"))
            elif key and _text(child):
                extra.append((key, _text(child)))
    ident = concept.get("id") or "?"
    good_sources = [t for t, s in sources if not _is_bad(s)]
    good = [t for t, s in targets if s.startswith(_PREFERRED_STATUS)]
    good += [t for t, s in targets if not _is_bad(s) and not s.startswith(_PREFERRED_STATUS)]
    bad = [t for t, s in targets if _is_bad(s)]
    if not good_sources or not good:
        missing = src if not good_sources else tgt
        problems.append(
            Problem(line, f"entry {ident} has no usable '{missing}' term; skipped", "warning")
        )
        return []
    return [
        (
            line,
            GlossaryEntry(
                source=s,
                targets=tuple(dict.fromkeys(good)),
                forbidden=tuple(dict.fromkeys(b for b in bad if b not in good)),
                note="; ".join(notes),
                case_sensitive=case,
                extra=tuple(extra),
            ),
        )
        for s in dict.fromkeys(good_sources)
    ]


def _term_sec(parent: etree._Element, term: str, status: str) -> None:
    sec = etree.SubElement(parent, f"{{{TBX_NS}}}termSec")
    etree.SubElement(sec, f"{{{TBX_NS}}}term").text = term
    note = etree.SubElement(sec, f"{{{TBX_NS}}}termNote", type="administrativeStatus")
    note.text = f"{status}-admn-sts"


def _concept_fields(concept: etree._Element, entry: GlossaryEntry, number: int) -> None:
    """Note, transaction (author, date) and Verso's other fields of one concept."""
    if entry.note:
        etree.SubElement(concept, f"{{{TBX_NS}}}note").text = entry.note
    fields: list[tuple[str, str]] = []
    if entry.case_sensitive is not None:
        fields.append((CASE_COLUMN, case_to_text(entry.case_sensitive)))
    author = updated = ""
    for name, value in entry.extra:
        if name == AUTHOR:
            author = value
        elif name == UPDATED and _is_date(value):
            updated = value
        else:
            fields.append((name, value))
    for k, (name, value) in enumerate(fields, start=1):
        note = etree.SubElement(concept, f"{{{TBX_NS}}}note", id=f"c{number}{VERSO_NOTE}{k}")
        note.text = f"{name}: {value}"
    if author or updated:
        group = etree.SubElement(concept, f"{{{TBX_NS}}}transacGrp")
        etree.SubElement(group, f"{{{TBX_NS}}}transac", type="transactionType").text = (
            "modification"
        )
        if updated:
            etree.SubElement(group, f"{{{TBX_NS}}}date").text = updated
        if author:
            etree.SubElement(
                group, f"{{{TBX_NS}}}transacNote", type="responsibility"
            ).text = author


def dump(
    entries: Sequence[GlossaryEntry], source_lang: str | None, target_lang: str | None
) -> bytes:
    """TBX-Basic v3 (DCA style); languages default to uk -> en."""
    src, tgt = source_lang or "uk", target_lang or "en"
    attrs = {"type": "TBX-Basic", "style": "dca", XML_LANG: src}
    root = etree.Element(f"{{{TBX_NS}}}tbx", attrs, nsmap={None: TBX_NS})
    header = etree.SubElement(root, f"{{{TBX_NS}}}tbxHeader")
    desc = etree.SubElement(etree.SubElement(header, f"{{{TBX_NS}}}fileDesc"),
                            f"{{{TBX_NS}}}sourceDesc")
    etree.SubElement(desc, f"{{{TBX_NS}}}p").text = "Verso glossary"
    body = etree.SubElement(etree.SubElement(root, f"{{{TBX_NS}}}text"), f"{{{TBX_NS}}}body")
    for number, raw in enumerate(entries, start=1):
        entry = writable(raw)
        concept = etree.SubElement(body, f"{{{TBX_NS}}}conceptEntry", id=f"c{number}")
        _concept_fields(concept, entry, number)
        src_sec = etree.SubElement(concept, f"{{{TBX_NS}}}langSec", {XML_LANG: src})
        _term_sec(src_sec, entry.source, "preferredTerm")
        tgt_sec = etree.SubElement(concept, f"{{{TBX_NS}}}langSec", {XML_LANG: tgt})
        for i, target in enumerate(entry.targets):
            _term_sec(tgt_sec, target, "preferredTerm" if i == 0 else "admittedTerm")
        for bad in entry.forbidden:
            _term_sec(tgt_sec, bad, "deprecatedTerm")
    data: bytes = etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
    return data
