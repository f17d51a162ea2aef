"""Readers against hostile files, in process (issue 16, items 5, 6 and 11): each crafted
file is made here; each is read correctly or refused with one InputError that says why."""

from __future__ import annotations

import io
import json
import os
import socket
import threading
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.files import limits
from app.core.files.bilingual import parse_bilingual, read_bilingual
from app.core.files.encodings import xml_as_utf8
from app.core.files.limits import check_count, count_glossary_entries, read_regular
from app.core.files.readers import read_document
from app.core.glossary.io import load_glossary, read_glossary
from app.core.model.errors import InputError
from app.core.outputs.export import to_docx
from app.core.review.file import load_review
from tests.robustness.bad_corpus import _docx, _unit, _w, _xliff
from tests.robustness.conftest import run_cli

TMX = (
    '<?xml version="1.0" encoding="{enc}"?><tmx version="1.4"><header srclang="uk" '
    'datatype="plaintext" segtype="sentence" adminlang="en" creationtool="x" '
    'creationtoolversion="1" o-tmf="x"/><body><tu><tuv xml:lang="uk"><seg>{src}</seg></tuv>'
    '<tuv xml:lang="en"><seg>Kyiv</seg></tuv></tu></body></tmx>'
)


# --- only regular files ------------------------------------------------------------------


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            read_document(fifo)
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=read, daemon=True)
    started = time.monotonic()
    worker.start()
    worker.join(5)
    assert not worker.is_alive(), "reading a FIFO blocked"
    assert time.monotonic() - started < 1
    assert isinstance(outcome[0], InputError) and "named pipe (FIFO)" in str(outcome[0])


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_under_every_reader(tmp_path: Path, device: str) -> None:
    for name, read in (
        ("a.txt", read_document),
        ("a.xlf", read_bilingual),
        ("a.verso", load_review),
        ("a.tsv", load_glossary),
        ("a.tbx", load_glossary),
    ):
        link = tmp_path / f"{Path(device).name}-{name}"
        link.symlink_to(device)
        with pytest.raises(InputError, match="character device"):
            read(link)


def test_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sock.tsv"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(InputError, match="socket"):
            read_glossary(path)


def test_folder_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        read_regular(tmp_path, 10)
    with pytest.raises(InputError, match="glossary file not found"):
        read_glossary(tmp_path / "missing.tsv")


# --- size and count caps -------------------------------------------------------------------


def test_size_cap_names_the_limit_and_reads_nothing(tmp_path: Path) -> None:
    big = tmp_path / "big.xlf"
    with big.open("wb") as fh:
        fh.truncate(limits.BILINGUAL_BYTES + 1)
    started = time.monotonic()
    with pytest.raises(InputError, match="larger than 64 MB, the limit for a bilingual file"):
        read_bilingual(big)
    assert time.monotonic() - started < 1


def test_glossary_line_cap_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.core.glossary.io.GLOSSARY_ENTRIES", 1000)
    path = tmp_path / "many.tsv"
    path.write_text("source\ttarget\n" + "т\tt\n" * 1500, encoding="utf-8")
    with pytest.raises(InputError, match="more than 1,000 lines or entries"):
        read_glossary(path)


def test_tbx_entry_count_without_parsing() -> None:
    entry = b"<termEntry><langSet/></termEntry>"
    data = b'<?xml version="1.0"?><martif><text><body>' + entry * 7 + b"</body></text></martif>"
    assert count_glossary_entries(data) == 7
    assert count_glossary_entries(b"source\ttarget\na\tb\nc\td\n") == 3
    with pytest.raises(InputError, match="more than 5 entries"):
        check_count("g.tbx", 7, 5, "entries")


def test_bilingual_unit_cap_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.core.files.bilingual.SEGMENTS", 100)
    data = _xliff("".join(_unit(i) for i in range(150))).encode()
    with pytest.raises(InputError, match="more than 100 translation units"):
        parse_bilingual(data, "many.xlf")


def test_long_glossary_term_is_left_out_as_an_error(tmp_path: Path) -> None:
    path = tmp_path / "long.tsv"
    path.write_text(
        "source\ttarget\nКиїв\tKyiv\nЛьвів\t" + "L" * 5000 + "\n", encoding="utf-8"
    )
    glossary, problems = read_glossary(path)
    assert [e.source for e in glossary.entries] == ["Київ"]
    assert any("5,000 characters" in p.message for p in problems)


# --- encodings --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["xliff", "tmx"])
def test_shift_jis_declaration_is_read(kind: str) -> None:
    if kind == "xliff":
        text = _xliff(_unit(1, "Москва", "Moscow"), '<?xml version="1.0" encoding="shift_jis"?>')
    else:
        text = TMX.format(enc="shift_jis", src="Москва")
    doc = parse_bilingual(text.encode("shift_jis"), f"a.{kind}")
    assert doc.pairs[0].source == "Москва"


@pytest.mark.parametrize(
    ("enc", "words"), [("utf-7", "UTF-7"), ("x-no-such", "does not know"), ("rot13", "not valid")]
)
def test_utf7_and_unknown_encodings_are_refused(enc: str, words: str) -> None:
    for data in (
        _xliff(_unit(1), f'<?xml version="1.0" encoding="{enc}"?>').encode(),
        TMX.format(enc=enc, src="Kyiv").encode(),
    ):
        with pytest.raises(InputError, match=words):
            parse_bilingual(data, "a.xlf")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_xliff_without_bom_is_recognised(codec: str) -> None:
    data = _xliff(_unit(1), '<?xml version="1.0" encoding="UTF-16"?>').encode(codec)
    assert parse_bilingual(data, "a.xlf").pairs[0].source == "Київ"
    assert xml_as_utf8(data).startswith(b'<?xml version="1.0" encoding="UTF-8"?>')


def test_utf8_xml_is_passed_through_untouched() -> None:
    data = _xliff(_unit(1)).encode()
    assert xml_as_utf8(data) is data


# --- reviews ------------------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["1" * 400, "-" + "9" * 5000, "1" * 31])
def test_review_with_a_huge_number_is_damaged_not_a_crash(tmp_path: Path, number: str) -> None:
    path = tmp_path / "digits.verso"
    path.write_text(
        '{"format": "verso-review", "version": 1, "seconds_spent": ' + number + "}",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="number far too large"):
        load_review(path)


# --- docx -----------------------------------------------------------------------------------------


def test_docx_with_two_document_parts_is_refused(tmp_path: Path) -> None:
    path = _docx(
        tmp_path / "twice.docx",
        _w("<w:p><w:r><w:t>Видимий.</w:t></w:r></w:p>"),
        twice=_w("<w:p><w:r><w:t>Прихований.</w:t></w:r></w:p>"),
    )
    with pytest.raises(InputError, match=r"two parts named word/document\.xml"):
        read_document(path)


def test_docx_internal_entity_is_refused_not_truncated(tmp_path: Path) -> None:
    path = _docx(
        tmp_path / "entity.docx",
        _w("<w:p><w:r><w:t>Перед &e; після.</w:t></w:r></w:p>",
           '<!DOCTYPE w:document [<!ENTITY e "сутність">]>'),
    )  # fmt: skip
    with pytest.raises(InputError, match="entities"):
        read_document(path)


def test_docx_export_survives_controls_and_lone_surrogates() -> None:
    data = to_docx(["Kyiv \x01 \x1b[31m \ud800 end"], "en", "Title \x07\udc00")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "Kyiv" in body and "end" in body and "\ufffd" in body


def test_report_and_export_survive_controls_and_lone_surrogates(tmp_path: Path) -> None:
    review = tmp_path / "r.verso"
    src, tgt = tmp_path / "uk.txt", tmp_path / "en.txt"
    src.write_text("Київ є столиця.\n", encoding="utf-8")
    tgt.write_text("Kyiv is the capital.\n", encoding="utf-8")
    assert run_cli(["export", str(src), str(tgt), "--to", str(review)]).code == 0
    raw = json.loads(review.read_text(encoding="utf-8"))
    raw["pairs"][0]["target"] = "Kyiv \x01 \ud800 \x1b]0;x\x07 capital."
    review.write_text(json.dumps(raw), encoding="utf-8")
    for out in ("r.html", "r.csv"):  # a report shows the damage (U+FFFD), it is not data
        run = run_cli(["report", str(review), "--to", str(tmp_path / out)])
        assert run.code in (0, 1) and "Traceback" not in run.stderr, run.stderr
        assert (tmp_path / out).stat().st_size > 0
    assert "\ufffd" in (tmp_path / "r.html").read_text(encoding="utf-8")
    for out in ("r.docx", "r.xlf", "r.tmx"):  # exports refuse it: one line, nothing written
        run = run_cli(["export", str(review), "--to", str(tmp_path / out)])
        assert run.code == 2 and "Traceback" not in run.stderr, run.stderr
        assert "segment 1" in run.stderr or "paragraph 1" in run.stderr, run.stderr
        assert "U+0001" in run.stderr and len(run.stderr.strip().splitlines()) == 1
        assert not (tmp_path / out).exists()
    check = run_cli(["check", str(review)])
    assert "Traceback" not in check.stderr and "\\ud800" in check.stdout


def test_tbx_export_of_a_control_character_is_one_line(tmp_path: Path) -> None:
    tsv = tmp_path / "g.tsv"
    tsv.write_text("source\ttarget\tforbidden\tnote\nЛьвів\tLviv\x01x\t\t\n", encoding="utf-8")
    run = run_cli(["glossary", "export", str(tsv), str(tmp_path / "g.tbx")])
    assert "Traceback" not in run.stderr and run.code in (0, 2), run.stderr


CODECS = ("cp1251", "koi8-r", "iso-8859-5", "shift_jis", "utf-16-le", "utf-16-be", "utf-8")


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet="АБВгдеЖзийКлмнопрстуфхцчшщъыьэюя ", min_size=1, max_size=40).filter(
        lambda t: t.strip() == t and "  " not in t and t
    ),
    st.sampled_from(CODECS),
)
def test_any_declared_encoding_reads_back_the_same_text(text: str, codec: str) -> None:
    """Whatever a CAT tool declared and wrote, the units come back as written."""
    try:
        data = _xliff(_unit(1, text, "x"), f'<?xml version="1.0" encoding="{codec}"?>')
        encoded = data.encode(codec)
    except UnicodeEncodeError:  # Shift_JIS lacks some Cyrillic letters: nothing to read
        return
    assert parse_bilingual(encoded, "a.xlf").pairs[0].source == text
