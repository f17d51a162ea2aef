"""The wheel an editor's `pip install` gets: every package, the resources, a `verso` command.

The wheel is built from a copy of the checkout (no build isolation: setuptools of the test
extra), installed without dependencies into a fresh virtual environment outside the repo
whose dependencies come from this environment's site-packages, and run from a folder that
holds no `app` package, so only what the wheel carries is found.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

RESOURCE_FILES = (
    "app/resources/icons/verso.svg",
    *(f"app/resources/icons/verso-{size}.png" for size in (16, 24, 32, 48, 64, 128, 256, 512)),
    "app/resources/desktop/org.verso.Verso.desktop",
    "app/resources/desktop/org.verso.Verso.metainfo.xml",
    "app/resources/glossary/starter.tsv",
)


def build_wheel(out: Path) -> Path:
    src = out / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("app", "resources"):
        shutil.copytree(ROOT / folder, src / folder, ignore=ignore)
    run = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "-q", "-w", str(out), str(src)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    (wheel,) = out.glob("verso-*.whl")
    return wheel


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh venv with the wheel installed; yields its bin folder."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)  # fmt: skip
    python = venv / "bin" / "python"
    run = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
         "--no-index", str(wheel)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    # The dependencies (PySide6, pymorphy3, ...) from this environment, after the wheel.
    (Path(purelib) / "deps.pth").write_text(
        "\n".join(site.getsitepackages()) + "\n", encoding="utf-8"
    )
    yield venv / "bin"


def verso(
    bin_dir: Path, cwd: Path, *args: str, display: bool = False
) -> subprocess.CompletedProcess[str]:
    dropped = ("PYTHONPATH", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    if display:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([str(bin_dir / "verso"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip


def test_the_wheel_carries_every_package_and_the_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "app").rglob("*.py")}
    assert modules - names == set(), "packages missing from [tool.setuptools] packages"
    assert set(RESOURCE_FILES) - names == set()
    shipped = {p.relative_to(ROOT / "resources").as_posix()
               for p in (ROOT / "resources").rglob("*") if p.is_file()}  # fmt: skip
    assert {f"app/resources/{name}" for name in shipped} <= names, "a resources/ file is left out"
    assert not any(name.startswith(("tests/", "bench/", "seeds/")) for name in names)


def test_the_installed_command_runs_from_outside_the_repo(installed: Path, tmp_path: Path) -> None:
    version = verso(installed, tmp_path, "--version")
    assert version.returncode == 0 and version.stdout.strip() == "verso 0.1.0"
    help_text = verso(installed, tmp_path, "--help").stdout
    assert help_text.startswith("usage: verso ")
    where = subprocess.run(
        [str(installed / "python"), "-c", "import app, app.assets; print(app.__file__);"
         "print(app.assets.starter_glossary())"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert all(str(installed.parent) in line for line in where), where


def test_check_with_the_bundled_starter_glossary(installed: Path, tmp_path: Path) -> None:
    source, target = SEEDS / "geneva-talks.uk.txt", SEEDS / "geneva-talks.en.txt"
    run = verso(installed, tmp_path, "check", str(source), str(target), "--glossary", "starter",
                "--format", "json")  # fmt: skip
    assert run.returncode == 1, run.stderr  # the sample has errors
    assert '"glossary-forbidden"' in run.stdout  # the starter glossary was used (Kiev)


def test_the_window_without_a_display_is_one_line_and_exit_2(
    installed: Path, tmp_path: Path
) -> None:
    run = verso(installed, tmp_path)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "display" in run.stderr and "xvfb-run" in run.stderr
    module = subprocess.run([str(installed / "python"), "-m", "app"], cwd=tmp_path,
                            env={"PATH": os.environ["PATH"], "HOME": str(tmp_path)},
                            capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    assert module.returncode == 2 and module.stderr.count("\n") == 1, module.stderr
