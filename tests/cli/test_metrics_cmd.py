"""`python -m app metrics MT EDITED`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main


def files(tmp_path: Path, edited: str) -> tuple[str, str]:
    mt = tmp_path / "mt.txt"
    pe = tmp_path / "pe.txt"
    mt.write_text("Mark Rubio arrived in Kiev.\nThe talks went on.\n", encoding="utf-8")
    pe.write_text(edited, encoding="utf-8")
    return str(mt), str(pe)


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mt, pe = files(tmp_path, "Marco Rubio arrived in Kyiv.\nThe talks went on.\n")
    assert main(["metrics", mt, pe, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["segment_count"] == 2 and data["segments_changed"] == 1
    assert data["segments"][0]["words_changed"] == 2 and data["segments"][1]["hter"] == 0.0
    assert 0 < data["hter"] < 1 and 0 < data["chrf"] <= 100


def test_text_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mt, pe = files(tmp_path, "Mark Rubio arrived in Kiev.\nThe talks went on.\n")
    assert main(["metrics", mt, pe]) == 0
    out = capsys.readouterr().out
    assert "article: HTER 0.000" in out and "0 of 2 segments edited" in out


def test_misaligned_files_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mt, pe = files(tmp_path, "Marco Rubio arrived in Kyiv. The talks went on.\n")
    assert main(["metrics", mt, pe]) == 2
    err = capsys.readouterr().err
    assert "pe.txt" in err and "has 1 lines or paragraphs but" in err
