"""The bad-input corpus (bad_corpus.py makes every file on the spot) through every
command: check (text and JSON), open, export, report, metrics and each glossary
command. Each command must end within 10 s with exit 0, 1 or 2 and never a
traceback; a refusal is one line naming the file. The commands of one role run in
one subprocess boxed to 2 GB of address space (RLIMIT_AS), so a command that tries
to hold /dev/zero or a 1M-line glossary in memory fails the test, not the machine.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.robustness.bad_corpus import Bad, build, commands, good_files
from tests.robustness.conftest import MEMORY_LIMIT, ROOT, TIME_LIMIT, _limit_memory

ROLES = ("article", "bilingual", "review", "glossary")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Bad], Path]:
    folder = tmp_path_factory.mktemp("corpus")
    return build(folder / "bad"), folder


def _run_batch(batch: list[list[str]]) -> list[dict[str, object]]:
    proc = subprocess.run(
        [sys.executable, "-m", "tests.robustness.bad_corpus", "batch"],
        input=json.dumps(batch).encode(),
        cwd=ROOT,
        capture_output=True,
        timeout=TIME_LIMIT * len(batch) + 30,
        preexec_fn=_limit_memory,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "VERSO_NO_GLOSSARY_CACHE": "1"},
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-3000:]
    results: list[dict[str, object]] = json.loads(proc.stdout.decode().splitlines()[-1])
    return results


@pytest.mark.parametrize("role", ROLES)
def test_every_bad_file_through_every_command(
    corpus: tuple[list[Bad], Path], role: str
) -> None:
    bads, folder = corpus
    good = good_files(folder / f"good-{role}")
    batch: list[list[str]] = []
    owners: list[Bad] = []
    for bad in (b for b in bads if b.role == role):
        for args in commands(bad, good):
            batch.append(args)
            owners.append(bad)
    assert batch
    problems: list[str] = []
    for bad, result in zip(owners, _run_batch(batch), strict=True):
        where = f"{bad.name}: {' '.join(str(a) for a in result['args'][:2])}"  # type: ignore[index]
        err = str(result["stderr"])
        if result["code"] not in (0, 1, 2) or "Traceback" in err:
            problems.append(f"{where}: exit {result['code']} {err[-300:]}")
        if float(result["seconds"]) > TIME_LIMIT:  # type: ignore[arg-type]
            problems.append(f"{where}: {result['seconds']} s")
        if result["code"] == 2 and str(bad.path) in err:
            error_lines = [ln for ln in err.splitlines() if ln.startswith("error:")]
            if len(error_lines) != 1:
                problems.append(f"{where}: {len(error_lines)} error lines")
        regular = stat.S_ISREG(os.stat(bad.path).st_mode)
        stored_only = result["args"][0] == "export" and role == "glossary"  # type: ignore[index]
        if not regular or (bad.name.startswith("sparse") and not stored_only):
            # devices, FIFOs, sockets, 100 MB files: refused, naming the file (or, for a
            # link to /dev/zero, the device it leads to)
            named = bad.path.name in err or os.path.realpath(bad.path) in err
            if result["code"] != 2 or not named:
                problems.append(f"{where}: not refused: exit {result['code']} {err[-200:]}")
    assert not problems, "\n".join(problems)
    assert MEMORY_LIMIT == 2 * 1024**3


def test_ansi_and_osc_sequences_never_reach_the_terminal(
    corpus: tuple[list[Bad], Path],
) -> None:
    bads, folder = corpus
    ansi = next(b for b in bads if b.name == "ansi-osc.txt")
    good = good_files(folder / "good-ansi")
    results = _run_batch([
        ["check", str(ansi.path), str(good.target), "--source-lang", "uk", "--target-lang", "en"],
        ["check", str(ansi.path), str(good.target), "--format", "json"],
        ["metrics", str(ansi.path), str(ansi.path)],
    ])  # fmt: skip
    text, as_json, metrics = results
    assert metrics["code"] == 0, metrics
    assert text["code"] in (0, 1) and as_json["code"] in (0, 1), results
    for result in results:
        for stream in (str(result["stdout"]), str(result["stderr"])):
            assert "\x1b" not in stream and "\x9b" not in stream and "\x07" not in stream
    sources = [p["source"] for p in json.loads(str(as_json["stdout"]))["pairs"]]
    assert any("\x1b[31mKiev" in s for s in sources)  # the JSON value is unchanged
