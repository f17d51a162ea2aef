"""Text the CLI prints never drives the terminal: control characters are escaped.

An article, a glossary or a file name can carry ANSI/OSC escape sequences (ESC [ 31m,
ESC ] 0;title BEL, the one-byte CSI U+009B) or bidi overrides that recolour, retitle
or reorder what the editor reads. While a command runs, stdout and stderr escape
them as \\uXXXX. That form keeps JSON output valid and equal in value: such
characters only ever occur inside JSON strings, where \\uXXXX is the same character.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
# lone surrogates (they cannot even be encoded for the terminal).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def escape_controls(text: str) -> str:
    """`text` with every character that could drive a terminal written as \\uXXXX."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class EscapingStream:
    """A text stream that escapes control characters before writing to `inner`."""

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner

    def write(self, text: str) -> int:
        self._inner.write(escape_controls(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:  # flush, encoding, isatty, fileno...
        return getattr(self._inner, name)


@contextmanager
def escaped_output() -> Iterator[None]:
    """stdout and stderr escape control characters inside the block."""
    out, err = sys.stdout, sys.stderr
    sys.stdout = EscapingStream(out)
    sys.stderr = EscapingStream(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
