"""Property tests (hypothesis): readers, alignment, glossary parsing, number extraction.

Random input may be refused (InputError, one line) but never raises anything else;
valid input survives the round trip. The longer fuzz run is bench/fuzz_readers.py.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.core.files.bilingual import read_bilingual
from app.core.files.readers import normalize_newlines, read_document
from app.core.glossary.io import dump_bytes, glossary_from_bytes, parse_bytes
from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.model.errors import InputError
from app.core.text.align import align_article
from app.core.text.number_mention import NumberMention
from app.core.text.numbers import extract
from app.core.text.segment import split_sentences

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
READER_EXTS = (".txt", ".md", ".html", ".docx")
BILINGUAL_EXTS = (".xlf", ".tmx")
GLOSSARY_EXTS = (".tsv", ".csv", ".tbx", ".txt")

# Bytes that look like the formats, so the fuzzer gets past the first check.
_PREFIXES = st.sampled_from([
    b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"PK\x03\x04", b"<?xml version='1.0'?>",
    b"<html><body><p>", b"# ", b"<xliff version='1.2'><file><body><trans-unit id='1'><source>",
    b"<tmx version='1.4'><body><tu><tuv xml:lang='uk'><seg>", b"<martif><text><body><termEntry>",
    b"source\ttarget\tforbidden\tnote\n",
])  # fmt: skip
_BYTES = st.builds(lambda p, b: p + b, _PREFIXES, st.binary(max_size=600))


def _write(data: bytes, ext: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="verso-fuzz-"))
    path = folder / f"input{ext}"
    path.write_bytes(data)
    return path


@FAST
@given(data=_BYTES, ext=st.sampled_from(READER_EXTS))
@example(data=b"PK\x03\x04" + b"\x00" * 40, ext=".docx")
@example(data=b"\xff\xfe\x00", ext=".txt")
def test_article_reader_raises_only_input_error(data: bytes, ext: str) -> None:
    path = _write(data, ext)
    try:
        doc = read_document(path)
    except InputError as exc:
        assert str(path) in str(exc) and "\n" not in str(exc)
    else:
        assert doc.paragraphs and all(p == p.strip() and p for p in doc.paragraphs)


@FAST
@given(data=_BYTES, ext=st.sampled_from(BILINGUAL_EXTS))
def test_bilingual_reader_raises_only_input_error(data: bytes, ext: str) -> None:
    path = _write(data, ext)
    try:
        read_bilingual(path)
    except InputError as exc:
        assert str(path) in str(exc)


@FAST
@given(data=_BYTES, ext=st.sampled_from(GLOSSARY_EXTS))
def test_glossary_reader_raises_only_input_error(data: bytes, ext: str) -> None:
    path = _write(data, ext)
    try:
        glossary, problems = glossary_from_bytes(data, path)
    except InputError as exc:
        assert str(path) in str(exc)
    else:
        assert all(e.source.strip() for e in glossary)
        assert all(p.line >= 0 for p in problems)


_WORD = st.text(alphabet="абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВЖКЛМНЗabcxyzKLM0123456789'’-",
                min_size=1, max_size=9)  # fmt: skip
_LINE = st.lists(_WORD, min_size=1, max_size=8).map(" ".join)
_EOL = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\u2028"])


@FAST
@given(lines=st.lists(_LINE, min_size=1, max_size=8), eols=st.lists(_EOL, min_size=8, max_size=8),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))  # fmt: skip
def test_valid_text_round_trips(lines: list[str], eols: list[str], encoding: str) -> None:
    text = "".join(line + eol for line, eol in zip(lines, eols, strict=False))
    doc = read_document(_write(text.encode(encoding), ".txt"))
    assert doc.text == normalize_newlines(text)
    assert list(doc.paragraphs) == [line.strip() for line in lines]


_SENTENCE = st.builds(
    lambda words, end: " ".join(words) + end,
    st.lists(_WORD, min_size=1, max_size=6),
    st.sampled_from([".", "!", "?", "…", ". ", "", "».", " —"]),
)
_PARAGRAPH = st.lists(_SENTENCE, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=80, deadline=None)
@given(src=st.lists(_PARAGRAPH, max_size=5), tgt=st.lists(_PARAGRAPH, max_size=5))
def test_alignment_keeps_both_sides_whole_and_in_order(src: list[str], tgt: list[str]) -> None:
    """Complements tests/core/test_align.py: the TARGET side too, sentence by sentence."""
    pairs = align_article(src, tgt, "uk", "en")
    for side, paragraphs, lang in (("source", src, "uk"), ("target", tgt, "en")):
        expected = [s for para in paragraphs for s in split_sentences(para, lang)]
        got = [s for p in pairs for s in split_sentences(getattr(p, side), lang)]
        assert got == expected, side
        squash = re.compile(r"\s+")
        joined = squash.sub("", "".join(getattr(p, side) for p in pairs))
        assert joined == squash.sub("", "".join(paragraphs))


_TERM = st.text(alphabet="абвгдеКиївЛьвівMarkoRubiokyiv '-’", min_size=1, max_size=20).map(
    lambda s: " ".join(s.split())
).filter(bool)


@FAST
@given(entries=st.lists(
    st.builds(GlossaryEntry, _TERM, st.lists(_TERM, min_size=1, max_size=3).map(tuple),
              st.lists(_TERM, max_size=2).map(tuple), st.sampled_from(["", "note", "a; b"])),
    max_size=8, unique_by=lambda e: e.key,
), fmt=st.sampled_from(["tsv", "csv", "tbx"]))  # fmt: skip
def test_glossary_dump_then_parse_round_trips(entries: list[GlossaryEntry], fmt: str) -> None:
    data = dump_bytes(Glossary(entries=entries), fmt)
    parsed = parse_bytes(data, fmt, "uk", "en")
    assert [p for p in parsed.problems if p.severity == "error"] == []
    got = {e.key: (e.targets, set(e.forbidden)) for e in parsed.entries}
    want = {e.key: (tuple(dict.fromkeys(e.targets)), set(e.forbidden)) for e in entries}
    assert {k: v[0][0] for k, v in got.items()} == {k: v[0][0] for k, v in want.items()}


def _all_mentions(mentions: list[NumberMention]) -> list[NumberMention]:
    out: list[NumberMention] = []
    for m in mentions:
        out.append(m)
        out.extend(_all_mentions(list(m.also)))
    return out


_NUMBERY = st.lists(
    st.sampled_from([*"0123456789 .,:-–%/$€₴ \u00a0\u202fкмтисячаоміль",
                     "тисяч", "млн", "million", "25", "2024", "січня", "May",
                                "три", "three", "km", "°C", "1,5", "10.03.2024", "(", ")"]),
    max_size=30,
).map("".join)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(_NUMBERY, st.text(max_size=80)), lang=st.sampled_from(["uk", "ru", "en"]))
def test_number_spans_point_at_their_text(text: str, lang: str) -> None:
    for m in _all_mentions(extract(text, lang)):
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start : m.end] == m.text, m


def test_docx_with_unknown_zip_version_is_refused(tmp_path: Path) -> None:
    """Regression: found by bench/fuzz_readers.py (zipfile raised NotImplementedError)."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    data = bytearray(buf.getvalue())
    central = data.index(b"PK\x01\x02")
    data[central + 6] = 148  # "version needed to extract": 14.8, unknown to zipfile
    path = tmp_path / "v.docx"
    path.write_bytes(bytes(data))
    try:
        read_document(path)
    except InputError as exc:
        assert "damaged" in str(exc)
    else:
        raise AssertionError("an unreadable zip was accepted")


def test_glossary_header_with_source_after_target_and_short_rows() -> None:
    """Regression: found by bench/fuzz_readers.py (IndexError for a row shorter than the
    header when the 'source' column comes after 'target')."""
    data = b"extra\ttarget\tsource\tnote\nKyiv\tKyiv\n"
    glossary, problems = glossary_from_bytes(data, Path("g.tsv"))
    assert len(glossary) == 0 and [p.line for p in problems] == [2]
