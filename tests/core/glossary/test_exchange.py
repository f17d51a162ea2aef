"""Glossary files other tools accept (issue 15 items 4 and 5) and diff-friendly saves
(issue 13 item 8): TBX exports validate against the TBX core RNG and the TBX-Basic
Schematron, with author and date in a transacGrp; the team TSV opens in OmegaT (read
here with translate-toolkit's OmegaT reader); a save changes only the lines that changed.
"""

from __future__ import annotations

import difflib
import io
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree, isoschematron
from translate.storage.omegat import OmegaTFile

from app.core.glossary.csv_format import guard, unguard
from app.core.glossary.io import dump_bytes, load_glossary, parse_bytes, save_glossary
from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.glossary.store import GlossaryStore
from tests.conftest import shared_path

FULL = GlossaryEntry(
    "Київ", ("Kyiv", "Kyiv City"), ("Kiev",), "house style since 2022", True,
    (("author", "ann"), ("updated", "2026-11-30"), ("reviewer", "bob")),
)  # fmt: skip


@cache
def _rng() -> etree.RelaxNG:
    path = shared_path("formats", "schemas", "TBXcoreStructV03.rng")
    return etree.RelaxNG(etree.parse(str(path)))


@cache
def _schematron() -> isoschematron.Schematron:
    """TBX-Basic_DCA.sch asks for XSLT 2, which lxml lacks; its three XPath 2 spellings
    are rewritten to their XPath 1 equivalents (local-name() as a step; matches() for the
    http(s) URI test), every rule is kept."""
    path = shared_path("formats", "schemas", "TBX-Basic_DCA.sch")
    text = path.read_text(encoding="utf-8-sig")
    text = text.replace('queryBinding="xslt2"', 'queryBinding="xslt1"')
    text = text.replace("./local-name()", "local-name()")
    text = text.replace(
        "matches(@target,'https?://.+')",
        "starts-with(@target,'http://') or starts-with(@target,'https://')",
    )
    return isoschematron.Schematron(etree.fromstring(text.encode("utf-8")), store_report=True)


def _assert_valid_tbx(data: bytes) -> None:
    doc = etree.fromstring(data)
    rng = _rng()
    assert rng.validate(doc), rng.error_log
    sch = _schematron()
    assert sch.validate(doc), str(sch.validation_report)


def test_tbx_export_is_valid_tbx_basic_with_a_transaction() -> None:
    data = dump_bytes(Glossary([FULL, GlossaryEntry("Одеса", ("Odesa",))]), "tbx")
    _assert_valid_tbx(data)
    doc = etree.fromstring(data)
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    [group] = doc.findall(".//t:conceptEntry[@id='c1']/t:transacGrp", ns)
    assert group.findtext("t:transac[@type='transactionType']", namespaces=ns) == "modification"
    assert group.findtext("t:date", namespaces=ns) == "2026-11-30"
    assert group.findtext("t:transacNote[@type='responsibility']", namespaces=ns) == "ann"
    assert b"x-verso-" not in data


def test_the_schematron_catches_what_the_old_export_wrote() -> None:
    """The check has teeth: the private admin types of earlier exports are refused."""
    data = dump_bytes(Glossary([FULL]), "tbx").replace(
        b"<transacGrp>", b'<admin type="x-verso-author">ann</admin><transacGrp>'
    )
    assert not _schematron().validate(etree.fromstring(data))


def key(e: GlossaryEntry) -> tuple[object, ...]:
    return (e.source, e.targets, e.forbidden, e.note, e.case_sensitive, dict(e.extra))


def test_every_canonical_tsv_field_survives_tbx(tmp_path: Path) -> None:
    src = tmp_path / "team.tsv"
    src.write_text(
        "source\ttarget\tforbidden\tnote\tcase\tauthor\tupdated\treviewer\n"
        "Київ\tKyiv|Kyiv City\tKiev\thouse style\tyes\tann\t2026-11-30\tbob\n"
        "Одеса\tOdesa\tOdessa\t\tno\t\tlast week\t\n"
        "Марко Рубіо\tMarco Rubio\tMark Rubio\tUS Secretary of State\n",
        encoding="utf-8",
    )
    before = load_glossary(src)
    save_glossary(before, tmp_path / "team.tbx")
    _assert_valid_tbx((tmp_path / "team.tbx").read_bytes())
    after = load_glossary(tmp_path / "team.tbx")
    assert [key(e) for e in after.entries] == [key(e) for e in before.entries]
    save_glossary(after, tmp_path / "back.tsv")
    assert [key(e) for e in load_glossary(tmp_path / "back.tsv").entries] == [
        key(e) for e in before.entries
    ]


def test_older_tbx_exports_are_still_read() -> None:
    old = (
        '<?xml version="1.0"?><tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" '
        'style="dca"><text><body><conceptEntry id="c1">'
        '<admin type="x-verso-case">yes</admin><admin type="x-verso-author">ann</admin>'
        '<langSec xml:lang="uk"><termSec><term>Київ</term></termSec></langSec>'
        '<langSec xml:lang="en"><termSec><term>Kyiv</term></termSec></langSec>'
        "</conceptEntry></body></text></tbx>"
    ).encode()
    [entry] = parse_bytes(old, "tbx").entries
    assert entry.case_sensitive is True and entry.get_extra("author") == "ann"


_WORD = st.text(st.sampled_from("абвгдКиївOdesa Kyiv-'&<>\"."), min_size=1, max_size=10)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.builds(
    GlossaryEntry, _WORD, st.lists(_WORD, min_size=1, max_size=3).map(tuple),
    st.lists(_WORD, max_size=2).map(tuple), _WORD, st.sampled_from([None, True, False]),
    st.lists(st.tuples(st.sampled_from(["author", "updated", "reviewer"]), _WORD),
             max_size=3, unique_by=lambda kv: kv[0]).map(tuple),
), max_size=4, unique_by=lambda e: e.key))  # fmt: skip
def test_any_export_validates(entries: list[GlossaryEntry]) -> None:
    valid = []
    for entry in entries:
        try:
            dump_bytes(Glossary([entry]), "tbx")
        except Exception:  # an entry left empty after normalising: refused, not written
            continue
        valid.append(entry)
    if valid:  # TBX needs one conceptEntry at least: an empty termbase is not valid TBX
        _assert_valid_tbx(dump_bytes(Glossary(valid), "tbx"))


def _omegat_units(data: bytes) -> list[tuple[str, str, str]]:
    """What OmegaT shows: translate-toolkit's reader, minus the `#` lines OmegaT skips."""
    store = OmegaTFile()
    store.parse(io.BytesIO(data))
    return [
        (u.source, u.target, u.getnotes())
        for u in store.units
        if u.source and not u.source.startswith("#")
    ]


def test_team_tsv_opens_in_omegat_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "team.tsv"
    store = GlossaryStore(path)
    store.add(GlossaryEntry("Київ", ("Kyiv",), ("Kiev",), "house style since 2022",
                            extra=(("author", "ann"), ("updated", "2026-11-30"))))  # fmt: skip
    store.add(GlossaryEntry("Одеса", ("Odesa",), ("Odessa",)))
    data = path.read_bytes()
    assert data.startswith(b"# source\ttarget\tnote\tforbidden")
    assert _omegat_units(data) == [
        ("Київ", "Kyiv", "house style since 2022"),
        ("Одеса", "Odesa", ""),
    ]
    glossary = load_glossary(path)  # Verso still reads every column by name
    assert glossary.entries[0].forbidden == ("Kiev",)
    assert glossary.entries[0].get_extra("author") == "ann"


def test_old_layout_files_are_read_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "team.tsv"
    old = "source\ttarget\tforbidden\tnote\nКиїв\tKyiv\tKiev\thouse style\n"
    path.write_text(old, encoding="utf-8")
    GlossaryStore(path).add(GlossaryEntry("Одеса", ("Odesa",)))
    text = path.read_text(encoding="utf-8")
    assert text.startswith(old)  # the same header, the old line untouched


def _changed(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_a_save_changes_only_the_lines_that_changed(tmp_path: Path) -> None:
    """Issue 13: adding an entry with author and date used to add two empty columns to
    every row, so the whole file showed as changed in version control."""
    path = tmp_path / "team.tsv"
    rows = "".join(f"термін {i}\tterm {i}\t\tvariant {i}\n" for i in range(50))
    path.write_text("source\ttarget\tnote\tforbidden\n" + rows, encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    stamp = (("author", "ann"), ("updated", "2026-11-30"))
    GlossaryStore(path).add(GlossaryEntry("Київ", ("Kyiv",), ("Kiev",), extra=stamp))
    middle = path.read_text(encoding="utf-8")
    assert _changed(before, middle) == [
        "-source\ttarget\tnote\tforbidden",
        "+source\ttarget\tnote\tforbidden\tauthor\tupdated",
        "+Київ\tKyiv\t\tKiev\tann\t2026-11-30",
    ]
    GlossaryStore(path).add(GlossaryEntry("термін 7", ("term seven",)))
    after = path.read_text(encoding="utf-8")
    [removed, added] = _changed(middle, after)
    assert removed.startswith("-термін 7\t") and added.startswith("+термін 7\tterm seven")


def test_csv_guard_is_lossless() -> None:
    for text in ["=1+1", "+380", "-based", "@home", "'=x", "''-y", "'quoted", "plain", ""]:
        assert unguard(guard(text)) == text
    assert guard("=HYPERLINK(\"http://x\")").startswith("'")


def test_csv_export_guards_formulas_and_reads_them_back(tmp_path: Path) -> None:
    entry = GlossaryEntry("=cmd|' /C calc'!A0", ("@SUM(1+1)",), ("-2+3",), "+note")
    save_glossary(Glossary([entry]), tmp_path / "g.csv")
    data = (tmp_path / "g.csv").read_text(encoding="utf-8-sig")
    body = data.splitlines()[1]
    assert all(cell.startswith(("'", '"\'')) for cell in body.split(",") if cell)
    [back] = load_glossary(tmp_path / "g.csv").entries
    assert (back.source, back.targets, back.forbidden, back.note) == (
        entry.source, entry.targets, entry.forbidden, entry.note,
    )  # fmt: skip


def test_a_store_that_adopted_a_version_keeps_the_layout(tmp_path: Path) -> None:
    """The window hands the store the version the check read (no columns remembered):
    the save must still keep the file's own header."""
    from app.core.glossary.version import GlossaryVersion

    path = tmp_path / "team.tsv"
    old = "source\ttarget\tforbidden\tnote\nКиїв\tKyiv\tKiev\thouse style\n"
    path.write_text(old, encoding="utf-8")
    store = GlossaryStore(path)
    store.adopt(GlossaryVersion.read(path))
    store.add(GlossaryEntry("Одеса", ("Odesa",)))
    assert path.read_text(encoding="utf-8").startswith(old)


def test_comment_lines_survive_saves(tmp_path: Path) -> None:
    """A team's `#` notes in the file stay where they were, save after save."""
    path = tmp_path / "team.tsv"
    text = (
        "# Team glossary, ask Ann before changing names\n"
        "source\ttarget\tnote\tforbidden\n"
        "# --- places ---\n"
        "Київ\tKyiv\t\tKiev\n"
        "Одеса\tOdesa\n"
        "# --- people ---\n"
        "Марко Рубіо\tMarco Rubio\t\tMark Rubio\n"
        "# end\n"
    )
    path.write_text(text, encoding="utf-8")
    store = GlossaryStore(path)
    store.add(GlossaryEntry("Львів", ("Lviv",)))
    store.add(GlossaryEntry("Харків", ("Kharkiv",)))  # second save: remembered, not re-read
    after = path.read_text(encoding="utf-8")
    assert _changed(text, after) == ["+Львів\tLviv", "+Харків\tKharkiv"]
    save_glossary(load_glossary(path), path)
    assert path.read_text(encoding="utf-8") == after
