"""Markdown and HTML reduced to the text an editor reads, one string per paragraph.

HTML is parsed by lxml with network access and entity resolution off, so a
hostile page can neither fetch a URL nor expand external entities; head,
scripts, styles and other invisible elements are dropped. Markdown keeps its
text and loses its markup (see readers.py). Both are linear-time: no regex here
can backtrack on a long line.
"""

from __future__ import annotations

import re

from app.core.model.errors import InputError

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption dd details div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre "
    "section summary table tbody td tfoot th thead tr ul br html title".split()
)
_DROP_TAGS = frozenset(
    "head script style noscript template svg math iframe object embed canvas "
    "audio video select option button input textarea map".split()
)
_SPACES = re.compile(r"\s+")


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def html_paragraphs(text: str, path: str | None = None) -> list[str]:
    """Visible text of an HTML page, a paragraph per block element."""
    from lxml import etree, html

    # lxml refuses str input that carries an XML encoding declaration.
    if text.lstrip().startswith("<?xml"):
        end = text.find("?>")
        text = text[end + 2 :] if end >= 0 else text
    if not text.strip():
        raise InputError(path, "is empty: it holds no text to check")
    parser = html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
    )
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(path, f"is not readable HTML ({exc}); save the page as text") from None
    paragraphs: list[str] = []
    current: list[str] = []
    skip_depth = 0

    def flush() -> None:
        para = _clean("".join(current))
        if para:
            paragraphs.append(para)
        current.clear()

    # iterwalk is iterative, so deeply nested pages cannot overflow the stack.
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        if event == "start":
            if skip_depth or tag in _DROP_TAGS or not tag:
                skip_depth += 1
                continue
            if tag in _BLOCK_TAGS:
                flush()
            if tag == "img" and element.get("alt"):
                current.append(f" {element.get('alt')} ")
            if element.text:
                current.append(element.text)
        else:
            if skip_depth:
                skip_depth -= 1
                if skip_depth == 0 and element.tail:
                    current.append(element.tail)
                continue
            if tag in _BLOCK_TAGS:
                flush()
            if element.tail:
                current.append(element.tail)
    flush()
    fatal = [e.message for e in parser.error_log if e.level_name == "FATAL"]
    if fatal and not paragraphs:
        reason = str(fatal[0]).split(",")[0]
        raise InputError(path, f"is not readable HTML ({reason}); save the page as text")
    return paragraphs


_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
# Inline markup. Each inner class excludes its own opening delimiter, so a scan
# from one opener stops at the next one: matching stays linear on long lines.
_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\([^()\n]*\)")
_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^()\n]*\)")
_REF_LINK = re.compile(r"\[([^\[\]\n]*)\]\[[^\[\]\n]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]*)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,200}>")
_CODE = re.compile(r"`([^`\n]*)`")
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^*_\n]*?\S)\1")
_EMPH_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])")
_EMPH_UNDER = re.compile(r"(?<![\w_])_(?=\S)([^_\n]*?\S)_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)([^~\n]*?\S)~~")
_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*\S")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")


def _inline(line: str) -> str:
    line = _CODE.sub(r"\1", line)
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _HTML_TAG.sub("", line)
    line = _STRONG.sub(r"\2", line)
    line = _STRIKE.sub(r"\1", line)
    line = _EMPH_STAR.sub(r"\1", line)
    line = _EMPH_UNDER.sub(r"\1", line)
    return _ESCAPE.sub(r"\1", line)


def markdown_paragraphs(text: str) -> list[str]:
    """Paragraphs of a Markdown text with the markup removed.

    Consecutive lines form one paragraph (as Markdown renders them); headings,
    list items, rules and blank lines end a paragraph; fenced code keeps its
    lines, each its own paragraph.
    """
    paragraphs: list[str] = []
    current: list[str] = []
    fence: str | None = None

    def flush() -> None:
        para = _clean(" ".join(current))
        if para:
            paragraphs.append(para)
        current.clear()

    for raw in text.split("\n"):
        fence_match = _FENCE.match(raw)
        if fence is not None:
            if fence_match and fence_match.group(1)[0] == fence[0]:
                fence = None
            elif raw.strip():
                paragraphs.append(raw.strip())
            continue
        if fence_match:
            flush()
            fence = fence_match.group(1)
            continue
        if not raw.strip() or _RULE.match(raw) or _LINK_DEF.match(raw) or _TABLE_SEP.match(raw):
            flush()
            continue
        if _SETEXT.match(raw) and current:
            flush()
            continue
        line = _QUOTE.sub("", raw)
        heading = _HEADING.match(line)
        if heading:
            flush()
            line = line[heading.end() :].rstrip().rstrip("#")
            current.append(_inline(line))
            flush()
            continue
        item = _LIST.match(line)
        if item:
            flush()
            line = line[item.end() :]
        if line.strip().startswith("|"):
            flush()
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            current.append(_inline(" ".join(c for c in cells if c)))
            flush()
            continue
        current.append(_inline(line))
    flush()
    return paragraphs
