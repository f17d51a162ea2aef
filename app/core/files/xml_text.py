"""What XML (XLIFF, TMX, .docx) cannot hold, named for a person.

XML 1.0 forbids most C0 controls and U+FFFE/U+FFFF, and no UTF-8 file can hold half a
surrogate pair. Writers refuse such text with a message that says where it is, rather than
dropping the character silently: what Verso writes reads back the same, or is not written.
"""

from __future__ import annotations

import re
import unicodedata

CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # XML 1.0 forbids them
SURROGATES = re.compile("[\ud800-\udfff]")  # half a character: no UTF-8 file holds one
_NOT_XML = re.compile(f"{CONTROLS.pattern}|{SURROGATES.pattern}")


def xml_problem(text: str) -> str | None:
    """None when `text` fits in XML; else which character does not, for a message."""
    found = _NOT_XML.search(text)
    if found is None:
        return None
    char = found.group()
    code = f"U+{ord(char):04X}"
    if "\ud800" <= char <= "\udfff":
        return f"a damaged character (half a surrogate pair, {code})"
    name = unicodedata.name(char, "")
    return f"the control character {code}{f' ({name})' if name else ''}"


def first_xml_problem(texts: list[str] | tuple[str, ...]) -> tuple[int, str] | None:
    """(index, problem) of the first text XML cannot hold, or None."""
    for index, text in enumerate(texts):
        problem = xml_problem(text)
        if problem is not None:
            return index, problem
    return None
