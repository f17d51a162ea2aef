"""`python -m app open`: arguments are checked before any window starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main


def test_missing_file_is_exit_2_with_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Київ", encoding="utf-8")
    assert main(["open", str(source), str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err
    assert "missing.txt" in err and "does not exist" in err


def test_one_article_without_translation_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Київ", encoding="utf-8")
    assert main(["open", str(source)]) == 2
    assert "translation" in capsys.readouterr().err


def test_open_is_listed_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["open", "--help"])
    out = capsys.readouterr().out
    assert "--glossary" in out and "--screenshot" not in out
