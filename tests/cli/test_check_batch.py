"""`check --batch DIR`: pairs matched by name, bilingual files, JSON Lines in folder order,
the same findings as one `check` per article, progress on stderr, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.core.files.bilingual_write import write_bilingual
from app.core.model.document import Pair
from app.core.model.errors import InputError
from app.core.review.batch import BatchOptions, check_job, find_jobs, run_batch
from tests.conftest import ROOT, SEEDS

UK = SEEDS / "geneva-talks.uk.txt"
EN = SEEDS / "geneva-talks.en.txt"
GLOSSARY = str(SEEDS / "glossary.tsv")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    shutil.copy(UK, tmp_path / "geneva.uk.txt")
    shutil.copy(EN, tmp_path / "geneva.en.txt")
    (tmp_path / "short.ru.txt").write_text("Премьер-министр прибыл в Киев.\n", encoding="utf-8")
    (tmp_path / "short.en.txt").write_text("The premier arrived in Kiev.\n", encoding="utf-8")
    (tmp_path / "alone.uk.txt").write_text("Текст без перекладу.\n", encoding="utf-8")
    return tmp_path


def test_jobs_are_matched_by_name(folder: Path) -> None:
    shutil.copy(GLOSSARY, folder / "glossary.tsv")  # the team's glossary: not an article
    jobs = {job.name: job for job in find_jobs(folder)}
    assert sorted(jobs) == ["alone", "geneva", "short"]
    assert [Path(p).name for p in jobs["geneva"].paths] == ["geneva.uk.txt", "geneva.en.txt"]
    assert [Path(p).name for p in jobs["short"].paths] == ["short.ru.txt", "short.en.txt"]
    assert jobs["geneva"].problem is None
    assert jobs["alone"].problem is not None and "translation" in jobs["alone"].problem


def test_a_bilingual_file_is_a_job_of_its_own(folder: Path) -> None:
    pairs = [Pair(0, "Зеленський прибув до Києва.", "Zelensky arrived in Kiev.", 0)]
    write_bilingual(folder / "units.xlf", pairs, "uk", "en")
    jobs = {job.name: job for job in find_jobs(folder)}
    assert jobs["units.xlf"].paths == (str(folder / "units.xlf"),)
    result = check_job(jobs["units.xlf"], BatchOptions(glossary=GLOSSARY))
    assert result["exit"] == 1
    assert "Kiev" in [i["text"] for i in result["issues"]]


def test_not_a_folder_or_an_empty_one_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a folder"):
        find_jobs(tmp_path / "missing")
    with pytest.raises(InputError, match="no article"):
        find_jobs(tmp_path)


def test_a_job_finds_what_check_finds(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    job = next(j for j in find_jobs(folder) if j.name == "geneva")
    result = check_job(job, BatchOptions(glossary=GLOSSARY))
    assert main(["check", str(UK), str(EN), "--glossary", GLOSSARY, "--format", "json"]) == 1
    single = json.loads(capsys.readouterr().out)
    assert result["exit"] == 1
    assert result["issues"] == single["issues"]
    assert result["pairs"] == single["pairs"]
    assert "Mark Rubio" in [i["text"] for i in result["issues"]]


def test_results_come_in_folder_order_with_progress(folder: Path) -> None:
    seen: list[tuple[int, str]] = []
    results = list(
        run_batch(find_jobs(folder), BatchOptions(glossary=GLOSSARY), workers=1,
                  on_done=lambda n, r: seen.append((n, r["name"])))
    )  # fmt: skip
    assert [r["name"] for r in results] == ["alone", "geneva", "short"]
    assert seen == [(1, "alone"), (2, "geneva"), (3, "short")]
    assert results[0]["exit"] == 2 and "error" in results[0]
    assert results[2]["source_lang"] == "ru"


def test_cli_batch_on_two_processes(folder: Path) -> None:
    (folder / "alone.uk.txt").unlink()
    proc = subprocess.run(
        [sys.executable, "-m", "app", "check", "--batch", str(folder), "--jobs", "2",
         "--glossary", GLOSSARY],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [line["name"] for line in lines] == ["geneva", "short"]
    assert "Mark Rubio" in [i["text"] for i in lines[0]["issues"]]
    assert "[2/2] short" in proc.stderr


def test_cli_batch_input_errors(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--batch", str(folder / "nowhere")]) == 2
    assert "not a folder" in capsys.readouterr().err
    assert main(["check", "--batch", str(folder), str(UK)]) == 2
    assert "not both" in capsys.readouterr().err
    assert main(["check", "--batch", str(folder), "--checks", "no-such-check"]) == 2
    assert "unknown check" in capsys.readouterr().err
    assert main(["check"]) == 2
    assert "--batch" in capsys.readouterr().err


def test_cli_batch_summary(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    summary = folder.parent / "summary.json"
    args = ["check", "--batch", str(folder), "--jobs", "1", "--glossary", GLOSSARY]
    assert main([*args, "--summary", str(summary)]) == 2  # alone.uk.txt: an input error
    err = capsys.readouterr().err
    data = json.loads(summary.read_text(encoding="utf-8"))
    assert data["articles"] == 3 and data["input_errors"] == 1
    assert [row["name"] for row in data["per_article"]] == ["alone", "geneva", "short"]
    assert data["per_check"]["glossary-forbidden"]["error"] >= 2  # Kiev, Mark Rubio
    assert "3 articles: " in err and "glossary-forbidden" in err
    (folder / "summary-dir").mkdir()
    assert main([*args, "--summary", str(folder / "summary-dir")]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_cli_interrupted_batch(folder: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import batch_output

    def interrupted(*args: object, **kwargs: object) -> Iterator[dict[str, object]]:
        yield {"name": "alone", "exit": 2, "error": "x"}
        raise KeyboardInterrupt

    monkeypatch.setattr(batch_output, "run_batch", interrupted)
    assert main(["check", "--batch", str(folder), "--jobs", "1"]) == 130
    err = capsys.readouterr().err
    assert "interrupted: 1 of 3 articles checked" in err
