"""`python -m app translate` against the local LibreTranslate server."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from tests.core.fake_libretranslate import serve

SECRET = "sk-cli-SECRET-42"


@pytest.fixture(autouse=True)
def _no_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VERSO_LIBRETRANSLATE_API_KEY", raising=False)
    monkeypatch.setattr("app.core.mt.get_api_key", lambda provider: None)


def article(tmp_path: Path) -> Path:
    path = tmp_path / "uk.txt"
    path.write_text("Перше речення. Друге речення.\n\nТретє речення.\n", encoding="utf-8")
    return path


def test_translates_to_file_keeping_paragraphs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = {"Перше речення.": "First.", "Друге речення.": "Second.", "Третє речення.": "Third."}
    out = tmp_path / "mt.txt"
    with serve(dictionary=table) as server:
        code = main(["translate", str(article(tmp_path)), "--provider", "libretranslate",
                     "--url", server.url, "--from", "uk", "--out", str(out)])
    assert code == 0
    assert out.read_text(encoding="utf-8") == "First. Second.\n\nThird.\n"
    err = capsys.readouterr().err
    assert "3/3 segments" in err and "wrote" in err


def test_detects_source_language_and_prints_to_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with serve() as server:
        code = main(["translate", str(article(tmp_path)), "--provider", "libre",
                     "--url", server.url, "--quiet"])
        sent = server.requests[-1]["params"]
    captured = capsys.readouterr()
    assert code == 0 and captured.err == ""
    assert captured.out.startswith("[en] Перше речення. [en] Друге речення.\n\n")
    assert sent["source"] == "uk" and sent["target"] == "en"


def test_provider_errors_exit_2_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.core.mt.get_api_key", lambda provider: SECRET)
    out = tmp_path / "mt.txt"
    with serve(mode="forbidden") as server:
        code = main(["translate", str(article(tmp_path)), "--provider", "libretranslate",
                     "--url", server.url, "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and "refused the API key" in err and SECRET not in err
    assert not out.exists()


def test_silent_server_times_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with serve(mode="silent") as server:
        code = main(["translate", str(article(tmp_path)), "--provider", "libretranslate",
                     "--url", server.url, "--timeout", "0.5", "--retries", "0"])
    assert code == 2 and "did not answer within 0.5 s" in capsys.readouterr().err


def test_unknown_provider_and_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["translate", str(article(tmp_path)), "--provider", "babelfish"]) == 2
    assert "unknown MT provider" in capsys.readouterr().err
    assert main(["translate", str(tmp_path / "nope.txt"), "--provider", "google"]) == 2
    assert "nope.txt" in capsys.readouterr().err
