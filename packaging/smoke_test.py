"""Smoke test of a standalone build (packaging/build_app.py): the built program, not Python.

    python packaging/smoke_test.py [DIST/verso]

Runs the built `verso`: --version; `check` on the sample with the bundled starter glossary
(must find the sample's errors, exit 1); the same without a display (the window: exit 2 and
one line); and opens the window on the sample under Xvfb (xvfb-run; offscreen Qt when
Xvfb is missing), which must check the article and quit with 0, with a screenshot to prove
it drew. Exit 0 when everything held, 1 otherwise; one line per step.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def program(built: Path) -> Path:
    exe = built / ("verso.exe" if sys.platform == "win32" else "verso")
    return exe if built.is_dir() else built


def run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, env=env, cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    built = Path(args[0]) if args else ROOT / "dist" / "verso"
    exe = program(built)
    if not exe.is_file():
        print(f"error: {exe} does not exist; build it with packaging/build_app.py", file=sys.stderr)
        return 2
    bare = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH")
    }
    sample = [str(SEEDS / "geneva-talks.uk.txt"), str(SEEDS / "geneva-talks.en.txt")]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        bare.update(
            HOME=str(work),
            XDG_STATE_HOME=str(work / "state"),
            XDG_CACHE_HOME=str(work / "cache"),
            XDG_CONFIG_HOME=str(work / "config"),
        )

        def step(name: str, ok: bool, detail: str = "") -> None:
            nonlocal failures
            failures += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail and not ok else ''}")

        version = run([str(exe), "--version"], bare, work)
        step(
            "--version",
            version.returncode == 0 and version.stdout.startswith("verso "),
            version.stdout + version.stderr,
        )
        check = run(
            [str(exe), "check", *sample, "--glossary", "starter", "--format", "json"], bare, work
        )
        step(
            "check with the starter glossary",
            check.returncode == 1 and '"glossary-forbidden"' in check.stdout,
            check.stderr[-2000:],
        )
        headless = run([str(exe)], bare, work)
        step(
            "no display: one line, exit 2",
            headless.returncode == 2 and headless.stderr.count("\n") == 1,
            headless.stderr[-2000:],
        )
        shot = work / "window.png"
        window_cmd = [str(exe), "open", *sample, "--glossary", "starter", "--screenshot", str(shot)]
        if shutil.which("xvfb-run"):
            window = run(["xvfb-run", "-a", "-s", "-screen 0 1280x900x24", *window_cmd], bare, work)
            how = "Xvfb"
        else:
            window = run(window_cmd, dict(bare, QT_QPA_PLATFORM="offscreen"), work)
            how = "offscreen"
        drew = shot.is_file() and shot.stat().st_size > 10_000
        step(
            f"window under {how} checks the sample and draws",
            window.returncode == 0 and drew,
            window.stderr[-2000:],
        )
    print(f"{'passed' if not failures else f'{failures} step(s) failed'}: {exe}")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
