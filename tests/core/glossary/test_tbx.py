"""TBX: term status -> forbidden, files made by other tools open, hostile XML is refused."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from app.core.glossary.io import GlossaryError, load_glossary, read_glossary
from tests.conftest import shared_path

V2 = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="uk">
 <text><body>
  <termEntry id="e1">
   <note>house style since 2022</note>
   <langSet xml:lang="uk"><tig><term>Київ</term></tig></langSet>
   <langSet xml:lang="en-GB">
    <tig><term>Kiev</term>
     <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
    <ntig><termGrp><term>Kyiv city</term></termGrp>
     <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></ntig>
    <tig><term>Kyiv</term>
     <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>Kijev</term>
     <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig>
   </langSet>
  </termEntry>
  <termEntry id="e2">
   <langSet xml:lang="uk"><tig><term>Одеса</term></tig></langSet>
  </termEntry>
 </body></text>
</martif>
"""


def test_status_maps_to_targets_and_forbidden(tmp_path: Path) -> None:
    path = tmp_path / "g.tbx"
    path.write_text(V2, encoding="utf-8")
    glossary, problems = read_glossary(path)
    assert (glossary.source_lang, glossary.target_lang) == ("uk", "en")
    [kyiv] = glossary.entries
    assert kyiv.source == "Київ"
    assert kyiv.targets == ("Kyiv", "Kyiv city")
    assert kyiv.forbidden == ("Kiev", "Kijev")
    assert kyiv.note == "house style since 2022"
    # the entry without an English term is skipped with a warning, not an error
    assert [(p.line, p.severity) for p in problems] == [(18, "warning")]


@pytest.mark.parametrize(
    "parts",
    [
        ("tbx", "ltac_tbx_basic_dialect", "Example_Astronomy_DCA_VALID.tbx"),
        ("tbx", "ltac_tbx_basic_dialect", "Example_Astronomy_DCT_VALID.tbx"),
        ("tbx", "ltac_tbx_test_files", "min_good.tbx"),
        ("tbx", "ltac_tbx_test_files", "core_structure_good.tbx"),
    ],
)
def test_ltac_files_open_with_status(parts: tuple[str, ...]) -> None:
    glossary = load_glossary(shared_path("formats", *parts))
    assert (glossary.source_lang, glossary.target_lang) == ("en", "es")
    assert len(glossary) > 40
    cluster = glossary.find("open cluster")
    assert cluster is not None and cluster.target == "cúmulo abierto"
    # superseded English synonyms are not made into entries of their own
    if "basic" in parts[1]:
        assert glossary.find("galactic cluster") is None
        assert any(e.forbidden for e in glossary)


def test_omegat_sample_tbx_opens() -> None:
    glossary = load_glossary(shared_path("formats", "tbx", "omegat", "sampleTBXfile.tbx"))
    assert [(e.source, e.target) for e in glossary] == [
        ("alpha smoothing factor", "hu translation")
    ]


def test_poorly_formed_xml_reports_the_line() -> None:
    path = shared_path("formats", "tbx", "ltac_tbx_test_files", "poorly_formed_xml.tbx")
    with pytest.raises(GlossaryError) as info:
        load_glossary(path)
    assert info.value.problems[0].line == 42
    assert "well-formed" in str(info.value)


def test_external_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    xml = f"""<?xml version="1.0"?>
<!DOCTYPE martif [<!ENTITY xxe SYSTEM "file://{secret}">]>
<martif><text><body><termEntry>
 <langSet xml:lang="uk"><tig><term>Київ</term></tig></langSet>
 <langSet xml:lang="en"><tig><term>&xxe;</term></tig></langSet>
</termEntry></body></text></martif>"""
    path = tmp_path / "xxe.tbx"
    path.write_text(xml, encoding="utf-8")
    glossary, problems = read_glossary(path)
    assert all("TOP-SECRET" not in t for e in glossary for t in e.targets)
    assert problems and "entities" in problems[0].message


def test_entity_bomb_is_refused_fast(tmp_path: Path) -> None:
    lol = '<!ENTITY lol0 "lollollollollollollollollollol">'
    lol += "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    xml = f"""<?xml version="1.0"?><!DOCTYPE martif [{lol}]>
<martif><text><body><termEntry>
 <langSet xml:lang="uk"><tig><term>Київ</term></tig></langSet>
 <langSet xml:lang="en"><tig><term>&lol9;</term></tig></langSet>
</termEntry></body></text></martif>"""
    path = tmp_path / "bomb.tbx"
    path.write_text(xml, encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(GlossaryError, match="entities"):
        load_glossary(path)
    assert time.perf_counter() - started < 1.0
