"""Test-wide setup: Qt runs offscreen; the shared data folder is found or skipped."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

pytest_plugins = ["tests.pgserver"]  # a real PostgreSQL server, started on demand

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never write caches or autosaves into the real home folder.
_STATE = Path(tempfile.mkdtemp(prefix="verso-tests-"))
os.environ["VERSO_CACHE_DIR"] = str(_STATE / "cache")
os.environ["XDG_STATE_HOME"] = str(_STATE / "state")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("VERSO_SHARED", ROOT.parent / "shared"))
SHARED_DATA = SHARED / "data"


ALLOW_SKIPS = "VERSO_ALLOW_SKIPS"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With ../shared present every test must run: a skip there hides a test that
    cannot fail, so the run fails (VERSO_ALLOW_SKIPS=1 allows it for local work)."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter is not None else []
    if skipped and SHARED_DATA.is_dir() and not os.environ.get(ALLOW_SKIPS):
        if reporter is not None:
            reporter.write_line(
                f"error: {len(skipped)} test(s) skipped although {SHARED_DATA} is present "
                f"(set {ALLOW_SKIPS}=1 to allow it):",
                red=True,
            )
            for report in skipped:
                reporter.write_line(f"  {report.nodeid}: {report.longrepr}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def shared_path(*parts: str) -> Path:
    """A file of ../shared/data, or skip the test with the reason it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not found: {path} (set VERSO_SHARED to the shared folder)")
    return path
