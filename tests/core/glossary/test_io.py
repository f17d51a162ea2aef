"""Reading glossary files: formats, encodings, and every problem reported with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.glossary.io import (
    GlossaryError,
    check_glossary,
    load_glossary,
    read_glossary,
    save_glossary,
)
from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.model.errors import InputError
from tests.conftest import shared_path

CANONICAL = (
    "source\ttarget\tforbidden\tnote\tauthor\n"
    "Київ\tKyiv\tKiev\thouse style since 2022\tann\n"
    "Марко Рубіо\tMarco Rubio\tMark Rubio|Marc Rubio\tUS Secretary of State\t\n"
    "Володимир Зеленський\tVolodymyr Zelensky|Zelensky\tVladimir Zelensky\t\tbob\n"
)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def test_canonical_tsv_reads_columns_alternatives_and_extras(tmp_path: Path) -> None:
    g = load_glossary(write(tmp_path, "g.tsv", CANONICAL))
    assert [e.source for e in g] == ["Київ", "Марко Рубіо", "Володимир Зеленський"]
    rubio = g.entries[1]
    assert rubio.targets == ("Marco Rubio",)
    assert rubio.forbidden == ("Mark Rubio", "Marc Rubio")
    assert rubio.note == "US Secretary of State"
    assert rubio.extra == ()
    assert g.entries[2].targets == ("Volodymyr Zelensky", "Zelensky")
    assert g.entries[0].get_extra("author") == "ann"
    assert g.extra_columns == ["author"]


def test_bom_crlf_and_case_column(tmp_path: Path) -> None:
    text = "\ufeffSource\tTarget\tcase\r\nНАТО\tNATO\tyes\r\nкиїв\tKyiv\tno\r\nМир\tpeace\t\r\n"
    g = load_glossary(write(tmp_path, "g.txt", text))
    assert [(e.source, e.case_sensitive) for e in g] == [
        ("НАТО", True), ("київ", False), ("Мир", None),
    ]  # fmt: skip


def test_headerless_tab_file_is_omegat_with_several_lines_per_source(tmp_path: Path) -> None:
    text = (
        "# Glossary in tab-separated format -*- coding: utf-8 -*-\n"
        "Київ\tKyiv\tcapital\n"
        "Київ\tKyiv city\n"
        "Харків\tKharkiv\n"
    )
    g = load_glossary(write(tmp_path, "g.txt", text))
    assert [(e.source, e.targets, e.note) for e in g] == [
        ("Київ", ("Kyiv", "Kyiv city"), "capital"),
        ("Харків", ("Kharkiv",), ""),
    ]


def test_problems_carry_line_numbers(tmp_path: Path) -> None:
    text = (
        "source\ttarget\tforbidden\tnote\n"
        "Київ\tKyiv\n"
        "\tKharkiv\n"
        "Одеса\t\n"
        "КИЇВ\tKiev\n"
        "Львів\tLviv\t\t\textra-cell\n"
        "Дніпро\tDnipro\t\t\t\n"
        "Київ\tKyiv\n"
    )
    path = write(tmp_path, "g.tsv", text)
    problems = check_glossary(path)
    assert [(p.line, p.severity) for p in problems] == [
        (3, "error"), (4, "error"), (5, "error"), (6, "error"),
    ]  # fmt: skip
    assert "empty source" in problems[0].message
    assert "no target" in problems[1].message
    assert "line 2" in problems[2].message and "different target" in problems[2].message
    assert "5 columns" in problems[3].message
    with pytest.raises(GlossaryError) as info:
        load_glossary(path)
    message = str(info.value)
    assert message.startswith(str(path))
    assert "line 3: empty source" in message
    assert len(info.value.problems) == 4
    assert isinstance(info.value, InputError)


def test_identical_duplicates_merge_silently(tmp_path: Path) -> None:
    text = "source\ttarget\tforbidden\nКиїв\tKyiv\tKiev\nКиїв\tKyiv\tKiew\n"
    g = load_glossary(write(tmp_path, "g.tsv", text))
    assert len(g) == 1
    assert g.entries[0].forbidden == ("Kiev", "Kiew")


def test_missing_target_column_in_header(tmp_path: Path) -> None:
    problems = check_glossary(write(tmp_path, "g.tsv", "source\trendering\nКиїв\tKyiv\n"))
    # no target column: it is not a canonical header, so read as OmegaT -> the header line
    # becomes an entry; a CSV with the wrong header is caught the same way below
    assert problems == []
    bad = write(tmp_path, "g.csv", "source,target,source\nКиїв,Kyiv,x\n")
    assert any("twice" in p.message for p in check_glossary(bad))


def test_bad_encoding_names_the_line(tmp_path: Path) -> None:
    data = "source\ttarget\nКиїв\tKyiv\nОдеса\tOdesa\n".encode("cp1251")
    problems = check_glossary(write(tmp_path, "g.tsv", data))
    assert len(problems) == 1
    assert problems[0].line == 2
    assert "UTF-8" in problems[0].message


def test_missing_file_and_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_glossary(tmp_path / "nope.tsv")
    with pytest.raises(InputError, match="unknown glossary format"):
        load_glossary(write(tmp_path, "g.docx", "x"))


def test_csv_semicolon_bom_and_quotes(tmp_path: Path) -> None:
    text = '\ufeffsource;target;forbidden;note\r\nКиїв;Kyiv;Kiev;"capital; since 2022"\r\n'
    text += '"Марко Рубіо";"Marco Rubio";"Mark Rubio";"said ""hi"""\r\n'
    g = load_glossary(write(tmp_path, "g.csv", text))
    assert [(e.source, e.target, e.forbidden, e.note) for e in g] == [
        ("Київ", "Kyiv", ("Kiev",), "capital; since 2022"),
        ("Марко Рубіо", "Marco Rubio", ("Mark Rubio",), 'said "hi"'),
    ]


def test_csv_error_line_numbers_count_quoted_newlines(tmp_path: Path) -> None:
    text = 'source,target,note\nКиїв,Kyiv,"two\nlines"\n,Odesa,\n'
    problems = check_glossary(write(tmp_path, "g.csv", text))
    assert [p.line for p in problems] == [4]


def test_shared_omegat_files_open() -> None:
    g = load_glossary(shared_path("formats", "glossary", "omegat", "test.tab"))
    assert g.entries[0].source == "kde" and g.entries[0].target == "koo moo"
    assert "wikipedia" in g.entries[2].note
    utf16 = load_glossary(shared_path("formats", "glossary", "omegat", "testUTF16LE.txt"))
    assert [(e.source, e.target, e.note) for e in utf16] == [
        ("UTF", "Unicode Transformation Format", "Comment #1"),
        ("LE", "Little Endian", "Comment #2"),
    ]
    csv_g = load_glossary(shared_path("formats", "glossary", "omegat", "test.csv"))
    assert [e.source for e in csv_g][:4] == ["kde", "question", "kde; question", "kde, qu"]
    assert csv_g.entries[4].source == '"kde","q"'
    assert len(load_glossary(shared_path("formats", "glossary", "omegat", "test.tab"))) == 4
    bom = load_glossary(shared_path("formats", "glossary", "omegat", "test-magiccomment-bom.tab"))
    assert len(bom) == 0


def test_space_separated_lines_are_warned_not_fatal() -> None:
    path = shared_path("formats", "glossary", "omegat", "project_CN_JP_glossary.txt")
    glossary, problems = read_glossary(path)
    assert len(glossary) == 0
    assert [p.line for p in problems] == [2, 3]
    assert all(p.severity == "warning" for p in problems)


def test_save_writes_by_extension(tmp_path: Path) -> None:
    g = Glossary([GlossaryEntry("Київ", ("Kyiv",), ("Kiev",), "note\twith tab")])
    save_glossary(g, tmp_path / "out.tsv")
    assert (tmp_path / "out.tsv").read_text(encoding="utf-8") == (
        "# source\ttarget\tnote\tforbidden\nКиїв\tKyiv\tnote with tab\tKiev\n"
    )
    save_glossary(g, tmp_path / "out.utf8")
    assert "Київ\tKyiv\tnote with tab [forbidden: Kiev]" in (tmp_path / "out.utf8").read_text(
        encoding="utf-8"
    )
    save_glossary(g, tmp_path / "out.csv")
    assert (tmp_path / "out.csv").read_bytes().startswith(b"\xef\xbb\xbfsource,target")
