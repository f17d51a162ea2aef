"""Exporting the corrected article: each format keeps paragraphs, escapes, fails clearly."""

from __future__ import annotations

import errno
import os
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest

from app.core.files.readers import read_document
from app.core.model.errors import OutputError, VersoError
from app.core.outputs.export import escape_markdown, export_article, export_review
from tests.core.review.review_data import make_review, pair_with

PARAGRAPHS = [
    "Marco Rubio said the talks in Kyiv were <productive> & \"useful\".",
    "Details",
    "1. Not a list: *stars*, _underscores_ and [brackets].",
]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.paragraphs: list[str] = []
        self.tags: list[str] = []
        self.lang: str | None = None
        self._in_p = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag == "p":
            self._in_p = True
            self.paragraphs.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self._in_p = False

    def handle_data(self, data: str) -> None:
        if self._in_p:
            self.paragraphs[-1] += data


def test_txt_separates_paragraphs_with_blank_lines(tmp_path: Path) -> None:
    path = export_article(PARAGRAPHS, tmp_path / "a.txt")
    assert path.read_bytes().decode("utf-8") == "\n\n".join(PARAGRAPHS) + "\n"


def test_txt_drops_empty_paragraphs_and_stray_whitespace(tmp_path: Path) -> None:
    export_article(["  One.  ", "", "   ", "Two."], tmp_path / "a.txt")
    assert (tmp_path / "a.txt").read_text("utf-8") == "One.\n\nTwo.\n"


def test_html_is_a_complete_escaped_document_without_remote_resources(tmp_path: Path) -> None:
    path = export_article(PARAGRAPHS, tmp_path / "a.html", lang="en")
    text = path.read_text("utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in text
    assert "&lt;productive&gt; &amp; &quot;useful&quot;" in text
    parsed = _Collector()
    parsed.feed(text)
    assert parsed.paragraphs == [PARAGRAPHS[0], PARAGRAPHS[2]]
    assert "<h2>Details</h2>" in text  # a subheading keeps its rank
    assert parsed.lang == "en"
    assert {"script", "img", "link", "style", "iframe"}.isdisjoint(parsed.tags)
    assert "http" not in text and "src=" not in text


def test_html_cannot_be_broken_by_a_hostile_paragraph(tmp_path: Path) -> None:
    hostile = '</p><script>alert(1)</script><img src="http://x/y.png">'
    export_article([hostile], tmp_path / "h.htm", lang='en"><script>')
    parsed = _Collector()
    parsed.feed((tmp_path / "h.htm").read_text("utf-8"))
    assert parsed.paragraphs == [hostile]
    assert "script" not in parsed.tags and "img" not in parsed.tags


def test_markdown_escapes_what_would_change_the_rendering(tmp_path: Path) -> None:
    path = export_article(PARAGRAPHS, tmp_path / "a.md")
    blocks = path.read_text("utf-8").rstrip("\n").split("\n\n")
    assert len(blocks) == 3
    assert blocks[1] == "## Details"
    assert blocks[2] == r"1\. Not a list: \*stars\*, \_underscores\_ and \[brackets\]."
    assert escape_markdown("# Not a heading") == r"\# Not a heading"
    assert escape_markdown("- not a bullet") == r"\- not a bullet"
    assert escape_markdown("> not a quote") == r"\> not a quote"
    # Plain prose stays as it is.
    plain = "Zelensky thanked Trump on Sunday, November 23 - in Geneva."
    assert escape_markdown(plain) == plain


def test_docx_has_one_paragraph_each_and_the_language(tmp_path: Path) -> None:
    path = export_article(PARAGRAPHS, tmp_path / "a.docx", lang="en")
    document = docx.Document(str(path))
    assert [p.text for p in document.paragraphs] == PARAGRAPHS
    assert document.core_properties.language == "en"
    assert document.core_properties.title == PARAGRAPHS[0]


@pytest.mark.parametrize(
    ("name", "text", "named"),
    [
        ("a.docx", "Kyiv\x07 with a bell", "U+0007"),
        ("a.docx", "Kyiv \ud800 half", "U+D800"),
        ("a.txt", "Kyiv \ud800 half", "U+D800"),
        ("a.html", "Kyiv \udfff half", "U+DFFF"),
    ],
)
def test_text_a_format_cannot_hold_is_refused_not_dropped(
    tmp_path: Path, name: str, text: str, named: str
) -> None:
    """Never changed silently: the export says which paragraph and character, writes nothing."""
    with pytest.raises(OutputError) as info:
        export_article([PARAGRAPHS[0], text], tmp_path / name)
    assert "paragraph 2" in str(info.value) and named in str(info.value)
    assert not (tmp_path / name).exists()


def test_text_formats_keep_a_control_character(tmp_path: Path) -> None:
    path = export_article(["Kyiv\x07 with a bell"], tmp_path / "a.txt")
    assert path.read_text(encoding="utf-8") == "Kyiv\x07 with a bell\n"


def test_uppercase_extension_is_accepted(tmp_path: Path) -> None:
    export_article(["One."], tmp_path / "A.TXT")
    assert (tmp_path / "A.TXT").read_text("utf-8") == "One.\n"


@pytest.mark.parametrize("name", ["a.pdf", "a", "a.doc"])
def test_unknown_extension_lists_the_supported_ones(tmp_path: Path, name: str) -> None:
    with pytest.raises(OutputError) as info:
        export_article(["One."], tmp_path / name)
    message = str(info.value)
    for ext in (".txt", ".md", ".html", ".docx"):
        assert ext in message
    assert not (tmp_path / name).exists()
    assert isinstance(info.value, VersoError)


def test_missing_folder_is_a_clear_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="folder does not exist"):
        export_article(["One."], tmp_path / "gone" / "a.txt")


def test_folder_as_target_is_refused(tmp_path: Path) -> None:
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(OutputError, match="is a folder"):
        export_article(["One."], tmp_path / "dir.txt")


def test_full_disk_keeps_the_old_file_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.docx"
    export_article(["Old."], path)
    before = path.read_bytes()

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OutputError, match="disk is full"):
        export_article(["New."], path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"], "no temp file left"


def test_export_review_writes_the_edited_text(tmp_path: Path) -> None:
    review = make_review(tmp_path)
    index = pair_with(review, "Kiev")
    review.set_target(index, review.target(index).replace("Kiev", "Kyiv"))
    export_review(review, tmp_path / "out.txt")
    text = (tmp_path / "out.txt").read_text("utf-8")
    assert "Kyiv supports" in text and "Kiev" not in text
    assert text.count("\n\n") == 2


def test_subheadings_keep_a_heading_style(tmp_path: Path) -> None:
    """Issue 13: "Details" / "Context" in the sample were exported as body text."""
    paragraphs = ["Rubio spoke in Geneva.", "Details", "The talks went on.", "Context", "More."]
    document = docx.Document(str(export_article(paragraphs, tmp_path / "a.docx")))
    styles = [(p.text, p.style.name) for p in document.paragraphs]
    assert styles[1] == ("Details", "Heading 2") and styles[3] == ("Context", "Heading 2")
    assert styles[0][1] == styles[2][1] == "Normal"
    md = export_article(paragraphs, tmp_path / "a.md").read_text(encoding="utf-8")
    assert "\n## Details\n" in md and "## Rubio" not in md
    page = export_article(paragraphs, tmp_path / "a.html").read_text(encoding="utf-8")
    assert "<h2>Context</h2>" in page and "<p>More.</p>" in page
    assert list(read_document(tmp_path / "a.docx").paragraphs) == paragraphs  # reads back
