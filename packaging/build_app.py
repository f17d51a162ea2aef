"""Build Verso as a standalone application with PyInstaller (no Python needed to run it).

    python packaging/build_app.py [--dist DIR] [--work DIR] [--onefile]

Produces DIST/verso/ (a folder with the `verso` program and its libraries; `--onefile`: one
file DIST/verso) carrying the icon, desktop entry, metainfo and starter glossary of
resources/ as app/resources, as the wheel does. The same command builds on Windows and
macOS (run it there: PyInstaller does not cross-compile); there the program is windowed and
takes its icon from resources/icons (PNG converted by Pillow: `pip install pillow`).
The result runs `verso check ...`, `verso --version` and opens the window like the wheel's
command; packaging/smoke_test.py checks a build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "verso"

# Packages that find their data or plug-ins at run time (entry points, data folders)
# and so need more than the imports PyInstaller sees.
COLLECT_DATA = (
    "pymorphy3",
    "pymorphy3_dicts_uk",
    "pymorphy3_dicts_ru",
    "langdetect",
    "docx",
    "translate",
    "sacrebleu",
)
COPY_METADATA = (
    "verso",
    "pymorphy3",
    "pymorphy3-dicts-uk",
    "pymorphy3-dicts-ru",
    "translate-toolkit",
    "keyring",
)
HIDDEN_IMPORTS = ("pymorphy3_dicts_uk", "pymorphy3_dicts_ru", "pymorphy3.units")
# Qt modules Verso never uses: leaving them out saves tens of MB.
EXCLUDES = (
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtPdf",
    "PySide6.QtOpenGL",
    "PySide6.QtDBus",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtConcurrent",
    "PySide6.QtXml",
    "tkinter",
    "IPython",
    "pytest",
    "hypothesis",
    "mypy",
)


def pyinstaller_args(dist: Path, work: Path, onefile: bool) -> list[str]:
    sep = os.pathsep
    args = [
        str(ROOT / "packaging" / "verso_entry.py"),
        "--name",
        NAME,
        "--noconfirm",
        "--clean",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--specpath",
        str(work),
        "--paths",
        str(ROOT),
        "--collect-submodules",
        "app",  # the CLI loads its subcommands by name
        "--add-data",
        f"{ROOT / 'resources'}{sep}app/resources",
        "--onefile" if onefile else "--onedir",
    ]
    for package in COLLECT_DATA:
        args += ["--collect-data", package]
    for dist_name in COPY_METADATA:
        args += ["--copy-metadata", dist_name]
    for module in HIDDEN_IMPORTS:
        args += ["--hidden-import", module]
    for module in EXCLUDES:
        args += ["--exclude-module", module]
    if sys.platform == "win32":
        args += ["--windowed", "--icon", str(ROOT / "resources" / "icons" / "verso-256.png")]
    elif sys.platform == "darwin":
        args += [
            "--windowed",
            "--icon",
            str(ROOT / "resources" / "icons" / "verso-512.png"),
            "--osx-bundle-identifier",
            "org.verso.Verso",
        ]
    return args


def folder_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument(
        "--work",
        type=Path,
        default=ROOT / "build" / "pyinstaller",
        help="PyInstaller's work folder",
    )
    parser.add_argument("--onefile", action="store_true", help="one file instead of a folder")
    args = parser.parse_args(argv)
    try:
        import PyInstaller.__main__
    except ImportError:
        print("error: PyInstaller is not installed (pip install pyinstaller)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    PyInstaller.__main__.run(pyinstaller_args(args.dist, args.work, args.onefile))
    built = args.dist / NAME
    if not args.onefile:
        # The desktop entry and icon beside the program, for installing into a desktop.
        shutil.copy2(ROOT / "resources" / "desktop" / "org.verso.Verso.desktop", built)
        shutil.copy2(ROOT / "resources" / "icons" / "verso-256.png", built / "org.verso.Verso.png")
    elapsed = time.perf_counter() - started
    print(f"built {built} in {elapsed:.0f} s, {folder_size(built) / 1e6:.0f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
