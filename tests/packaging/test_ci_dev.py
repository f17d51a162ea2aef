"""`.ci/dev`'s check for Qt's system libraries never reports an installed library missing."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

LIBS = (
    "libEGL.so.1 libGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libdbus-1.so.3 "
    "libxcb-cursor.so.0 libxkbcommon-x11.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1"
).split()


def function_text() -> str:
    script = (ROOT / ".ci" / "dev").read_text(encoding="utf-8")
    found = re.search(r"^need_system_libs\(\) \{\n.*?^\}\n", script, flags=re.S | re.M)
    assert found, "need_system_libs is gone from .ci/dev"
    return found.group(0)


def test_a_long_ldconfig_listing_is_not_a_missing_library(tmp_path: Path) -> None:
    # A cache listing far longer than a pipe buffer, the libraries first: `ldconfig -p |
    # grep -q` under pipefail would see ldconfig die of SIGPIPE and call them missing.
    fake = tmp_path / "ldconfig"
    lines = "".join(f"\t{lib} (libc6,x86-64) => /usr/lib/{lib}\n" for lib in LIBS)
    filler = tmp_path / "filler.txt"
    filler.write_text("\tlibfiller.so.0 (libc6,x86-64) => /usr/lib/libfiller.so.0\n" * 20000)
    fake.write_text(f"#!/bin/sh\nprintf '%s' '{lines}'\ncat {filler}\n", encoding="utf-8")
    fake.chmod(0o755)
    script = f"set -euo pipefail\n{function_text()}\nneed_system_libs\necho done\n"
    env = dict(os.environ, PATH=f"{tmp_path}:{os.environ['PATH']}")
    run = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True,
                         timeout=60, check=False)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "done"
    assert "warning" not in run.stderr and "installing" not in run.stderr, run.stderr


def fake_checkout(tmp_path: Path, check_exit: int) -> tuple[Path, dict[str, str]]:
    """A copy of .ci/dev beside a set-up .venv whose python prints a report and exits
    `check_exit`, and an ldconfig that lists every library (so nothing gets installed)."""
    repo = tmp_path / "repo"
    (repo / ".ci").mkdir(parents=True)
    shutil.copy2(ROOT / ".ci" / "dev", repo / ".ci" / "dev")
    shutil.copy2(ROOT / "pyproject.toml", repo / "pyproject.toml")
    venv_bin = repo / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    python = venv_bin / "python"
    python.write_text(f'#!/bin/sh\necho "report of $*"\nexit {check_exit}\n', encoding="utf-8")
    python.chmod(0o755)
    stamp = hashlib.sha256((repo / "pyproject.toml").read_bytes()).hexdigest()
    (repo / ".venv" / ".verso-installed").write_text(stamp + "\n", encoding="utf-8")
    tools = tmp_path / "tools"
    tools.mkdir()
    listing = "".join(f"\t{lib} (libc6,x86-64) => /usr/lib/{lib}\\n" for lib in LIBS)
    (tools / "ldconfig").write_text(f"#!/bin/sh\nprintf '{listing}'\n", encoding="utf-8")
    (tools / "ldconfig").chmod(0o755)
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    env["PATH"] = f"{tools}:{env['PATH']}"
    return repo, env


@pytest.mark.parametrize(("check_exit", "expected"), [(0, 0), (1, 0), (2, 2)])
def test_start_without_a_display_prints_the_report_and_exits_0_when_it_did(
    tmp_path: Path, check_exit: int, expected: int
) -> None:
    repo, env = fake_checkout(tmp_path, check_exit)
    run = subprocess.run(["bash", ".ci/dev", "start"], cwd=repo, env=env, capture_output=True,
                         text=True, timeout=60, check=False)  # fmt: skip
    assert run.returncode == expected, run.stderr
    assert run.stdout.startswith("report of -m app check seeds/geneva-talks.uk.txt")
    assert "No display found" in run.stderr
