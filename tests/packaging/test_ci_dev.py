"""`.ci/dev`'s check for Qt's system libraries never reports an installed library missing."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

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


def test_start_without_a_display_exits_0_after_printing_the_report() -> None:
    script = (ROOT / ".ci" / "dev").read_text(encoding="utf-8")
    start = script[script.index("  start)") : script.index("  test)")]
    assert 'exec "$VENV/bin/python" -m app check' not in start  # exit 1 would read as failed
    assert '[ "$status" -le 1 ] && exit 0' in start
