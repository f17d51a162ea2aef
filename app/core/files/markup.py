"""Markdown and HTML reduced to the text an editor reads, one string per paragraph.

HTML is parsed by lxml with network access and entity resolution off, so a
hostile page can neither fetch a URL nor expand external entities; head,
scripts, styles and other invisible elements are dropped. Markdown is parsed by
markdown-it-py (CommonMark) and keeps its text, losing its markup (see readers.py).
"""

from __future__ import annotations

import re
from typing import Any

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


_TAG = re.compile(r"<[^<>]{0,2000}>")
# markdown-it-py is linear but slow in Python (about 0.5 s a MB for blocks, up to 30 µs a
# markup character inline). Bounds no article comes near (a hostile file may) keep a read
# within seconds: past them, text is kept as written, markup included. A document over
# MAX_MARKDOWN_CHARS is split at blank lines only; a block with more than MAX_INLINE_MARKUP
# markup characters, and every block once the document spent MARKUP_BUDGET markup
# characters or INLINE_BUDGET characters, keeps its markup.
MAX_MARKDOWN_CHARS = 4_000_000
MAX_INLINE_MARKUP = 20_000
MARKUP_BUDGET = 60_000
INLINE_BUDGET = 3_000_000
_MARKUP_CHARS = re.compile(r"[*_`\[\]()<>!~\\]")


def _markdown_parser() -> Any:
    from markdown_it import MarkdownIt

    # CommonMark plus the GitHub tables and strikethrough editors paste; raw HTML is parsed
    # (so that its tags can be dropped), never rendered. Blocks first; each block's inline
    # markup separately (_inline_text), so a pathological block can be left alone.
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.disable("inline")
    # URLs are dropped, never followed or shown: skip their normalisation (a quarter of the
    # inline time) and accept any scheme.
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


def _inline_text(md: Any, content: str, budget: list[int], env: dict[str, Any]) -> str:
    """The words of a block's inline markup: text, code, image alt text; no URLs.
    `budget` is [markup characters, characters] the document may still spend."""
    markup = len(_MARKUP_CHARS.findall(content))
    if markup > MAX_INLINE_MARKUP or markup > budget[0] or len(content) > budget[1]:
        return content
    budget[0] -= markup
    budget[1] -= len(content)
    children: list[Any] = []
    md.inline.parse(content, md, env, children)  # env: the link definitions of the blocks
    return _children_text(children)


def _children_text(children: Any) -> str:
    parts: list[str] = []
    for child in children or ():
        kind = child.type
        if kind in ("text", "text_special", "code_inline"):  # text_special: an escape
            parts.append(child.content)
        elif kind == "image":
            parts.append(_children_text(child.children))
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def markdown_paragraphs(text: str) -> list[str]:
    """Paragraphs of a Markdown text with the markup removed (markdown-it-py's parse).

    Paragraphs, headings, list items and table rows are one paragraph each (a paragraph's
    lines join with spaces, as Markdown renders them); code keeps its lines, each its own
    paragraph; HTML blocks keep their text; rules and link definitions are dropped.
    """
    paragraphs: list[str] = []
    row: list[str] = []
    in_row = False

    def add(raw: str) -> None:
        para = _clean(raw)
        if para:
            paragraphs.append(para)

    if len(text) > MAX_MARKDOWN_CHARS:
        return [para for para in (_clean(p) for p in re.split(r"\n\s*\n", text)) if para]
    md = _markdown_parser()
    budget = [MARKUP_BUDGET, INLINE_BUDGET]
    env: dict[str, Any] = {}
    for token in md.parse(text, env):
        kind = token.type
        if kind == "tr_open":
            in_row, row = True, []
        elif kind == "tr_close":
            in_row = False
            add(" ".join(cell for cell in row if cell))
        elif kind == "inline":
            if in_row:
                row.append(_clean(_inline_text(md, token.content, budget, env)))
            else:
                add(_inline_text(md, token.content, budget, env))
        elif kind in ("fence", "code_block"):
            for line in token.content.split("\n"):
                add(line)
        elif kind == "html_block":
            add(_TAG.sub(" ", token.content))
    return paragraphs
