"""Bilingual files Verso writes validate against the official schemas in ../shared
(XLIFF 1.2 strict, XLIFF 2.0 core), and read back the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from app.core.files.bilingual import read_bilingual
from app.core.files.bilingual_write import write_bilingual
from app.core.model.document import Pair
from tests.conftest import shared_path

PAIRS = [
    Pair(0, "Марко Рубіо прибув до Києва.", "Mark Rubio  arrived in Kiev.", 0, ("MT: engine X",)),
    Pair(1, "Переговори <b>тривали</b> & далі.", "The talks went on & on.", 1),
]


@pytest.mark.parametrize(
    ("name", "schema"), [("a.xlf", "xliff-core-1.2-strict.xsd"), ("a.xlf2", "xliff_core_2.0.xsd")]
)
def test_written_xliff_is_valid_and_reads_back(tmp_path: Path, name: str, schema: str) -> None:
    xsd = etree.XMLSchema(etree.parse(str(shared_path("formats", "schemas", schema))))
    out = tmp_path / name
    write_bilingual(out, PAIRS, "uk", "en")
    assert xsd.validate(etree.parse(str(out))), xsd.error_log
    back = read_bilingual(out)
    assert [(p.source, p.target) for p in back.pairs] == [(p.source, p.target) for p in PAIRS]
