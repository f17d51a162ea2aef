"""The streamed XLIFF/TMX reader gives translate-toolkit's units, file for file.

The reference is the whole-tree reader (bilingual_tt), kept for that purpose: same
sources and targets (inline markup, xml:space), notes, skipped units, languages, or the
same refusal, on every sample file and on generated files.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.files.bilingual import sniff_format
from app.core.files.bilingual_stream import NeedsToolkit, read_stream
from app.core.files.bilingual_tt import read_tmx_tt, read_xliff_tt
from app.core.files.encodings import xml_as_utf8
from tests.conftest import shared_path

_SUFFIXES = {".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".tmx", ".xlf2"}


def _both(data: bytes, fmt: str) -> tuple[object, object]:
    def toolkit() -> object:
        try:
            if fmt == "tmx":
                return read_tmx_tt(data, None, None)
            return read_xliff_tt(data, fmt)
        except Exception as exc:  # the refusal, compared by its message
            return ("refused", str(exc))

    try:
        streamed: object = read_stream(data, fmt)
    except NeedsToolkit:
        streamed = toolkit()
    except Exception as exc:
        streamed = ("refused", str(exc))
    return toolkit(), streamed


def _samples() -> list[Path]:
    root = shared_path("formats")
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in _SUFFIXES)


def test_every_sample_file_reads_as_translate_toolkit_reads_it() -> None:
    compared = 0
    for path in _samples():
        data = xml_as_utf8(path.read_bytes(), str(path))
        fmt = sniff_format(data)
        if fmt is None:
            continue
        toolkit, streamed = _both(data, fmt)
        assert streamed == toolkit, path
        compared += 1
    assert compared >= 80  # XLIFF 1.2 (SDLXLIFF, MQXLIFF), XLIFF 2.0 and TMX samples


# --- generated files ------------------------------------------------------------------

_WORDS = st.sampled_from(
    ["Київ", "столиця", " ", "  ", "\n", "\t", "A&B", "<x>", "«цитата»", "1 000", "\u00a0",
     "Rubio", "", "\u2028", "ok."]
)
_TEXT = st.lists(_WORDS, max_size=5).map("".join)
_SPACE = st.sampled_from([None, "preserve", "default"])


def _space_attr(space: str | None) -> str:
    return "" if space is None else f' xml:space="{space}"'


@st.composite
def _inline(draw: st.DrawFn, tags: tuple[str, ...]) -> str:
    """Text with inline markup: paired and empty tags, comments, CDATA."""
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.integers(0, 5))
        text = escape(draw(_TEXT))
        if kind == 0:
            parts.append(f'<{tags[0]} id="1">{text}</{tags[0]}>')
        elif kind == 1:
            parts.append(f'<{tags[1]} id="2"/>')
        elif kind == 2:
            parts.append(f"<!-- {text.replace('-', '')} -->")
        elif kind == 3:
            parts.append(f"<![CDATA[{draw(_TEXT).replace(']]>', '')}]]>")
        else:
            parts.append(text)
    return "".join(parts)


@st.composite
def _xliff12(draw: st.DrawFn) -> bytes:
    units: list[str] = []
    for i in range(draw(st.integers(0, 5))):
        space = _space_attr(draw(_SPACE))
        translate = draw(st.sampled_from(["", ' translate="no"', ' translate="yes"']))
        source = draw(_inline(("g", "x")))
        body = f"<source{_space_attr(draw(_SPACE))}>{source}</source>"
        if draw(st.booleans()):
            body += f"<target>{draw(_inline(('mrk', 'ph')))}</target>"
        for _ in range(draw(st.integers(0, 2))):
            body += f"<note>{escape(draw(_TEXT))}</note>"
        unit = f'<trans-unit id="{i}"{space}{translate}>{body}</trans-unit>'
        if draw(st.booleans()):
            unit = f"<group{_space_attr(draw(_SPACE))}>{unit}</group>"
        units.append(unit)
    body_space = _space_attr(draw(_SPACE))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file original="a" source-language="uk" target-language="en" datatype="plaintext">'
        f"<header/><body{body_space}>{''.join(units)}</body></file></xliff>"
    ).encode()


@st.composite
def _xliff2(draw: st.DrawFn) -> bytes:
    units: list[str] = []
    for i in range(draw(st.integers(0, 4))):
        inner = ""
        if draw(st.booleans()):
            notes = "".join(f"<note>{escape(draw(_TEXT))}</note>" for _ in range(2))
            inner += f"<notes>{notes}</notes>"
        for _ in range(draw(st.integers(0, 3))):
            segment = f"<source>{draw(_inline(('pc', 'ph')))}</source>"
            if draw(st.booleans()):
                segment += f"<target>{draw(_inline(('pc', 'ph')))}</target>"
            inner += f"<segment{_space_attr(draw(_SPACE))}>{segment}</segment>"
        translate = draw(st.sampled_from(["", ' translate="no"']))
        units.append(f'<unit id="u{i}"{translate}{_space_attr(draw(_SPACE))}>{inner}</unit>')
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="uk" '
        f'trgLang="en"><file id="f1">{"".join(units)}</file></xliff>'
    ).encode()


@st.composite
def _tmx(draw: st.DrawFn) -> bytes:
    langs = st.sampled_from(["uk", "uk-UA", "en", "en-GB", "ru", "*all*"])
    units: list[str] = []
    for _ in range(draw(st.integers(0, 4))):
        tuvs = ""
        for _ in range(draw(st.integers(0, 3))):
            attr = draw(st.sampled_from(["xml:lang", "lang"]))
            seg = draw(_inline(("bpt", "ph")))
            tuvs += f"<tuv {attr}={quoteattr(draw(langs))}><seg>{seg}</seg></tuv>"
        count = draw(st.integers(0, 2))
        notes = "".join(f"<note>{escape(draw(_TEXT))}</note>" for _ in range(count))
        units.append(f"<tu{_space_attr(draw(_SPACE))}>{notes}{tuvs}</tu>")
    header = draw(st.sampled_from(['<header srclang="uk"/>', '<header srclang="*all*"/>',
                                   "<header/>", ""]))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<tmx version="1.4">{header}<body>{"".join(units)}</body></tmx>'
    ).encode()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(_xliff12().map(lambda d: (d, "xliff12")),
                      _xliff2().map(lambda d: (d, "xliff2")),
                      _tmx().map(lambda d: (d, "tmx"))))
def test_generated_files_read_as_translate_toolkit_reads_them(data: tuple[bytes, str]) -> None:
    toolkit, streamed = _both(*data)
    assert streamed == toolkit


def test_units_are_dropped_once_read() -> None:
    """The tree never holds more than the unit being read (memory bounded by one unit)."""
    units = "".join(
        f'<trans-unit id="{i}"><source>s{i}</source><target>t{i}</target></trans-unit>'
        for i in range(2000)
    )
    data = (
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file '
        f'original="a" source-language="uk" target-language="en"><body>{units}</body>'
        "</file></xliff>"
    ).encode()
    pairs, src, tgt = read_stream(data, "xliff12")
    assert (len(pairs), src, tgt) == (2000, "uk", "en")
    assert pairs[-1].source == "s1999" and pairs[-1].target == "t1999"


@pytest.mark.parametrize("fmt", ["xliff12", "xliff2", "tmx"])
def test_foreign_namespaces_and_roots_read_as_the_toolkit_reads_them(fmt: str) -> None:
    unit = (b"<tu><tuv xml:lang='uk'><seg>a</seg></tuv></tu>" if fmt == "tmx"
            else b"<trans-unit><source>a</source></trans-unit>")
    for data in (
        b'<xliff xmlns="urn:other"><file><body>' + unit + b"</body></file></xliff>",
        b"<tmx xmlns='x'><body>" + unit + b"</body></tmx>",
        b"<xliff version='1.0'><file>" + unit + b"</file></xliff>",
        b"<xliff xmlns:x='urn:oasis:names:tc:xliff:document:1.2'>" + unit + b"</xliff>",
    ):
        toolkit, streamed = _both(data, fmt)
        assert streamed == toolkit, data
