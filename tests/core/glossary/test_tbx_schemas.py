"""TBX exports validate against the TBX core structure (RELAX NG) and the TBX-Basic dialect
constraints (Schematron), both read in place from ../shared/data/formats/schemas.

The dialect's Schematron declares queryBinding="xslt2"; lxml runs ISO Schematron with XSLT 1,
so the three XPath 2 idioms it uses are translated by hand when it is loaded (same rules):
`matches(@target,'https?://.+')` becomes two starts-with tests, `./local-name()` becomes
`local-name()` and the query binding becomes xslt.
"""

from __future__ import annotations

from lxml import etree, isoschematron

from app.core.glossary import tbx
from app.core.glossary.model import GlossaryEntry
from tests.conftest import SEEDS, shared_path

ENTRIES = [
    GlossaryEntry("Київ", ("Kyiv",), ("Kiev",), "Capital of Ukraine"),
    GlossaryEntry("Марко Рубіо", ("Marco Rubio",), ("Mark Rubio", "Marko Rubio")),
    GlossaryEntry("Харківська область", ("Kharkiv Oblast", "Kharkiv region"), ()),
    GlossaryEntry("ЗСУ", ("Armed Forces of Ukraine", "AFU"), (), "army & <b>tags</b>"),
]


def rng() -> etree.RelaxNG:
    return etree.RelaxNG(
        etree.parse(str(shared_path("formats", "schemas", "TBXcoreStructV03.rng")))
    )


def xslt1_schematron_text() -> bytes:
    text = shared_path("formats", "schemas", "TBX-Basic_DCA.sch").read_bytes()
    swaps = [
        (b'queryBinding="xslt2"', b'queryBinding="xslt"'),
        (b"matches(@target,'https?://.+')",
         b"(starts-with(@target,'http://') or starts-with(@target,'https://'))"),
        (b"./local-name()", b"local-name()"),
    ]  # fmt: skip
    for old, new in swaps:
        assert old in text, f"the Schematron changed: {old!r} is gone"
        text = text.replace(old, new)
    return text


def schematron() -> isoschematron.Schematron:
    doc = etree.fromstring(xslt1_schematron_text(), etree.XMLParser(resolve_entities=False))
    return isoschematron.Schematron(doc, store_report=True)


def failures(checker: isoschematron.Schematron) -> list[str]:
    report = checker.validation_report
    ns = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
    return [
        f"{f.get('location')}: {' '.join(f.itertext()).strip()}"
        for f in report.xpath("//svrl:failed-assert", namespaces=ns)
    ]


def test_the_hand_translated_rules_still_catch_what_they_should() -> None:
    checker = schematron()
    bad = tbx.dump(ENTRIES[:1], "uk", "en").replace(b"preferredTerm-admn-sts", b"preferred", 1)
    assert not checker.validate(etree.fromstring(bad))
    assert any("administrativeStatus" in f for f in failures(checker))
    dct = tbx.dump(ENTRIES[:1], "uk", "en").replace(b'style="dca"', b'style="dct"')
    assert not checker.validate(etree.fromstring(dct))


def test_an_exported_glossary_is_valid_tbx_basic() -> None:
    doc = etree.fromstring(tbx.dump(ENTRIES, "uk", "en"))
    core = rng()
    assert core.validate(doc), core.error_log
    checker = schematron()
    assert checker.validate(doc), failures(checker)


def test_the_starter_glossary_exports_as_valid_tbx_basic() -> None:
    from app.core.glossary.tsv import parse

    entries = parse((SEEDS / "glossary.tsv").read_text("utf-8")).entries
    assert len(entries) > 50
    doc = etree.fromstring(tbx.dump(entries, "uk", "en"))
    core = rng()
    assert core.validate(doc), core.error_log
    checker = schematron()
    assert checker.validate(doc), failures(checker)[:5]
