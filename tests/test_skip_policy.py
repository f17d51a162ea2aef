"""A skipped test fails the run while ../shared is present (tests/conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ALLOW_SKIPS, ROOT

SKIPPING = "import pytest\n\ndef test_skips() -> None:\n    pytest.skip('not today')\n"


def _run(tmp_path: Path, shared: Path, **env: str) -> subprocess.CompletedProcess[str]:
    test = tmp_path / "test_skipping.py"
    test.write_text(SKIPPING, encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if k != ALLOW_SKIPS}
    environ.update(env, VERSO_SHARED=str(shared))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "tests.conftest",
         str(test)],
        capture_output=True, text=True, cwd=ROOT, env=environ, check=False,
    )  # fmt: skip


def test_a_skip_fails_the_run_when_the_shared_data_is_there(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    (shared / "data").mkdir(parents=True)
    result = _run(tmp_path, shared)
    assert result.returncode == 1, result.stdout
    assert "skipped although" in result.stdout and "not today" in result.stdout


def test_a_skip_is_allowed_without_the_shared_data_or_when_asked(tmp_path: Path) -> None:
    assert _run(tmp_path, tmp_path / "no-shared").returncode == 0
    shared = tmp_path / "shared"
    (shared / "data").mkdir(parents=True)
    assert _run(tmp_path, shared, **{ALLOW_SKIPS: "1"}).returncode == 0
