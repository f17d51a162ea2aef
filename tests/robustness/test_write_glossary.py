"""Issue 16 item 1 / Must 2 for the glossary formats: writer and reader agree on line
breaks and control characters. Any text (every str.splitlines() break, controls, lone
surrogates, a BOM) goes into every field of an entry and through TSV, OmegaT, CSV and TBX:
it comes back as normal_entry() says (breaks as spaces: the one documented change, the
same in every format) or the save is refused with a one-line message. Never two entries,
never a shifted column, never a traceback.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.glossary.io import dump_bytes, load_glossary, parse_bytes
from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.glossary.rows import UNWRITABLE
from app.core.glossary.rows_write import normal_entry
from app.core.glossary.store import GlossaryStore
from app.core.model.errors import InputError
from tests.conftest import ROOT

BREAKS = ["\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
NASTY = [*BREAKS, "\t", "\x00", "\x07", "\x1b", "\x1f", "\x7f", "\x9b", "\ufeff", "\ud800",
         "\udfff", "|", "#", "=", "+", "-", "@", "'", '"', ",", ";", "<", "&", " "]  # fmt: skip

_CHARS = st.one_of(
    st.sampled_from([c for c in NASTY if len(c) == 1]),
    st.characters(codec=None, exclude_categories=()),  # surrogates included
    st.sampled_from("абвгКиїв Kyiv"),
)
TEXT = st.text(_CHARS, max_size=12)
NAME = st.text(st.sampled_from("abcdefghij"), min_size=1, max_size=6)


@st.composite
def entries(draw: st.DrawFn, brackets: bool = True) -> GlossaryEntry:
    text = TEXT if brackets else TEXT.map(lambda t: t.replace("[", "(").replace("]", ")"))
    extra = draw(st.lists(st.tuples(NAME, text), max_size=3, unique_by=lambda x: x[0]))
    return GlossaryEntry(
        draw(text),
        tuple(draw(st.lists(text, min_size=1, max_size=3))),
        tuple(draw(st.lists(text, max_size=2))),
        draw(text),
        draw(st.sampled_from([None, True, False])),
        tuple(extra),
    )


def _fields(entry: GlossaryEntry) -> list[str]:
    return [entry.source, *entry.targets, *entry.forbidden, entry.note,
            *(v for kv in entry.extra for v in kv)]  # fmt: skip


def _round_trip(entry: GlossaryEntry, fmt: str) -> None:
    try:
        data = dump_bytes(Glossary([entry]), fmt)
    except InputError as exc:
        message = str(exc)
        assert "\n" not in message and "nothing was written" in message
        unwritable = any(UNWRITABLE.search(f) for f in _fields(entry))
        expected = None if unwritable else normal_entry(entry)
        assert unwritable or not expected or not expected.source or not expected.targets
        return
    parsed = parse_bytes(data, fmt)
    assert [p for p in parsed.problems if p.severity == "error"] == []
    want = normal_entry(entry)
    [got] = parsed.entries  # one entry: never split into two
    assert (got.source, got.targets, got.forbidden, got.note, got.case_sensitive) == (
        want.source, want.targets, want.forbidden, want.note, want.case_sensitive,
    )  # fmt: skip
    assert dict(got.extra) == dict(want.extra)


_SETTINGS = settings(max_examples=150, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])  # fmt: skip


@_SETTINGS
@given(entries())
def test_tsv_round_trip(entry: GlossaryEntry) -> None:
    _round_trip(entry, "tsv")


@_SETTINGS
@given(entries())
def test_csv_round_trip(entry: GlossaryEntry) -> None:
    _round_trip(entry, "csv")


@_SETTINGS
@given(entries())
def test_tbx_round_trip(entry: GlossaryEntry) -> None:
    _round_trip(entry, "tbx")


@_SETTINGS
@given(entries(brackets=False))
def test_omegat_round_trip(entry: GlossaryEntry) -> None:
    """OmegaT has one comment column: Verso's fields go there as [name: value] tags, so
    square brackets in values are the one thing this format cannot carry (documented)."""
    _round_trip(entry, "omegat")


@pytest.mark.parametrize("brk", BREAKS)
@pytest.mark.parametrize("name", ["g.tsv", "g.utf8", "g.csv", "g.tbx"])
def test_glossary_add_with_a_line_break_stays_one_entry(tmp_path: Path, name: str,
                                                        brk: str) -> None:  # fmt: skip
    """The reported attack: `glossary add` with U+2028 etc. in the note read back as two
    lines, the rejected rendering becoming an approved target."""
    path = tmp_path / name
    out = subprocess.run(
        [sys.executable, "-m", "app", "glossary", "add", str(path), "Київ", "Kyiv",
         "--forbidden", "Kiev", "--note", f"house style{brk}Kiev"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    [entry] = load_glossary(path).entries
    assert entry.targets == ("Kyiv",) and entry.forbidden == ("Kiev",)
    assert entry.note == "house style Kiev"


@pytest.mark.parametrize("bad", ["\x01", "\x07", "\x1b", "\x7f", "\x9b"])  # NUL: no argv
def test_glossary_add_with_a_control_character_is_refused(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "g.tsv"
    GlossaryStore(path).add(GlossaryEntry("Одеса", ("Odesa",)))
    before = path.read_bytes()
    out = subprocess.run(
        [sys.executable, "-m", "app", "glossary", "add", str(path), "Київ", "Kyiv",
         "--note", f"a{bad}b"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert f"U+{ord(bad):04X}" in out.stderr and "note of 'Київ'" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before


def test_tbx_export_of_a_control_character_is_one_message(tmp_path: Path) -> None:
    src = tmp_path / "g.tsv"
    src.write_text("source\ttarget\tnote\nКиїв\tKyiv\tbell\x07here\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "app", "glossary", "export", str(src), str(tmp_path / "g.tbx")],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "U+0007" in out.stderr and not (tmp_path / "g.tbx").exists()


@pytest.mark.parametrize("brk", ["\u2028", "\u2029", "\x85", "\x0c", "\x1e", "\x0b"])
def test_a_file_holding_a_separator_is_not_split(tmp_path: Path, brk: str) -> None:
    """A file written by another tool (or an older Verso) with the character inside a
    line: one entry, the separator read as a space."""
    path = tmp_path / "g.tsv"
    path.write_text(f"source\ttarget\tforbidden\tnote\nКиїв\tKyiv\tKiev\ta{brk}b\n",
                    encoding="utf-8")  # fmt: skip
    [entry] = load_glossary(path).entries
    assert entry.note == "a b" and entry.forbidden == ("Kiev",)


def test_a_bom_in_the_middle_of_a_glossary_matches(tmp_path: Path) -> None:
    """Two files concatenated: the second one's BOM starts a line and used to become part
    of the source term, which then never matched."""
    path = tmp_path / "g.tsv"
    data = "source\ttarget\nКиїв\tKyiv\n\ufeffОдеса\tOdesa\n".encode()
    path.write_bytes(b"\xef\xbb\xbf" + data)
    glossary = load_glossary(path)
    assert [e.source for e in glossary.entries] == ["Київ", "Одеса"]


def test_a_term_beginning_with_hash_is_not_taken_for_a_comment(tmp_path: Path) -> None:
    for name in ("g.tsv", "g.utf8"):
        path = tmp_path / name
        GlossaryStore(path).add(GlossaryEntry("#Україна", ("#Ukraine",)))
        assert [e.source for e in load_glossary(path).entries] == ["#Україна"]


@pytest.mark.parametrize("spelling", ["same", "dot", "link"])
def test_convert_onto_its_own_input_is_refused(tmp_path: Path, spelling: str) -> None:
    """Issue 16 item 11: `glossary export IN OUT` with OUT naming IN overwrote the source."""
    src = tmp_path / "team.tsv"
    src.write_text("source\ttarget\tforbidden\tnote\nКиїв\tKyiv\tKiev\tx\n", encoding="utf-8")
    before = src.read_bytes()
    out = {"same": str(src), "dot": str(tmp_path / "." / "team.tsv"),
           "link": str(tmp_path / "alias.tsv")}[spelling]  # fmt: skip
    if spelling == "link":
        Path(out).symlink_to(src)
    for command in ("export", "import"):
        run = subprocess.run(
            [sys.executable, "-m", "app", "glossary", command, str(src), out],
            cwd=ROOT, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert run.returncode == 2 and "is the input file itself" in run.stderr
        assert "Traceback" not in run.stderr and src.read_bytes() == before


def test_glossary_check_names_the_line_with_a_control_character(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_text("source\ttarget\nКиїв\tKyiv\nОдеса\tOde\x1bsa\nЛьвів\tLviv\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "app", "glossary", "check", str(path)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "line 3: control character U+001B" in out.stdout
    assert "\x1b" not in out.stdout  # the escape itself never reaches the terminal
