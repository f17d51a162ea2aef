"""`python -m app check`: the stable JSON shape, the seed article's findings, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from tests.conftest import ROOT, SEEDS, shared_path

UK = str(SEEDS / "geneva-talks.uk.txt")
EN = str(SEEDS / "geneva-talks.en.txt")
GLOSSARY = str(SEEDS / "glossary.tsv")


@pytest.fixture(scope="module")
def seed_report() -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "app", "check", UK, EN, "--glossary", GLOSSARY, "--format", "json"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert out.returncode == 1, out.stderr
    return json.loads(out.stdout)


def _flagged(report: dict, side: str = "target") -> list[str]:
    return [i["text"] for i in report["issues"] if i["side"] == side]


def test_json_has_the_documented_shape(seed_report: dict) -> None:
    assert {"source_lang", "target_lang", "pairs", "issues", "metrics"} <= seed_report.keys()
    assert (seed_report["source_lang"], seed_report["target_lang"]) == ("uk", "en")
    for index, pair in enumerate(seed_report["pairs"]):
        assert pair["index"] == index
        assert {"source", "target"} <= pair.keys()
    for issue in seed_report["issues"]:
        assert {"check", "severity", "pair", "side", "start", "end", "text", "message",
                "suggestion"} <= issue.keys()
        assert issue["severity"] in {"error", "warning", "info"}
        text = seed_report["pairs"][issue["pair"]][issue["side"]]
        assert text[issue["start"]:issue["end"]] == issue["text"]


def test_seed_errors_are_reported(seed_report: dict) -> None:
    flagged = _flagged(seed_report)
    assert "Mark Rubio" in flagged
    assert flagged.count("Kiev") == 2
    assert "Vladimir Zelensky" in flagged
    spacing = [
        i for i in seed_report["issues"] if i["check"] == "spacing-punctuation"
    ]
    before_stop = []
    for issue in spacing:
        target = seed_report["pairs"][issue["pair"]]["target"]
        if target[: issue["end"]].rstrip(" .").endswith("reported"):
            before_stop.append(issue)
    assert len(before_stop) == 2


def test_seed_correct_renderings_are_not_flagged(seed_report: dict) -> None:
    for issue in seed_report["issues"]:
        if issue["side"] != "target":
            continue
        for correct in ("Vladimir Putin", "Putin", "Crimea", "Luhansk", "Donetsk", "Donbas"):
            assert correct not in issue["text"], issue


def test_text_report_is_one_issue_a_line_with_context(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", UK, EN, "--glossary", GLOSSARY])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    rubio = [line for line in out if "[Mark Rubio]" in line]
    assert len(rubio) == 1 and "glossary-forbidden" in rubio[0] and "Marco Rubio" in rubio[0]
    assert out[-1].startswith(f"{len(out) - 1} issues")


def test_clean_translation_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "s.txt"
    tgt = tmp_path / "t.txt"
    src.write_text("Президент України Володимир Зеленський прибув до Києва.\n", encoding="utf-8")
    tgt.write_text("Ukrainian President Volodymyr Zelensky arrived in Kyiv.\n", encoding="utf-8")
    assert main(["check", str(src), str(tgt), "--glossary", GLOSSARY]) == 0
    assert "0 issues" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\xff\xfe\x00" * 200 + bytes(range(256)) * 20, "binary"),
    ],
)
def test_unusable_input_exits_2_with_one_line(tmp_path: Path, content: bytes, reason: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = subprocess.run(
        [sys.executable, "-m", "app", "check", str(bad), EN],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0]
    assert "Traceback" not in out.stderr


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nope.txt"), EN]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_language_override(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", UK, EN, "--source-lang", "ru", "--target-lang", "en", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert report["source_lang"] == "ru"


@pytest.mark.filterwarnings("ignore:.*use of fork.*:DeprecationWarning")
def test_jobs_1_and_the_default_split_give_the_same_json(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import check_cmd
    from app.core.review import split

    monkeypatch.setattr(split, "MIN_WORDS", 0)  # split even the seed article
    monkeypatch.setattr(split, "one_thread", lambda: True)  # earlier tests' threads
    monkeypatch.setattr(split, "usable_cores", lambda: 2)
    monkeypatch.setattr(check_cmd, "free_cores", lambda: 2)
    used: list[int] = []
    run_split = split.run_split

    def spy(groups: list[list[int]], *args: object) -> object:
        used.append(len(groups))
        return run_split(groups, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(split, "run_split", spy)
    outputs = []
    for jobs in ([], ["--jobs", "1"]):
        code = main(["check", UK, EN, "--glossary", GLOSSARY, "--format", "json", *jobs])
        outputs.append((code, capsys.readouterr().out))
    assert used == [2]  # the default split in two; --jobs 1 did not
    assert outputs[0] == outputs[1] and outputs[0][0] == 1
    assert json.loads(outputs[0][1])["issues"]


def test_jobs_0_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", UK, EN, "--jobs", "0"]) == 2
    assert "--jobs" in capsys.readouterr().err


def test_a_real_split_process_writes_the_one_process_json(tmp_path: Path) -> None:
    """`python -m app check` forced to split (--jobs 2) and in one process (--jobs 1):
    the same JSON and exit code, the child leaving a real process with os._exit."""
    uk = shared_path("ntrex-uk-en", "uk.txt").read_text(encoding="utf-8").splitlines()
    en = shared_path("ntrex-uk-en", "en.txt").read_text(encoding="utf-8").splitlines()
    source, target = tmp_path / "a.uk.txt", tmp_path / "a.en.txt"
    source.write_text("\n\n".join(uk[:300]) + "\n", encoding="utf-8")
    target.write_text("\n\n".join(en[:300]) + "\n", encoding="utf-8")
    runs = [
        subprocess.run(
            [sys.executable, "-m", "app", "check", str(source), str(target), "--glossary",
             GLOSSARY, "--format", "json", "--jobs", jobs],
            capture_output=True, text=True, cwd=ROOT, check=False,
        )
        for jobs in ("2", "1")
    ]  # fmt: skip
    assert runs[0].stdout == runs[1].stdout and runs[0].returncode == runs[1].returncode
    assert json.loads(runs[0].stdout)["metrics"]["source_words"] > 4000
    assert runs[0].stderr == runs[1].stderr
