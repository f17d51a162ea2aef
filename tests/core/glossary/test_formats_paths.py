"""Dialog filters and drop classification list exactly the registry's glossary suffixes."""

from __future__ import annotations

import re
from pathlib import Path

from app.core.glossary.formats import (
    FORMATS,
    READ_EXTENSIONS,
    WRITE_EXTENSIONS,
    dialog_filter,
    is_glossary_path,
    with_write_suffix,
)

GLOSSARY = "source\ttarget\nКиїв\tKyiv\n"


def _patterns(filter_part: str) -> list[str]:
    return re.findall(r"\*(\.\w+)", filter_part)


def test_open_filter_lists_exactly_the_registry_suffixes() -> None:
    parts = dialog_filter().split(";;")
    assert parts[0].startswith("Glossaries (")
    assert _patterns(parts[0]) == list(READ_EXTENSIONS)
    assert {".tab", ".utf8", ".xml"} <= set(_patterns(parts[0]))
    for part, fmt in zip(parts[1:-1], FORMATS, strict=True):
        assert part == f"{fmt.label} ({' '.join('*' + s for s in fmt.extensions)})"
    assert parts[-1] == "All files (*)"


def test_save_filter_offers_the_write_formats_canonical_first() -> None:
    parts = dialog_filter(writing=True).split(";;")
    assert parts == [
        "Verso glossary (TSV) (*.tsv *.txt)",
        "OmegaT glossary (*.tab *.utf8)",
        "CSV (*.csv)",
        "TBX (*.tbx *.xml)",
    ]
    assert sorted(s for p in parts for s in _patterns(p)) == sorted(WRITE_EXTENSIONS)


def test_a_suffix_is_added_for_the_chosen_format_when_none_was_typed() -> None:
    assert with_write_suffix("/tmp/team", "OmegaT glossary (*.tab *.utf8)") == "/tmp/team.tab"
    assert with_write_suffix("/tmp/team", "TBX (*.tbx *.xml)") == "/tmp/team.tbx"
    assert with_write_suffix("/tmp/team.v2", "") == "/tmp/team.v2.tsv"
    assert with_write_suffix("/tmp/team.xml", "CSV (*.csv)") == "/tmp/team.xml"  # typed wins


def test_is_glossary_path_knows_every_registry_suffix(tmp_path: Path) -> None:
    for suffix in READ_EXTENSIONS:
        path = tmp_path / f"terms{suffix.upper()}"
        path.write_text(GLOSSARY, encoding="utf-8")
        assert is_glossary_path(path), suffix
    for other in ("article.docx", "article.md", "pair.xlf", "review.verso", "noext"):
        assert not is_glossary_path(tmp_path / other), other


def test_a_txt_article_is_not_taken_for_a_glossary(tmp_path: Path) -> None:
    """.txt is an article suffix too: there only the content makes it a glossary."""
    article = tmp_path / "news.uk.txt"
    article.write_text("Київ — столиця України.\n\nДругий абзац, без табуляцій.\n", "utf-8")
    omegat = tmp_path / "glossary.txt"
    omegat.write_text("Київ\tKyiv\tcapital\n", encoding="utf-8")
    assert not is_glossary_path(article)
    assert is_glossary_path(omegat)
    assert not is_glossary_path(tmp_path / "missing.txt")
    # a .tab needs no reading: nothing else uses that suffix
    assert is_glossary_path(tmp_path / "missing.tab")
