"""Refresh the interface translations: sources (.ts) from the code, then .qm.

    .venv/bin/python tools/update_translations.py          # lupdate + lrelease
    .venv/bin/python tools/update_translations.py --check  # fail if a .ts is stale

Idempotent: lupdate merges into the existing .ts files, keeping every
translation already written, so it is safe to run after any merge. Strings no
longer in the code are kept as "vanished" (with their translation: when a merge
brings the string back, it is translated at once); --prune drops them. Uses pyside6-lupdate and
pyside6-lrelease from the same virtual environment as this Python.

To add a language: add its code to LANGUAGES, run the script, translate the new
resources/translations/verso_<code>.ts in Qt Linguist (pyside6-linguist) or an
editor, run the script again, and add the code to app/ui/i18n.py SUPPORTED.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "app" / "ui"
OUT = ROOT / "resources" / "translations"
CATALOGUE = "verso"
LANGUAGES = ("uk",)


def tool(name: str) -> str:
    """pyside6-<name> next to this interpreter (the venv), else on PATH."""
    local = Path(sys.executable).parent / f"pyside6-{name}"
    if local.exists():
        return str(local)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        sys.exit(f"error: pyside6-{name} not found (install PySide6 in this environment)")
    return found


def sources() -> list[str]:
    return [*sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py")), core_strings()]


def core_strings() -> str:
    """A generated (never committed) file declaring the check texts that live in app.core,
    which cannot import Qt: each check's description and help, in context "CheckHelp"
    (app/ui/help.py translates them on display). Rewritten on every run, so a changed
    description simply becomes a new string to translate."""
    sys.path.insert(0, str(ROOT))
    from app.core.checks.registry import CHECK_CLASSES, OPTIONAL_CHECK_CLASSES

    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    for cls in (*CHECK_CLASSES, *OPTIONAL_CHECK_CLASSES):
        for text in (cls.description, cls.help):
            if text:
                lines.append(f"QT_TRANSLATE_NOOP({'CheckHelp'!r}, {text!r})")
    handle, name = tempfile.mkstemp(prefix="verso_core_strings_", suffix=".py")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    _generated.append(Path(name))
    return name


_generated: list[Path] = []  # removed when main() ends


def lupdate(ts: Path, prune: bool = False) -> None:
    subprocess.run(
        [tool("lupdate"), *(["-no-obsolete"] if prune else []), "-locations", "none",
         "-target-language",
         ts.stem.split("_", 1)[1], *sources(), "-ts", str(ts.relative_to(ROOT))],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def lrelease(ts: Path) -> None:
    qm = ts.with_suffix(".qm")
    subprocess.run(
        [tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True
    )


def main(argv: list[str] | None = None) -> int:
    try:
        return run(argv)
    finally:
        for path in _generated:
            path.unlink(missing_ok=True)


def run(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only report whether the .ts files match the code")
    parser.add_argument("--prune", action="store_true",
                        help="drop translations of strings no longer in the code")  # fmt: skip
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    stale = []
    for language in LANGUAGES:
        ts = OUT / f"{CATALOGUE}_{language}.ts"
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / ts.name
                if ts.exists():
                    shutil.copy(ts, copy)
                before = copy.read_bytes() if copy.exists() else b""
                lupdate_into(copy)
                if copy.read_bytes() != before:
                    stale.append(ts.name)
            continue
        lupdate(ts, prune=args.prune)
        lrelease(ts)
        print(f"{ts.relative_to(ROOT)}: {summary(ts)}")
    if stale:
        print(f"stale: {', '.join(stale)}; run tools/update_translations.py", file=sys.stderr)
        return 1
    return 0


def lupdate_into(ts: Path) -> None:
    """lupdate into a .ts outside the repository (for --check)."""
    subprocess.run(
        [tool("lupdate"), "-locations", "none", "-target-language",
         ts.stem.split("_", 1)[1], *sources(), "-ts", str(ts)],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def summary(ts: Path) -> str:
    text = ts.read_text(encoding="utf-8")
    total = text.count("<message>") + text.count("<message numerus")
    unfinished = text.count('type="unfinished"')
    kept = text.count('type="vanished"') + text.count('type="obsolete"')
    total -= kept
    return (
        f"{total} strings, {total - unfinished} translated, {unfinished} unfinished; "
        f"{kept} kept for strings not in the code (--prune drops them)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
