"""Where the English hunspell dictionaries are: Debian's hunspell-en-us / -en-gb folders,
plus the folders named in VERSO_HUNSPELL_PATH. One place for the spelling check (which
loads them with spylls) and the name checks (which read only their proper nouns)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

DICT_DIRS_ENV = "VERSO_HUNSPELL_PATH"  # extra folders to search, os.pathsep-separated
DEFAULT_DIRS = ("/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell")
ENGLISH = ("en_US", "en_GB")


def search_dirs(defaults: Sequence[str]) -> list[Path]:
    """The folders named in VERSO_HUNSPELL_PATH, then `defaults`, in search order."""
    extra = [Path(p) for p in os.environ.get(DICT_DIRS_ENV, "").split(os.pathsep) if p]
    return [*extra, *(Path(d) for d in defaults)]


def dic_files(dirs: Sequence[Path]) -> list[Path]:
    """Each English dictionary's .dic file, from the first folder that has it."""
    found: list[Path] = []
    for name in ENGLISH:
        for folder in dirs:
            path = folder / f"{name}.dic"
            if path.is_file():
                found.append(path)
                break
    return found
