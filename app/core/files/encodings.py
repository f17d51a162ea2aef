"""Bytes to text: BOMs, UTF-16 without BOM, and legacy Cyrillic code pages detected.

Editors get files saved by old Windows tools (cp1251), Unix mail (koi8-u) or
Word's "Unicode" export (UTF-16). Guessing one code page blindly turns a whole
article into mojibake, so every candidate decoding is scored by how much it
looks like Ukrainian/Russian text (letter frequencies and letter case inside
words) and the best one wins. Everything here is linear in the input size.
"""

from __future__ import annotations

import codecs
import math
import re
from dataclasses import dataclass

from app.core.model.errors import InputError

# Per-mille frequencies of lowercase letters in Ukrainian and Russian news
# (merged by taking the larger of the two); used only to rank candidate decodings.
_LETTER_FREQ: dict[str, float] = {
    "о": 100, "а": 78, "е": 80, "и": 70, "н": 66, "і": 57, "т": 58, "в": 50,
    "р": 47, "с": 48, "к": 35, "л": 40, "у": 33, "д": 32, "м": 31, "п": 28,
    "я": 21, "з": 20, "ь": 17, "г": 15, "б": 16, "ч": 13, "й": 11, "х": 10,
    "ж": 9, "ї": 8, "ш": 8, "ю": 7, "є": 8, "ц": 8, "щ": 5, "ф": 3, "ы": 18,
    "э": 3, "ъ": 0.5, "ё": 0.5, "ґ": 0.2,
}
_LOG_FREQ = {ch: math.log(f / 1000.0) for ch, f in _LETTER_FREQ.items()}
_RARE = math.log(0.0001)

# Candidates tried, in order of preference on ties, when the bytes are not UTF-8.
LEGACY_CANDIDATES = ("cp1251", "koi8-u", "cp866", "mac-cyrillic")

# Start of well-known binary formats: a message naming the format helps the editor.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file; export it as text or .docx first"),
    (b"PK\x03\x04", "a zip archive (a renamed .docx?); give it the .docx extension"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc); save it as .docx first"),
    (b"\x89PNG", "a PNG image, not text"),
    (b"\xff\xd8\xff", "a JPEG image, not text"),
    (b"GIF8", "a GIF image, not text"),
    (b"{\\rtf", "an RTF file; save it as .docx or plain text first"),
    (b"\x1f\x8b", "a gzip archive, not text"),
    (b"\x7fELF", "a program, not text"),
)

_TEXT_SYMBOLS = frozenset("«»„“”‘’‚–—…№°•·\u00a0\u2009\u202f§©®™€₴")
_CTRL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def sniff_binary(data: bytes) -> str | None:
    """A reason if `data` is a known binary format, else None."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"is {what}"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit on one parity, as in Cyrillic or Latin UTF-16."""
    sample = data[:65536]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    # Latin text in UTF-16 has a NUL in every other byte; Cyrillic (U+04xx) has
    # 0x04 there instead, so also accept a dominant 0x04 high byte.
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    hi_le = sample[1::2].count(4) + odd
    hi_be = sample[0::2].count(4) + even
    if hi_le > 0.6 * half and even < 0.05 * half and (odd or hi_le > 0.9 * half):
        return "utf-16-le"
    if hi_be > 0.6 * half and odd < 0.05 * half and (even or hi_be > 0.9 * half):
        return "utf-16-be"
    return None


def cyrillic_score(text: str) -> float:
    """How much `text` reads like Ukrainian/Russian: higher is better.

    Mean log-frequency of the Cyrillic letters, minus a penalty for capitals
    inside words (a wrong code page swaps case: cp1251 read as koi8-u gives
    "пТЙЧЕФ"), for control characters and for letters outside the alphabet.
    """
    sample = text[:200_000]
    letters = 0
    total = 0.0
    inner_caps = 0
    for word in _WORD_RE.findall(sample):
        for i, ch in enumerate(word):
            low = ch.lower()
            if "\u0400" <= low <= "\u04ff":
                letters += 1
                total += _LOG_FREQ.get(low, _RARE)
                if i > 0 and ch != low and word[i - 1].islower():
                    inner_caps += 1
            elif not ch.isascii():
                letters += 1
                total += _RARE
    if letters == 0:
        return float("-inf")
    controls = len(_CTRL_RE.findall(sample))
    # Box drawing, math and currency signs: what a wrong DOS/Mac code page yields.
    symbols = sum(
        1 for ch in sample if ord(ch) > 0x7F and not ch.isalpha() and ch not in _TEXT_SYMBOLS
    )
    return (total - 6.0 * inner_caps - 10.0 * (controls + symbols)) / (letters + symbols)


def _is_text(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return True
    if "\x00" in sample:
        return False
    return len(_CTRL_RE.findall(sample)) <= 0.01 * len(sample)


def decode_text(data: bytes, path: str | None = None) -> Decoded:
    """Decode file bytes to str, detecting the encoding; InputError when it is not text."""
    binary = sniff_binary(data)
    if binary:
        raise InputError(path, binary)
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            if name == "utf-32" and len(data) % 4:
                continue  # a UTF-16 LE BOM followed by NULs: fall through to UTF-16
            text = data.decode(name, errors="replace")
            return Decoded(text, name)
    if b"\x00" in data[:65536]:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputError(path, "is a binary file, not text; open the original document")
        text = data[: len(data) // 2 * 2].decode(utf16, errors="replace")
        if not _is_text(text):
            raise InputError(path, "is a binary file, not text; open the original document")
        return Decoded(text, utf16)
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"), path)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # A file cut off in the middle of a character: keep all of it but the last bytes.
    if utf8_error.start >= len(data) - 3 and utf8_error.reason == "unexpected end of data":
        text = data[: utf8_error.start].decode("utf-8") + "\ufffd"
        return _checked(Decoded(text, "utf-8"), path)
    # Mostly valid UTF-8 with a few broken bytes: UTF-8, the damage shown as U+FFFD.
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    good = sum(1 for ch in replaced[:200_000] if ord(ch) > 0x7F) - bad
    if good > 0 and bad <= 0.02 * (good + bad):
        return _checked(Decoded(replaced, "utf-8"), path)
    return _checked(_best_legacy(data, path), path)


def _best_legacy(data: bytes, path: str | None) -> Decoded:
    best: Decoded | None = None
    best_score = float("-inf")
    for name in LEGACY_CANDIDATES:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        # Later candidates are rarer in practice: they must win clearly, so a
        # short ambiguous text ("в в в") stays cp1251.
        score = cyrillic_score(text) - (0.5 if best is not None else 0.0)
        if score > best_score:
            best, best_score = Decoded(text, name), score
    # Below this mean log-frequency the text is not Cyrillic in any candidate:
    # hand it to charset-normalizer (Western code pages and others).
    if best is not None and best_score > -5.5:
        return best
    from charset_normalizer import from_bytes

    match = from_bytes(data[:1_000_000]).best()
    if match is None or match.encoding is None:
        raise InputError(
            path,
            "is not in a text encoding Verso recognises; save it as UTF-8 and open it again",
        )
    return Decoded(data.decode(match.encoding, errors="replace"), match.encoding)


def _checked(decoded: Decoded, path: str | None) -> Decoded:
    if not _is_text(decoded.text):
        raise InputError(path, "is a binary file, not text; open the original document")
    return decoded


# The XML declaration's encoding name (ASCII-compatible bytes only).
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([^"']{0,64})["']""")
_XML_DECL_TEXT = re.compile(r"""^(\s*<\?xml[^>]{0,200}?encoding\s*=\s*["'])([^"']{0,64})(["'])""")
_NATIVE_XML = frozenset({"utf_8", "ascii"})


def _xml_bom_or_utf16(data: bytes) -> str | None:
    """The encoding a BOM or the byte pattern of '<' (XML 1.0 appendix F) gives, if any."""
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom) and not (name == "utf-32" and len(data) % 4):
            return name
    head = data[:4096].lstrip(b" \t\r\n")
    if head.startswith(b"<\x00") or head[:4] in (b" \x00<\x00", b"\n\x00<\x00"):
        return "utf-16-le"
    if head.startswith(b"\x00<") or head[:4] in (b"\x00 \x00<", b"\x00\n\x00<"):
        return "utf-16-be"
    if b"\x00" in data[:1024]:
        return _utf16_without_bom(data)
    return None


def xml_as_utf8(data: bytes, path: str | None = None) -> bytes:
    """XML bytes in UTF-8 (declaration rewritten to say so), whatever they were saved in.

    Expat (the safety screen) reads only UTF-8, UTF-16, ASCII and Latin-1 and raises
    ValueError or LookupError on others; a UTF-16 file without a BOM must be recognised
    from its bytes. A declared code page Python knows (shift_jis, cp1251...) is
    transcoded; UTF-7 is refused (it can spell markup invisibly, a known filter
    bypass) and an unknown name is one clear InputError.
    """
    found = _xml_bom_or_utf16(data)
    if found is None:
        declared = _XML_ENCODING.match(data[:512])
        if declared is None:
            return data
        name = declared.group(1).decode("ascii", "replace").strip()
        try:
            found = codecs.lookup(name).name
        except LookupError:
            raise InputError(
                path, f"declares the encoding {name!r}, which Verso does not know; "
                "save it as UTF-8 in your CAT tool and open it again",
            ) from None
        if found.replace("-", "_") in _NATIVE_XML:
            return data
    codec = codecs.lookup(found).name
    if codec == "utf-7":
        raise InputError(path, "declares the encoding UTF-7, which Verso refuses (it can hide "
                         "markup); save it as UTF-8 and open it again")  # fmt: skip
    try:
        text = data.decode(found)
    except (ValueError, LookupError) as exc:  # UnicodeError is a ValueError
        raise InputError(path, f"is not valid {codec} text ({exc.__class__.__name__}); "
                         "save it as UTF-8 and open it again") from None  # fmt: skip
    text = _XML_DECL_TEXT.sub(r"\g<1>UTF-8\g<3>", text.lstrip("\ufeff"), count=1)
    return text.encode("utf-8", errors="surrogatepass")
