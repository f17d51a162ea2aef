"""Terminal output never carries control characters (issue 16, item 10): ANSI/OSC
sequences, C1 controls, bidi overrides and lone surrogates from articles, glossaries
or file names are printed as \\uXXXX, and JSON output keeps its values."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app.cli.terminal import EscapingStream, escape_controls
from tests.robustness.conftest import run_cli

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
ANY_TEXT = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF))


@given(ANY_TEXT)
def test_escaped_text_has_nothing_a_terminal_obeys(text: str) -> None:
    escaped = escape_controls(text)
    assert not UNSAFE.search(escaped)
    escaped.encode("utf-8")  # printable to any UTF-8 terminal, even with lone surrogates


@given(st.dictionaries(ANY_TEXT, st.lists(ANY_TEXT, max_size=3), max_size=4))
def test_json_output_keeps_its_values(value: dict[str, list[str]]) -> None:
    stream = io.StringIO()
    json.dump(value, EscapingStream(stream), ensure_ascii=False, indent=2)
    assert json.loads(stream.getvalue()) == value


def test_tab_newline_and_text_are_unchanged() -> None:
    text = "Київ\tKyiv\n«Марко Рубіо» — Marco Rubio\u00a0…"
    assert escape_controls(text) == text
    assert escape_controls("\x1b[2J\x1b]0;pwned\x07\x9b31m\u202e") == (
        "\\u001b[2J\\u001b]0;pwned\\u0007\\u009b31m\\u202e"
    )


def test_glossary_and_file_names_with_escapes_print_escaped(tmp_path: Path) -> None:
    glossary = tmp_path / "g\x1b[31m.tsv"
    glossary.write_text(
        "source\ttarget\tforbidden\tnote\nКиїв\tKyiv\tKiev\t\x1b]0;owned\x07 note\n"
        "Київ\tKyiv\t\t\n",  # a duplicate: `glossary check` prints the entry's line
        encoding="utf-8",
    )
    for args in (["glossary", "check", str(glossary)],
                 ["glossary", "check", str(tmp_path / "missing\x1b[8m.tsv")]):  # fmt: skip
        run = run_cli(args)
        for stream in (run.stdout, run.stderr):
            assert "\x1b" not in stream and "\x07" not in stream, stream
        assert "\\u001b" in run.stdout + run.stderr
