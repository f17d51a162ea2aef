"""`python -m app glossary ...`: files written, exit codes, messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import build_parser, main
from app.core.glossary.formats import READ_EXTENSIONS
from app.core.glossary.io import load_glossary


def test_add_creates_file_with_author_and_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "team.tsv"
    code = main(["glossary", "add", str(path), "Київ", "Kyiv", "--forbidden", "Kiev",
                 "--forbidden", "Kiew", "--note", "house style", "--author", "ann"])  # fmt: skip
    assert code == 0
    assert "Київ -> Kyiv" in capsys.readouterr().out
    [entry] = load_glossary(path).entries
    assert entry.forbidden == ("Kiev", "Kiew") and entry.note == "house style"
    assert entry.get_extra("author") == "ann"
    assert len(entry.get_extra("updated")) == 10
    assert main(["glossary", "add", str(path), "Марко Рубіо", "Marco Rubio"]) == 0
    assert [e.source for e in load_glossary(path)] == ["Київ", "Марко Рубіо"]


def test_add_refuses_to_overwrite_a_broken_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "team.tsv"
    broken = "source\ttarget\nКиїв\tKyiv\nКиїв\tKiev\n"
    path.write_text(broken, encoding="utf-8")
    assert main(["glossary", "add", str(path), "Львів", "Lviv"]) == 2
    err = capsys.readouterr().err
    assert "line 3" in err and "NOT overwritten" in err
    assert path.read_text(encoding="utf-8") == broken


def test_import_export_by_extension(tmp_path: Path) -> None:
    src = tmp_path / "g.tsv"
    src.write_text("source\ttarget\tforbidden\tnote\nКиїв\tKyiv\tKiev\tcapital\n", encoding="utf-8")
    assert main(["glossary", "export", str(src), str(tmp_path / "g.tbx")]) == 0
    assert main(["glossary", "import", str(tmp_path / "g.tbx"), str(tmp_path / "g.csv")]) == 0
    [entry] = load_glossary(tmp_path / "g.csv").entries
    assert (entry.source, entry.target, entry.forbidden, entry.note) == (
        "Київ", "Kyiv", ("Kiev",), "capital",
    )  # fmt: skip
    assert main(["glossary", "export", str(src), str(tmp_path / "g.pdf")]) == 2


def test_check_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.tsv"
    good.write_text("source\ttarget\nКиїв\tKyiv\n", encoding="utf-8")
    assert main(["glossary", "check", str(good)]) == 0
    bad = tmp_path / "bad.tsv"
    bad.write_text("source\ttarget\nКиїв\tKyiv\n\tLviv\nОдеса\t\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["glossary", "check", str(bad)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"{bad}: line 3: empty source term (first column)",
                     f"{bad}: line 4: 'Одеса' has no target rendering"]  # fmt: skip
    assert main(["glossary", "check", str(tmp_path / "missing.tsv")]) == 2


def test_add_help_lists_the_registry_suffixes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["glossary", "add", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert f"glossary file ({', '.join(READ_EXTENSIONS)})" in help_text
    assert ".tab" in help_text and ".xml" in help_text
