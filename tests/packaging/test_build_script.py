"""The standalone build's recipe (packaging/build_app.py): what the smoke test relies on.

Building takes minutes, so CI checks the recipe; packaging/smoke_test.py checks a build
(README: "A standalone application")."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_carries_the_resources_and_every_subcommand(tmp_path: Path) -> None:
    build = load("build_app")
    args = build.pyinstaller_args(tmp_path / "dist", tmp_path / "work", onefile=False)
    assert Path(args[0]).is_file() and args[0].endswith("verso_entry.py")
    data = args[args.index("--add-data") + 1]
    assert data == f"{ROOT / 'resources'}{os.pathsep}app/resources"  # as in the wheel
    assert args[args.index("--collect-submodules") + 1] == "app"
    for dist_name in ("pymorphy3-dicts-uk", "pymorphy3-dicts-ru", "verso"):
        assert dist_name in args  # found through package metadata at run time
    assert "--onedir" in args and "--onefile" not in args


def test_windows_and_macos_builds_are_windowed_with_the_icon(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = load("build_app")
    for platform in ("win32", "darwin"):
        monkeypatch.setattr(sys, "platform", platform)
        args = build.pyinstaller_args(tmp_path, tmp_path, onefile=True)
        assert "--windowed" in args and "--onefile" in args
        assert Path(args[args.index("--icon") + 1]).is_file()


def test_the_smoke_test_refuses_a_missing_build(tmp_path: Path) -> None:
    smoke = load("smoke_test")
    assert smoke.main([str(tmp_path / "nothing")]) == 2
