"""Exported units carry the review's state, in each format's own terms, and name Verso as the tool.

Untouched MT must reach a CAT tool as needing review (never approved), an edited target as
translated, a confirmed one as signed off (1.2) / final (2.0); all of it stays valid against the
official schemas in ../shared/data/formats/schemas.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from app.core.files.bilingual import parse_bilingual
from app.core.files.bilingual_write import CONFIRMED, EDITED, UNTOUCHED, to_bytes
from app.core.model.document import Pair
from app.core.outputs.export import export_bilingual, unit_states
from app.core.review.model import Review
from tests.conftest import shared_path

X12 = "{urn:oasis:names:tc:xliff:document:1.2}"
X2 = "{urn:oasis:names:tc:xliff:document:2.0}"
PAIRS = [
    Pair(0, "Марко Рубіо прибув до Києва.", "Mark Rubio arrived in Kiev.", 0, ("MT: X",)),
    Pair(1, "Переговори тривали.", "The talks went on.", 1),
    Pair(2, "Зустріч у Женеві.", "A meeting in Geneva.", 2),
    Pair(3, "Без перекладу.", "", 3),
]
STATES = [UNTOUCHED, EDITED, CONFIRMED, UNTOUCHED]


def schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(shared_path("formats", "schemas", name))))


def test_xliff12_states_approval_and_tool() -> None:
    data = to_bytes(PAIRS, "uk", "en", "xliff12", states=STATES)
    root = etree.fromstring(data)
    assert root.nsmap == {None: "urn:oasis:names:tc:xliff:document:1.2"}
    assert root.get("version") == "1.2" and b"1.1" not in data
    xsd = schema("xliff-core-1.2-strict.xsd")
    assert xsd.validate(root), xsd.error_log
    units = root.iter(f"{X12}trans-unit")
    seen = [(u.get("approved"), u.find(f"{X12}target").get("state"),  # type: ignore[union-attr]
             u.find(f"{X12}target").get("state-qualifier")) for u in units]  # type: ignore[union-attr]  # fmt: skip
    assert seen == [
        ("no", "needs-review-translation", "mt-suggestion"),
        ("no", "translated", None),
        ("yes", "signed-off", None),
        ("no", "needs-translation", None),  # no MT at all
    ]
    tool = root.find(f"{X12}file/{X12}header/{X12}tool")
    assert tool is not None and tool.get("tool-name") == "Verso"
    assert root.find(f"{X12}file").get("tool-id") == tool.get("tool-id")  # type: ignore[union-attr]


def test_xliff2_segment_states_and_tool() -> None:
    data = to_bytes(PAIRS, "uk", "en", "xliff2", states=STATES)
    root = etree.fromstring(data)
    xsd = schema("xliff_core_2.0.xsd")
    assert xsd.validate(root), xsd.error_log
    states = [s.get("state") for s in root.iter(f"{X2}segment")]
    assert states == ["initial", "translated", "final", "initial"]
    names = root.xpath(
        "//mda:meta[@type='tool-name']/text()",
        namespaces={"mda": "urn:oasis:names:tc:xliff:metadata:2.0"},
    )
    assert names == ["Verso"]


def test_tmx_names_verso_and_keeps_the_state() -> None:
    root = etree.fromstring(to_bytes(PAIRS, "uk", "en", "tmx", states=STATES))
    header = root.find("header")
    assert header is not None and header.get("creationtool") == "Verso"
    assert [p.text for p in root.iter("prop")] == STATES


@pytest.mark.parametrize("fmt", ["xliff12", "xliff2", "tmx"])
def test_states_do_not_change_what_reads_back(fmt: str) -> None:
    doc = parse_bilingual(to_bytes(PAIRS, "uk", "en", fmt, states=STATES))
    assert [(p.source, p.target, p.notes) for p in doc.pairs] == [
        (p.source, p.target, p.notes) for p in PAIRS
    ]


def test_default_is_every_unit_awaiting_review_and_bad_states_are_refused() -> None:
    root = etree.fromstring(to_bytes(PAIRS[:2], "uk", "en", "xliff12"))
    assert {u.get("approved") for u in root.iter(f"{X12}trans-unit")} == {"no"}
    with pytest.raises(ValueError, match="unit states"):
        to_bytes(PAIRS, "uk", "en", "xliff12", states=[EDITED])
    with pytest.raises(ValueError, match="unknown"):
        to_bytes(PAIRS[:1], "uk", "en", "xliff12", states=["approved"])


def test_review_states_follow_the_edits_and_the_confirmations() -> None:
    review = Review.from_pairs(PAIRS, "uk", "en")
    assert unit_states(review) == [UNTOUCHED] * 4
    review.set_target(0, "Marco Rubio arrived in Kyiv.")
    assert unit_states(review) == [EDITED, UNTOUCHED, UNTOUCHED, UNTOUCHED]
    confirmed = [False, False, True, False]
    assert unit_states(review, confirmed) == [EDITED, UNTOUCHED, CONFIRMED, UNTOUCHED]
    review.set_target(0, PAIRS[0].target)  # edited back to the MT: untouched again
    assert unit_states(review)[0] == UNTOUCHED
    with pytest.raises(ValueError, match="confirmed flags"):
        unit_states(review, [True])
    review.confirm(3)  # the review's own segment status is used when no flags are given
    assert unit_states(review) == [UNTOUCHED, UNTOUCHED, UNTOUCHED, CONFIRMED]


def test_export_bilingual_writes_the_states(tmp_path: Path) -> None:
    review = Review.from_pairs(PAIRS, "uk", "en")
    review.set_target(1, "The talks continued.")
    out = tmp_path / "review.xlf"
    assert export_bilingual(review, out, confirmed=[False, False, True, False]) == "xliff12"
    root = etree.parse(str(out)).getroot()
    states = [t.get("state") for t in root.iter(f"{X12}target")]
    assert states == ["needs-review-translation", "translated", "signed-off", "needs-translation"]


def test_a_cat_tool_reader_sees_mt_as_unfinished_and_confirmed_as_approved() -> None:
    from translate.storage.xliff import xlifffile

    store = xlifffile.parsestring(to_bytes(PAIRS, "uk", "en", "xliff12", states=STATES))  # type: ignore[no-untyped-call]
    units = list(store.units)
    assert [u.isapproved() for u in units] == [False, False, True, False]
    assert units[0].isfuzzy() and not units[0].istranslated()  # raw MT: to review
    assert units[2].istranslated() and not units[2].isfuzzy()  # confirmed: done
