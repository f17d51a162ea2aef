"""The format registry: every format round-trips, content sniffing, lookups by suffix."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.glossary import formats
from app.core.glossary.formats import (
    FORMATS,
    READ_EXTENSIONS,
    WRITE_EXTENSIONS,
    GlossaryFormat,
    by_name,
    reader_for,
    readers_for,
    sniff_format,
    writer_for,
)
from app.core.glossary.io import dump_bytes, format_for, load_glossary, parse_bytes
from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.glossary.rows import KNOWN_COLUMNS
from app.core.glossary.store import GlossaryStore
from app.core.model.errors import InputError
from tests.conftest import shared_path

SAMPLE = [
    GlossaryEntry("Київ", ("Kyiv",), ("Kiev",), "house style since 2022",
                  extra=(("author", "ann"), ("updated", "2024-05-01"))),
    GlossaryEntry("Марко Рубіо", ("Marco Rubio",), ("Mark Rubio", "Marc Rubio"),
                  'US Secretary of State; "quoted", with commas'),
    GlossaryEntry("Володимир Зеленський", ("Volodymyr Zelensky", "Zelensky"),
                  ("Vladimir Zelensky",), case_sensitive=True, extra=(("author", "bob"),)),
    GlossaryEntry("НАТО", ("NATO",), note="Північноатлантичний альянс"),
]  # fmt: skip


def _core(entries: list[GlossaryEntry]) -> list[GlossaryEntry]:
    """Extras in name order: a table's columns fix their order, not the entry's."""
    return [replace(e, extra=tuple(sorted(e.extra))) for e in entries]


def test_registry_names_labels_and_suffixes() -> None:
    assert [f.name for f in FORMATS] == ["tsv", "omegat", "csv", "tbx"]
    assert [f.label for f in FORMATS] == ["Verso glossary (TSV)", "OmegaT glossary", "CSV", "TBX"]
    assert READ_EXTENSIONS == (".tsv", ".txt", ".tab", ".utf8", ".csv", ".tbx", ".xml")
    assert set(WRITE_EXTENSIONS) == set(READ_EXTENSIONS)
    chosen = {suffix: writer_for(f"g{suffix}").name for suffix in WRITE_EXTENSIONS}
    assert chosen == {
        ".tsv": "tsv", ".txt": "tsv", ".tab": "omegat", ".utf8": "omegat",
        ".csv": "csv", ".tbx": "tbx", ".xml": "tbx",
    }  # fmt: skip
    assert by_name("omegat") is formats.OMEGAT
    with pytest.raises(ValueError, match="tsv, omegat, csv, tbx"):
        by_name("docx")


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.name)
def test_every_format_round_trips_through_write_then_read(fmt: GlossaryFormat) -> None:
    glossary = Glossary(list(SAMPLE), ["author", "updated"], source_lang="uk", target_lang="en")
    data = fmt.write(glossary.entries, glossary)
    parsed = fmt.read(data, "uk", "en")
    assert parsed.problems == []
    assert _core(parsed.entries) == _core(SAMPLE)


_UK = st.text(alphabet="абвгдеєжзиіїйклмнопрстуфхцчшщьюяАБВГДЕЄІЇКЛМНОП'-", min_size=1,
              max_size=7).filter(lambda w: w.strip("-'") == w)  # fmt: skip
_EN = st.text(alphabet="abcdefghijklmnopqrstuvwxyzKLMN0123456789.,;:'\"&<>#|=\t ", min_size=1,
              max_size=9).filter(lambda w: bool(w.strip(" \t|")))  # fmt: skip
_NAME = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8).filter(
    lambda n: n not in KNOWN_COLUMNS
)


@st.composite
def _entries(draw: st.DrawFn) -> GlossaryEntry:
    extra = draw(st.lists(st.tuples(_NAME, _EN), max_size=2, unique_by=lambda x: x[0]))
    return GlossaryEntry(
        draw(st.lists(_UK, min_size=1, max_size=3).map(" ".join)),
        tuple(draw(st.lists(_EN, min_size=1, max_size=3))),
        tuple(draw(st.lists(_EN, max_size=2))),
        draw(st.one_of(st.just(""), _EN, _UK)),
        draw(st.sampled_from([None, True, False])),
        tuple(extra),
    )


@settings(max_examples=80, deadline=None)
@given(
    items=st.lists(_entries(), max_size=6, unique_by=lambda e: e.key),
    fmt=st.sampled_from(FORMATS),
)
def test_property_sniffing_recognises_what_each_writer_wrote(
    items: list[GlossaryEntry], fmt: GlossaryFormat
) -> None:
    glossary = Glossary(items, sorted({n for e in items for n, _ in e.extra}))
    data = fmt.write(items, glossary)
    assert sniff_format(data) is fmt
    assert [f for f in FORMATS if f.sniff(data)] == [fmt]  # no two formats claim it
    for suffix in fmt.write_extensions:  # and a file it wrote is read back in it
        assert reader_for(f"g{suffix}", data) is fmt


def test_sniffing_by_content() -> None:
    assert sniff_format(b"source\ttarget\n\xd0\x9a\tK\n") is formats.TSV
    assert sniff_format("\ufeffTarget\tnote\tSource\nа\tb\tc\n".encode()) is formats.TSV
    assert sniff_format("Київ\tKyiv\tnote\n".encode()) is formats.OMEGAT
    assert sniff_format(b"# Glossary in tab-separated format -*- coding: utf-8 -*-\n") is (
        formats.OMEGAT
    )
    assert sniff_format(b"source;target;note\r\nx;y;z\r\n") is formats.CSV
    assert sniff_format(b'"source","target"\n') is formats.CSV
    assert sniff_format(b"source;target\rx;y\r") is formats.CSV  # old Mac line ends
    v2 = (b'<?xml version="1.0"?>\n<!-- <tbx> in a comment -->\n'
          b'<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd" [<!ELEMENT x ANY>]>\n'
          b'<martif type="TBX" xml:lang="en"/>')  # fmt: skip
    assert sniff_format(v2) is formats.TBX
    assert sniff_format("<tbx:tbx xmlns:tbx='urn:iso:std:iso:30042:ed-2'/>".encode("utf-16"))
    for other in (
        b"<xliff version='1.2'/>",  # XML, but not a termbase
        b"\xd0\x9a\t<tbx>\n",  # a tab-separated line mentioning <tbx>: OmegaT, not TBX
        "Київ — столиця України.\nДругий абзац.\n".encode(),  # an article
        b"kde,csv kde\n",  # headerless CSV: only its extension tells
        b"\xff\xfe\xfd not text",
        b"",
    ):
        assert sniff_format(other) is not formats.TBX
    assert sniff_format(b"\xd0\x9a\t<tbx>\n") is formats.OMEGAT
    assert sniff_format("Київ — столиця України.\nДругий абзац.\n".encode()) is None
    assert sniff_format(b"kde,csv kde\n") is None
    assert sniff_format(b"\xc3\x28\tbad utf-8\n") is None
    assert sniff_format(b"") is None


def test_shared_termbases_and_omegat_files_are_recognised() -> None:
    tbx_dir = shared_path("formats", "tbx")
    for path in sorted(tbx_dir.rglob("*.tbx")):
        if "poorly_formed" not in path.name:
            assert sniff_format(path.read_bytes()) is formats.TBX, path
    omegat = shared_path("formats", "glossary", "omegat")
    for name in ("test.tab", "project_glossary.txt", "testUTF16LE.txt"):
        assert sniff_format((omegat / name).read_bytes()) is formats.OMEGAT, name


def test_reading_a_tab_separated_suffix_goes_by_the_header(tmp_path: Path) -> None:
    """As before the registry: .tsv .txt .tab .utf8 are canonical TSV only with a header."""
    with_header = "source\ttarget\tforbidden\nКиїв\tKyiv\tKiev\n"
    without = "Київ\tKyiv\tnote [forbidden: Kiev]\n"
    for suffix in (".tsv", ".txt", ".tab", ".utf8"):
        assert format_for(f"g{suffix}") == "tsv/omegat"
        for text in (with_header, without):
            path = tmp_path / f"g{suffix}"
            path.write_text(text, encoding="utf-8")
            g = load_glossary(path)
            assert [(e.source, e.targets, e.forbidden) for e in g] == [
                ("Київ", ("Kyiv",), ("Kiev",))
            ]
    assert reader_for("g.tab", with_header.encode()) is formats.TSV
    assert reader_for("g.tsv", without.encode()) is formats.OMEGAT
    assert reader_for("g.txt", b"\xff\xfe\xfd") is formats.OMEGAT  # the lenient reader
    assert format_for("g.CSV") == "csv" and format_for("g.xml") == "tbx"
    assert [f.name for f in readers_for("g.utf8")] == ["tsv", "omegat"]


def test_parse_and_dump_by_name_keep_working() -> None:
    glossary = Glossary([GlossaryEntry("Київ", ("Kyiv",), ("Kiev",))])
    for name in ("tsv", "omegat", "csv", "tbx"):
        data = dump_bytes(glossary, name)
        assert data == by_name(name).write(glossary.entries, glossary)
        assert parse_bytes(data, name).entries == glossary.entries
        assert parse_bytes(data, format_for(f"g{by_name(name).extensions[0]}")).entries == (
            glossary.entries
        )
    # a name forces its format: canonical TSV insists on its header
    assert parse_bytes("Київ\tKyiv\n".encode(), "tsv").problems
    assert parse_bytes("Київ\tKyiv\n".encode(), "tsv/omegat").problems == []


@pytest.mark.parametrize("writing", [False, True])
def test_unknown_extension_names_the_known_ones(writing: bool) -> None:
    with pytest.raises(InputError) as caught:
        format_for("terms.docx", writing=writing)
    message = str(caught.value)
    assert "unknown glossary format '.docx'" in message
    assert "use .csv, .tab, .tbx, .tsv, .txt, .utf8, .xml" in message
    with pytest.raises(InputError, match=r"'\(none\)'"):
        format_for("terms", writing=writing)


@pytest.mark.parametrize(
    ("name", "content", "kept"),
    [
        ("g.tab", "source\ttarget\nКиїв\tKyiv\n", "source\ttarget"),  # canonical, in a .tab
        ("g.tsv", "Київ\tKyiv\n", "# Glossary in tab-separated format"),  # OmegaT, in a .tsv
        ("g.utf8", "", "# Glossary in tab-separated format"),  # blank: by its suffix
        ("g.txt", "   \n", "# source\ttarget\tnote"),  # new: the header OmegaT skips
    ],
)
def test_store_writes_back_the_flavour_it_read(
    tmp_path: Path, name: str, content: str, kept: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    GlossaryStore(path).add(GlossaryEntry("Одеса", ("Odesa",), ("Odessa",)))
    text = path.read_text(encoding="utf-8")
    assert text.startswith(kept)
    assert [e.source for e in load_glossary(path)][-1] == "Одеса"
