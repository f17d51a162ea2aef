"""XLIFF 1.2 / 2.0 and TMX: files from other tools open; our writers round-trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.files.bilingual import (
    is_bilingual_path,
    parse_bilingual,
    read_bilingual,
    sniff_format,
)
from app.core.files.bilingual_write import to_bytes, write_bilingual
from app.core.model.document import Pair
from app.core.model.errors import InputError
from tests.conftest import shared_path

PAIRS = [
    Pair(0, "Київ — столиця України.", "Kyiv is the capital of Ukraine.", 0, ("house style",)),
    Pair(1, "Марко Рубіо & <b>«цитата»</b>", "Marco Rubio & <b>\"quote\"</b>", 1),
    Pair(2, "Речення без перекладу.", "", 2),
]

# (path under formats/, format, source lang, target lang, units, first source, first target)
OTHER_TOOLS = [
    ("disfr/Xliff1.xliff", "xliff12", "en", "ja", 3, "Quetzal", "Quetzal"),
    ("disfr/ChangeTracking_Trados_1.sdlxliff", "xliff12", "en", "ja", 5, "Change Tracking",
     "CHANGE TRACKING"),
    ("disfr/ChangeTracking_memoQ_1.mqxliff", "xliff12", "en", "ja", 5, "Change Tracking",
     "CHANGE TRACKING"),
    ("xliff12/omegat/file-xliff-BUGS1221.xlf", "xliff12", "de", "en", 4, "ENTWURF", "DRAFT"),
    ("xliff12/okapi/Typo3Draft.xlf", "xliff12", "en", "de", 6, "I am a headline",
     "Ich bin eine Überschrift"),
    ("xliff2/okapi/test01.xlf", "xliff2", "en", "fr", 5, "Sample segment.",
     "Exemple de segment."),
    ("xliff2/oasis_xliff22_testsuite/everything-core.xlf", "xliff2", "en", "fr", 5,
     "Sample segment.", "Exemple de segment."),
    ("disfr/my_memory.tmx", "tmx", "en", "ru", 113, "Untitled", "Без названия"),
    ("tmx/omegat/project_save.tmx", "tmx", "en", "fr", 5, "Apertium", "Apertium"),
    ("disfr/XuanZang.tmx", "tmx", "de", "en", 51, None, None),
]


@pytest.mark.parametrize(("rel", "fmt", "src", "tgt", "count", "first_src", "first_tgt"),
                         OTHER_TOOLS)
def test_files_from_other_tools_open(
    rel: str, fmt: str, src: str, tgt: str, count: int, first_src: str | None,
    first_tgt: str | None,
) -> None:
    doc = read_bilingual(shared_path("formats", *rel.split("/")))
    assert (doc.format, doc.source_lang, doc.target_lang, len(doc.pairs)) == (fmt, src, tgt, count)
    if first_src is not None:
        assert doc.pairs[0].source == first_src and doc.pairs[0].target == first_tgt
    assert [p.index for p in doc.pairs] == list(range(count))


def test_notes_are_kept_from_xliff12_xliff2_and_tmx() -> None:
    x12 = read_bilingual(shared_path("formats", "disfr", "Xliff1.xliff"))
    assert any("編集し処理する" in n for n in x12.pairs[1].notes)
    x2 = read_bilingual(
        shared_path("formats", "xliff2", "oasis_xliff21_testsuite", "valid", "withNotes.xlf")
    )
    assert x2.pairs[0].notes == ("note for unit",)
    tmx = read_bilingual(shared_path("formats", "disfr", "tmx_sample_document.tmx"))
    assert tmx.pairs[0].notes == ("Text of a note at the TU level.",)


def test_every_shared_sample_opens_or_says_why() -> None:
    root = shared_path("formats")
    files = [p for d in ("xliff12", "xliff2", "disfr", "tmx") for p in (root / d).rglob("*")
             if p.suffix.lower() in (".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".tmx")]
    failed: dict[str, str] = {}
    for path in files:
        try:
            read_bilingual(path)
        except InputError as exc:
            failed[path.name] = str(exc)
    # Only files without any translatable unit may fail, and they must say so.
    assert all("holds no translation units" in m for m in failed.values()), failed
    assert set(failed) <= {
        "empty-tmx.tmx", "empty-xliff12.xliff", "almostEmpty.xlf", "typeSubTypeValues.xlf",
        "bad_CopyOfWithBadReference.xlf", "bad_DataIdNotUnique.xlf",
    }
    assert len(files) - len(failed) >= 60


@pytest.mark.parametrize("fmt", ["xliff12", "xliff2", "tmx"])
def test_writers_round_trip(fmt: str) -> None:
    data = to_bytes(PAIRS, "uk", "en", fmt)
    doc = parse_bilingual(data)
    assert doc.format == fmt and (doc.source_lang, doc.target_lang) == ("uk", "en")
    assert [(p.source, p.target, p.notes) for p in doc.pairs] == [
        (p.source, p.target, p.notes) for p in PAIRS
    ]


def test_written_languages_and_versions() -> None:
    x12 = to_bytes(PAIRS, "uk", "en", "xliff12").decode()
    assert 'version="1.2"' in x12 and 'source-language="uk"' in x12
    assert 'target-language="en"' in x12
    x2 = to_bytes(PAIRS, "uk", "en", "xliff2").decode()
    assert 'srcLang="uk"' in x2 and 'trgLang="en"' in x2
    tmx = to_bytes(PAIRS, "uk", "en", "tmx").decode()
    assert 'srclang="uk"' in tmx and 'xml:lang="en"' in tmx and 'xml:lang="uk"' in tmx


def test_write_bilingual_picks_format_by_extension(tmp_path: Path) -> None:
    assert write_bilingual(tmp_path / "a.tmx", PAIRS, "uk", "en") == "tmx"
    assert write_bilingual(tmp_path / "a.xlf", PAIRS, "uk", "en") == "xliff12"
    assert write_bilingual(tmp_path / "b.xlf", PAIRS, "uk", "en", fmt="xliff2") == "xliff2"
    assert read_bilingual(tmp_path / "b.xlf").format == "xliff2"
    with pytest.raises(InputError, match=r"\.tmx"):
        write_bilingual(tmp_path / "a.docx", PAIRS, "uk", "en")
    assert is_bilingual_path("x.SDLXLIFF") and not is_bilingual_path("x.txt")


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1,
            max_size=40).filter(lambda s: s.strip() == s and s),
    st.text(alphabet="abc XYZ&<>\"'", max_size=30).map(str.strip),
), min_size=1, max_size=5))
def test_xliff12_round_trip_property(items: list[tuple[str, str]]) -> None:
    pairs = [Pair(i, s, t, i) for i, (s, t) in enumerate(items)]
    for fmt in ("xliff12", "tmx"):
        doc = parse_bilingual(to_bytes(pairs, "uk", "en", fmt))
        assert [(p.source, p.target) for p in doc.pairs] == items


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<xliff version="1.2"><file source-language="en" target-language="uk" original="x"
datatype="plaintext"><body><trans-unit id="1"><source>&b;</source></trans-unit></body></file>
</xliff>"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&xxe;</seg></tuv>
</tu></body></tmx>"""


def test_entities_and_external_references_are_refused() -> None:
    for data in (BOMB, EXTERNAL):
        with pytest.raises(InputError, match="refuses for safety"):
            parse_bilingual(data, "evil.xlf")


def test_bad_files_give_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not well-formed"):
        parse_bilingual(b'<xliff version="1.2"><file>', "broken.xlf")
    with pytest.raises(InputError, match="not an XLIFF or TMX"):
        parse_bilingual(b"<html><body/></html>", "page.xlf")
    with pytest.raises(InputError, match="cannot be read"):
        read_bilingual(tmp_path / "missing.xlf")
    assert sniff_format(b'<?xml version="1.0"?><xliff its:version="2.0" version="1.2">') == (
        "xliff12"
    )


def test_check_command_accepts_a_bilingual_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from app.cli import main

    path = tmp_path / "review.xlf"
    write_bilingual(path, PAIRS, "uk", "en")
    code = main(["check", str(path), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code in (0, 1)
    assert (data["source_lang"], data["target_lang"]) == ("uk", "en")
    assert [p["source"] for p in data["pairs"]] == [p.source for p in PAIRS]
    assert main(["check", str(tmp_path / "article.txt")]) == 2
    assert "give both the source article and its translation" in capsys.readouterr().err
