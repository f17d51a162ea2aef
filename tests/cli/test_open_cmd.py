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


def test_no_display_is_one_line_before_qt(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no display" in err and "xvfb-run" in err


def test_a_display_is_any_of_x11_wayland_or_a_qt_platform() -> None:
    from app.cli.open_cmd import has_display

    assert not has_display({}, "linux")
    assert has_display({"DISPLAY": ":0"}, "linux")
    assert has_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert has_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert has_display({}, "win32") and has_display({}, "darwin")


def test_version_and_program_name(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip().startswith("verso 0.")
    with pytest.raises(SystemExit):
        main(["--help"])
    assert capsys.readouterr().out.startswith("usage: verso ")


def test_starter_names_the_bundled_glossary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.assets import glossary_argument, starter_glossary

    monkeypatch.chdir(tmp_path)
    bundled = starter_glossary()
    assert bundled.read_text(encoding="utf-8").startswith("source\ttarget\tforbidden\tnote\n")
    assert glossary_argument("starter") == str(bundled)
    assert glossary_argument("team.tsv") == "team.tsv" and glossary_argument(None) is None
    (tmp_path / "starter").write_text("source\ttarget\n", encoding="utf-8")
    assert glossary_argument("starter") == "starter"  # a real file of that name wins
