"""Bad article files through the CLI: read correctly, or exit 2 with one line; never a traceback.

Every run is a subprocess boxed to 10 s and 2 GB of address space (conftest.run_cli).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests.robustness.conftest import Listener, assert_read, assert_refused, run_cli

UK = (
    "Президент України Володимир Зеленський провів зустріч у Києві.\n"
    "Сторони обговорили постачання 25 систем ППО до кінця року.\n"
)
EN = (
    "President of Ukraine Volodymyr Zelensky held a meeting in Kyiv.\n"
    "The parties discussed the supply of 25 air defence systems by the end of the year.\n"
)


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "en.txt"
    path.write_text(EN, encoding="utf-8")
    return path


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _check_json(source: Path, target: Path) -> list[str]:
    """Run `check --format json` and return the source side of the pairs."""
    import json

    run = run_cli(["check", str(source), str(target), "--format", "json",
                   "--source-lang", "uk", "--target-lang", "en"])  # fmt: skip
    assert_read(run)
    return [pair["source"] for pair in json.loads(run.stdout)["pairs"]]


# --- refused with one clear line -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.txt", b"", ("empty",)),
        ("blank.txt", b"  \n\r\n\t \n", ("empty",)),
        ("binary.txt", bytes(range(256)) * 64, ()),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 500, ("png",)),
        ("notzip.docx", b"This is not a zip file at all\n" * 20, ()),
        ("word97.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, ()),
    ],
)
def test_unusable_source_is_refused_in_one_line(
    tmp_path: Path, target: Path, name: str, data: bytes, words: tuple[str, ...]
) -> None:
    bad = _write(tmp_path, name, data)
    assert_refused(run_cli(["check", str(bad), str(target)]), bad, *words)


def test_unusable_target_is_named_not_the_source(tmp_path: Path) -> None:
    source = _write(tmp_path, "uk.txt", UK.encode())
    bad = _write(tmp_path, "en.txt", b"")
    line = assert_refused(run_cli(["check", str(source), str(bad)]), bad, "empty")
    assert "uk.txt" not in line


def test_zip_bomb_named_docx_is_refused_fast(tmp_path: Path, target: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        # 320 MB of zeros compress to about 1.4 MB: unpacking must never be tried.
        chunk = b"\x00" * (1024 * 1024)
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(320):
                member.write(chunk)
    bomb = _write(tmp_path, "bomb.docx", buf.getvalue())
    assert bomb.stat().st_size < 5 * 1024 * 1024
    assert_refused(run_cli(["check", str(bomb), str(target)]), bomb)


def test_truncated_docx_is_refused(tmp_path: Path, target: Path) -> None:
    import docx

    doc = docx.Document()
    doc.add_paragraph(UK)
    buf = io.BytesIO()
    doc.save(buf)
    half = _write(tmp_path, "half.docx", buf.getvalue()[: len(buf.getvalue()) // 2])
    assert_refused(run_cli(["check", str(half), str(target)]), half)


def test_100_mb_text_is_refused_without_reading_it_all(tmp_path: Path, target: Path) -> None:
    big = tmp_path / "huge.txt"
    line = ("Текст статті. " * 70 + "\n").encode()
    with big.open("wb") as fh:
        for _ in range(100 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    assert big.stat().st_size > 100 * 1024 * 1024
    assert_refused(run_cli(["check", str(big), str(target)]), big, "MB")


def test_missing_file_and_folder_are_refused(tmp_path: Path, target: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    assert_refused(run_cli(["check", str(missing), str(target)]), missing, "does not exist")
    assert_refused(run_cli(["check", str(tmp_path), str(target)]), tmp_path, "folder")


# --- read correctly -----------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-u", "utf-16-le", "utf-16-be"])
def test_legacy_and_bomless_encodings_are_read(
    tmp_path: Path, target: Path, encoding: str
) -> None:
    source = _write(tmp_path, f"uk-{encoding}.txt", UK.encode(encoding))
    sources = _check_json(source, target)
    assert "".join(sources).replace(" ", "") == UK.replace("\n", "").replace(" ", "")


def test_truncated_utf8_is_read_up_to_the_cut(tmp_path: Path, target: Path) -> None:
    data = UK.encode("utf-8")
    cut = data.rindex("року".encode()) + 3  # in the middle of "к" (2 bytes)
    source = _write(tmp_path, "cut.txt", data[:cut])
    run = run_cli(["check", str(source), str(target), "--format", "json"])
    if run.code == 2:
        assert_refused(run, source)
    else:
        assert_read(run)
        assert "Президент України" in run.stdout


def test_mixed_line_endings_make_the_same_paragraphs(tmp_path: Path, target: Path) -> None:
    lines = UK.strip().split("\n")
    source = _write(tmp_path, "mixed.txt", (lines[0] + "\r\n" + lines[1] + "\r").encode())
    unix = _write(tmp_path, "unix.txt", UK.encode())
    assert _check_json(source, target) == _check_json(unix, target)


def test_html_with_scripts_and_remote_images_is_reduced_to_text(
    tmp_path: Path, target: Path, listener: Listener
) -> None:
    first, second = UK.strip().split("\n")
    html = (
        f"<html><head><title>t</title><script>alert('SCRIPT-LEAK')</script>"
        f"<link rel=stylesheet href='{listener.url}/s.css'></head><body>"
        f"<p>{first}<img src='{listener.url}/pixel.png'></p>"
        f"<script src='{listener.url}/x.js'>document.write('SCRIPT2')</script>"
        f"<style>p {{ background: url({listener.url}/bg.png) }}</style>"
        f"<p onclick=\"steal()\">{second}</p><iframe src='{listener.url}/f'></iframe>"
        "</body></html>"
    )
    source = _write(tmp_path, "uk.html", html.encode())
    joined = " ".join(_check_json(source, target))
    assert first in joined and second in joined
    for leak in ("SCRIPT", "alert", "background", "steal", "127.0.0.1"):
        assert leak not in joined
    assert listener.connects == []


def test_single_10_mb_line_finishes_in_time(tmp_path: Path, target: Path) -> None:
    line = ("Сторони обговорили постачання систем ППО " * 300_000)[: 5_600_000]
    source = _write(tmp_path, "long.txt", line.encode())
    assert source.stat().st_size >= 10 * 1024 * 1024
    run = run_cli(["check", str(source), str(target), "--source-lang", "uk",
                   "--target-lang", "en"])  # fmt: skip
    if run.code == 2:
        assert_refused(run, source)
    else:
        assert_read(run)


def test_good_pair_still_checks(tmp_path: Path, target: Path) -> None:
    """The control case: the same harness reads a good pair."""
    source = _write(tmp_path, "uk.txt", UK.encode())
    assert len(_check_json(source, target)) == 2


def test_glossary_with_50000_duplicate_keys(tmp_path: Path, target: Path) -> None:
    rows = ["source\ttarget\tforbidden\tnote"]
    rows += [f"Київ\tKyiv{i % 7 or ''}\tKiev\tcopy {i}" for i in range(50_000)]
    glossary = _write(tmp_path, "dups.tsv", ("\n".join(rows) + "\n").encode())
    listed = run_cli(["glossary", "check", str(glossary)])
    assert "Traceback" not in listed.stderr
    assert listed.code in (1, 2), listed.stderr
    if listed.code == 1:
        lines = listed.stdout.strip().splitlines()
        assert lines and all(line.startswith(str(glossary)) for line in lines)
        assert any("Київ" in line for line in lines)
    else:
        assert_refused(listed, glossary)
    source = _write(tmp_path, "uk.txt", UK.encode())
    checked = run_cli(["check", str(source), str(target), "--glossary", str(glossary)])
    assert "Traceback" not in checked.stderr
    if checked.code == 2:  # the first line names file and problem, then at most 11 more
        lines = checked.stderr.strip().splitlines()
        assert str(glossary) in lines[0] and "problem" in lines[0]
        assert len(lines) <= 12, len(lines)
    else:
        assert_read(checked)
