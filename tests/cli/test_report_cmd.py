"""`python -m app report SOURCE MT [EDITED] --to FILE`."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from app.cli import main
from app.core.checks.base import Check, CheckContext
from app.core.model.issues import Issue, Severity, Side


class KievCheck(Check):
    """A stand-in for the glossary check, independent of other engineers' modules."""

    id = "kiev"

    def run(self, pairs, ctx: CheckContext):  # type: ignore[no-untyped-def]
        for pair in pairs:
            at = pair.target.find("Kiev")
            if at >= 0:
                yield Issue(self.id, Severity.ERROR, pair.index, Side.TARGET, at, at + 4,
                            "Kiev", "use Kyiv", "Kyiv")


@pytest.fixture(autouse=True)
def _checks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.core.checks.registry.all_checks", lambda: [KievCheck()])


def write(tmp_path: Path) -> tuple[str, str, str]:
    src, mt, pe = tmp_path / "uk.txt", tmp_path / "mt.txt", tmp_path / "pe.txt"
    src.write_text("Рубіо прибув до Києва.\n\nУ Києві тепло.\n", encoding="utf-8")
    mt.write_text("Rubio arrived in Kiev.\n\nIt is warm in Kiev.\n", encoding="utf-8")
    pe.write_text("Rubio arrived in Kyiv.\n\nIt is warm in Kiev.\n", encoding="utf-8")
    return str(src), str(mt), str(pe)


def test_csv_report_marks_fixed_and_open(tmp_path: Path) -> None:
    src, mt, pe = write(tmp_path)
    out = tmp_path / "qa.csv"
    assert main(["report", src, mt, pe, "--to", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    issues = [r for r in rows if r["record"] == "issue"]
    assert [(r["segment"], r["status"]) for r in issues] == [("1", "fixed"), ("2", "open")]
    (article,) = csv.DictReader(io.StringIO((tmp_path / "qa.article.csv").read_text("utf-8-sig")))
    assert float(article["hter"]) > 0


def test_html_report_without_edited_version(tmp_path: Path) -> None:
    src, mt, _ = write(tmp_path)
    out = tmp_path / "qa.html"
    assert main(["report", src, mt, "--to", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "2 open" in page and "<svg" in page and "Рубіо прибув до Києва." in page


def test_bad_report_name_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, mt, pe = write(tmp_path)
    assert main(["report", src, mt, pe, "--to", str(tmp_path / "qa.pdf")]) == 2
    assert ".html, .csv or .xlsx" in capsys.readouterr().err


def test_excel_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    src, mt, pe = write(tmp_path)
    out = tmp_path / "qa.xlsx"
    assert main(["report", src, mt, pe, "--to", str(out)]) == 0
    assert "wrote XLSX report" in capsys.readouterr().err
    issues = list(load_workbook(out)["Issues"].iter_rows(values_only=True))
    assert [r[4] for r in issues[2:]] == ["fixed", "open"]


def test_csv_report_names_the_tables_beside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, mt, pe = write(tmp_path)
    assert main(["report", src, mt, pe, "--to", str(tmp_path / "qa.csv")]) == 0
    err = capsys.readouterr().err
    for kind in ("checks", "segments", "article", "glossary"):
        assert f"qa.{kind}.csv" in err and (tmp_path / f"qa.{kind}.csv").is_file()
