"""State and cache folders come from platformdirs; autosaves an older Verso left are moved."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from app.core.files import folders
from app.core.review import autosave


def test_linux_follows_xdg_and_ignores_relative_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(folders.CACHE_ENV, raising=False)
    assert folders.state_dir() == tmp_path / "state" / "verso"
    assert folders.cache_dir() == tmp_path / "cache" / "verso"
    monkeypatch.setenv("XDG_STATE_HOME", "relative")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    assert folders.state_dir() == Path.home() / ".local" / "state" / "verso"
    assert folders.cache_dir() == Path.home() / ".cache" / "verso"
    monkeypatch.setenv(folders.CACHE_ENV, str(tmp_path / "mine"))
    assert folders.cache_dir() == tmp_path / "mine"


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_other_platforms_ask_platformdirs(platform: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", platform)
    monkeypatch.delenv(folders.CACHE_ENV, raising=False)
    assert folders.state_dir() == platformdirs.user_state_path("verso", appauthor=False)
    assert folders.cache_dir() == platformdirs.user_cache_path("verso", appauthor=False)


def test_autosaves_of_an_older_verso_are_found_and_moved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    legacy = tmp_path / "home" / ".local" / "state" / "verso"
    (legacy / "autosave").mkdir(parents=True)
    old = legacy / "autosave" / ("a" * 20 + autosave.SUFFIX)
    old.write_text('{"kept": 1}', encoding="utf-8")
    clash = legacy / "autosave" / ("b" * 20 + autosave.SUFFIX)
    clash.write_text('{"old": 1}', encoding="utf-8")
    (legacy / "autosave" / "notes.txt").write_text("not an autosave", encoding="utf-8")
    new_state = tmp_path / "AppData" / "Local" / "verso"
    (new_state / "autosave").mkdir(parents=True)
    newer = new_state / "autosave" / clash.name
    newer.write_text('{"new": 1}', encoding="utf-8")
    monkeypatch.setattr(folders, "legacy_state_dir", lambda: legacy)
    monkeypatch.setattr(folders, "state_dir", lambda: new_state)

    folder = autosave.autosave_dir()
    assert folder == new_state / "autosave"
    assert (folder / old.name).read_text(encoding="utf-8") == '{"kept": 1}' and not old.exists()
    assert newer.read_text(encoding="utf-8") == '{"new": 1}'  # the newer one wins
    assert clash.exists() and (legacy / "autosave" / "notes.txt").exists()  # nothing lost
    assert autosave.adopt_legacy_autosaves(folder, legacy) == []  # once moved, done


def test_same_folder_moves_nothing(tmp_path: Path) -> None:
    state = tmp_path / "verso"
    (state / "autosave").mkdir(parents=True)
    kept = state / "autosave" / ("c" * 20 + autosave.SUFFIX)
    kept.write_text("{}", encoding="utf-8")
    assert autosave.adopt_legacy_autosaves(state / "autosave", state) == []
    assert kept.exists()
