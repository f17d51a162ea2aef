"""`python -m app export REVIEW --to FILE`."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from app.cli import main
from app.core.review.file import save_review
from tests.core.review.review_data import make_review, pair_with


def _saved_review(tmp_path: Path) -> Path:
    review = make_review(tmp_path)
    index = pair_with(review, "Mark Rubio")
    review.set_target(index, review.target(index).replace("Mark Rubio", "Marco Rubio"))
    return save_review(review, tmp_path / "geneva.verso")


def test_exports_the_corrected_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    review = _saved_review(tmp_path)
    out = tmp_path / "out.docx"
    assert main(["export", str(review), "--to", str(out)]) == 0
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert len(texts) == 3
    assert "Marco Rubio" in texts[0] and "Mark Rubio" not in texts[0]
    assert "1 pairs edited" in capsys.readouterr().err


def test_original_flag_exports_the_mt(tmp_path: Path) -> None:
    review = _saved_review(tmp_path)
    out = tmp_path / "mt.md"
    assert main(["export", str(review), "--to", str(out), "--original"]) == 0
    assert "Mark Rubio" in out.read_text("utf-8")


def test_one_article_alone_exits_2_saying_what_to_give(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Just an article.\n", "utf-8")
    assert main(["export", str(article), "--to", str(tmp_path / "o.txt")]) == 2
    err = capsys.readouterr().err
    assert "give both the source article and its translation" in err
    assert "Traceback" not in err
    assert not (tmp_path / "o.txt").exists()


def test_unknown_output_format_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    review = _saved_review(tmp_path)
    assert main(["export", str(review), "--to", str(tmp_path / "o.pdf")]) == 2
    assert ".docx" in capsys.readouterr().err


def test_missing_review_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "none.verso"), "--to", str(tmp_path / "o.txt")]) == 2
    assert "none.verso" in capsys.readouterr().err


def test_to_is_required(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["export", str(tmp_path / "r.verso")])
    assert info.value.code == 2
