"""The user's folders for Verso's state (autosaves) and cache, per platform (platformdirs).

Linux follows XDG (~/.local/state/verso, ~/.cache/verso; $XDG_STATE_HOME / $XDG_CACHE_HOME
when set to an absolute path, as the spec requires), Windows uses %LOCALAPPDATA%\\verso,
macOS ~/Library/Application Support/verso and ~/Library/Caches/verso.
$VERSO_CACHE_DIR overrides the cache folder (tests, shared machines).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP = "verso"
CACHE_ENV = "VERSO_CACHE_DIR"


def _xdg(var: str, default: Path) -> Path | None:
    """On Linux, the XDG folder ignoring a relative value (platformdirs would take it)."""
    if not sys.platform.startswith("linux"):
        return None
    value = os.environ.get(var, "").strip()
    return Path(value) if value and Path(value).is_absolute() else default


def state_dir() -> Path:
    """Where Verso keeps state that must survive a crash (autosaves)."""
    linux = _xdg("XDG_STATE_HOME", Path.home() / ".local" / "state")
    if linux is not None:
        return linux / APP
    return platformdirs.user_state_path(APP, appauthor=False)


def cache_dir() -> Path:
    """Where Verso keeps what it can rebuild (glossary indexes)."""
    override = os.environ.get(CACHE_ENV, "").strip()
    if override:
        return Path(override)
    linux = _xdg("XDG_CACHE_HOME", Path.home() / ".cache")
    if linux is not None:
        return linux / APP
    return platformdirs.user_cache_path(APP, appauthor=False)


def legacy_state_dir() -> Path:
    """Where Verso 0.1 put state on every platform: the XDG layout, under the home folder."""
    value = os.environ.get("XDG_STATE_HOME", "").strip()
    base = Path(value) if value and Path(value).is_absolute() else Path.home() / ".local" / "state"
    return base / APP
