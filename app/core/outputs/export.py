"""Export the corrected article: plain text, Markdown, HTML, DOCX, chosen by extension;
or the review as a bilingual file (XLIFF 1.2/2.0, TMX) whose units carry the review state.

Every article format keeps the paragraphs and nothing else (no styling to fight in the
newsroom's CMS). Writes are atomic; a failed write is an OutputError and the
review stays in memory.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from app.core.files.atomic import write_bytes_atomic
from app.core.files.bilingual_write import CONFIRMED, EDITED, UNTOUCHED, write_bilingual
from app.core.files.xml_text import CONTROLS, SURROGATES, xml_problem
from app.core.model.errors import OutputError
from app.core.review.model import Review

# Extension -> format name; the UI's save dialog filter comes from here.
EXPORT_FORMATS: dict[str, str] = {
    ".txt": "Plain text",
    ".md": "Markdown",
    ".html": "HTML",
    ".htm": "HTML",
    ".docx": "Word document",
}
SUPPORTED_EXTENSIONS = tuple(EXPORT_FORMATS)


def export_article(
    paragraphs: Sequence[str], path: str | Path, lang: str = "en", title: str | None = None
) -> Path:
    """Write `paragraphs` to `path` in the format its extension names."""
    dest = Path(path)
    ext = dest.suffix.lower()
    render = _RENDERERS.get(ext)
    if render is None:
        shown = f"'{dest.suffix}'" if dest.suffix else "no extension"
        raise OutputError(
            dest,
            f"cannot export to {shown}; use one of {', '.join(SUPPORTED_EXTENSIONS)}",
        )
    if dest.is_dir():
        raise OutputError(dest, "is a folder; give a file name to export to")
    clean = [_normalise(p) for p in paragraphs]
    clean = [p for p in clean if p]
    for number, paragraph in enumerate(clean, start=1):
        problem = _unwritable(paragraph, ext)
        if problem is not None:
            raise OutputError(
                dest,
                f"paragraph {number} of the article holds {problem}, which a {ext} file "
                "cannot hold; delete it and export again (nothing was written)",
            )
    write_bytes_atomic(dest, render(clean, lang, title or _title(clean)))
    return dest


def _unwritable(paragraph: str, ext: str) -> str | None:
    """What in `paragraph` the format cannot hold: for .docx (XML) controls and damaged
    characters, for the text formats only damaged characters (half a surrogate pair)."""
    if ext == ".docx":
        return xml_problem(paragraph)
    found = SURROGATES.search(paragraph)
    return None if found is None else xml_problem(found.group())


def export_review(review: Review, path: str | Path) -> Path:
    """The review's corrected article, in the target language."""
    return export_article(review.corrected_paragraphs(), path, lang=review.target_lang)


def unit_states(review: Review, confirmed: Sequence[bool] | None = None) -> list[str]:
    """Each pair's state for a CAT tool: confirmed by the editor, edited, or untouched MT.

    `confirmed` (one flag a pair) overrides the review's own segment statuses
    (Review.is_confirmed), which are used when it is None.
    """
    if confirmed is None:
        confirmed = [review.is_confirmed(index) for index in range(len(review))]
    if confirmed is not None and len(confirmed) != len(review):
        raise ValueError(f"{len(confirmed)} confirmed flags for {len(review)} pairs")
    states = []
    for index in range(len(review)):
        if confirmed is not None and confirmed[index]:
            states.append(CONFIRMED)
        elif review.is_edited(index):
            states.append(EDITED)
        else:
            states.append(UNTOUCHED)
    return states


def export_bilingual(
    review: Review,
    path: str | Path,
    fmt: str | None = None,
    confirmed: Sequence[bool] | None = None,
) -> str:
    """The review as XLIFF 1.2/2.0 or TMX with its current targets and their states."""
    return write_bilingual(
        path,
        review.pairs,
        review.source_lang,
        review.target_lang,
        fmt,
        states=unit_states(review, confirmed),
    )


def _normalise(paragraph: str) -> str:
    lines = [line.strip() for line in paragraph.replace("\r\n", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def _title(paragraphs: Sequence[str]) -> str:
    if not paragraphs:
        return "Article"
    first = paragraphs[0].split("\n", 1)[0]
    return first if len(first) <= 80 else first[:79].rstrip() + "…"


_NOT_HEADING_END = frozenset('.!?:;…,"»”’\'-—–')


def is_heading(paragraph: str) -> bool:
    """A subheading of news copy (Details, Context): one line of at most eight words,
    a capital first letter and no sentence punctuation at the end. Text files carry no
    styles, so this is how an exported .docx, .md or .html gets its headings back."""
    text = paragraph.strip()
    if not text or "\n" in text or not text[0].isupper():
        return False
    return len(text.split()) <= 8 and text[-1] not in _NOT_HEADING_END and any(
        c.isalpha() for c in text
    )


def to_txt(paragraphs: Sequence[str], lang: str = "en", title: str = "") -> bytes:
    text = "\n\n".join(paragraphs)
    return (text + "\n" if text else "").encode("utf-8", "replace")


_MD_INLINE = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+(?=[.)]))")


def escape_markdown(line: str) -> str:
    """Make a line of prose render as itself: no accidental emphasis, lists or headings."""
    escaped = _MD_INLINE.sub(r"\\\1", line)
    match = _MD_LINE_START.match(escaped)
    if match:
        marker = match.group(2)
        if marker.isdigit():
            # "1984. A year" would become a list item: escape the dot/bracket after the digits.
            end = match.end()
            escaped = escaped[:end] + "\\" + escaped[end:]
        else:
            escaped = escaped[: match.start(2)] + "\\" + escaped[match.start(2) :]
    return escaped


def to_markdown(paragraphs: Sequence[str], lang: str = "en", title: str = "") -> bytes:
    blocks = [
        "## " + escape_markdown(p)
        if is_heading(p)
        else "  \n".join(escape_markdown(line) for line in p.split("\n"))
        for p in paragraphs
    ]
    text = "\n\n".join(blocks)
    return (text + "\n" if text else "").encode("utf-8", "replace")


def to_html(paragraphs: Sequence[str], lang: str = "en", title: str = "") -> bytes:
    """A complete, self-contained HTML5 document: no scripts, styles or remote resources."""
    body = "\n".join(
        f"<h2>{html.escape(p)}</h2>"
        if is_heading(p)
        else "<p>" + "<br>\n".join(html.escape(line) for line in p.split("\n")) + "</p>"
        for p in paragraphs
    )
    doc = (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang or "en")}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        "</head>\n"
        "<body>\n"
        f"{body}\n"
        "</body>\n"
        "</html>\n"
    )
    return doc.encode("utf-8", "replace")


def to_docx(paragraphs: Sequence[str], lang: str = "en", title: str = "") -> bytes:
    import docx

    document = docx.Document()
    props = document.core_properties
    props.title = _xml_safe(title)  # lxml refuses lone surrogates and controls here too
    props.language = lang
    for paragraph in paragraphs:
        if is_heading(paragraph):
            document.add_paragraph(_xml_safe(paragraph), style="Heading 2")
            continue
        para = document.add_paragraph()
        lines = paragraph.split("\n")
        for n, line in enumerate(lines):
            run = para.add_run(_xml_safe(line))
            if n < len(lines) - 1:
                run.add_break()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()




def _xml_safe(text: str) -> str:
    """python-docx refuses control characters (XML 1.0 forbids them): drop them; a lone
    surrogate (half a character, from a damaged review) becomes U+FFFD."""
    return CONTROLS.sub("", replace_surrogates(text))


def replace_surrogates(text: str) -> str:
    """`text` with each lone surrogate as U+FFFD: no UTF-8 writer accepts them."""
    return SURROGATES.sub("\ufffd", text)


_RENDERERS: dict[str, Callable[[Sequence[str], str, str], bytes]] = {
    ".txt": to_txt,
    ".md": to_markdown,
    ".html": to_html,
    ".htm": to_html,
    ".docx": to_docx,
}
