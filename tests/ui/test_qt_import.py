"""PySide6's embedded support files come from a code cache after the first launch, and
nothing else is compiled differently (issue 12, item 6)."""

from __future__ import annotations

import builtins
import os
import subprocess
import sys
import types
from collections.abc import Callable
from pathlib import Path

from app.ui.qt_import import FOLDER, cached_compile
from tests.conftest import ROOT, SEEDS

SOURCE = (
    b"from __future__ import annotations\nVALUE = 6 * 7\n"
    b"def f(x: int) -> int:\n    return x + VALUE\n"
)


def _counting(calls: list[str]) -> Callable[..., object]:
    """The real compile, noting each file name it is asked for."""

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(str(args[1]))
        return builtins.compile(*args, **kwargs)  # type: ignore[call-overload]

    return counting


def _run(code: object) -> dict[str, object]:
    assert isinstance(code, types.CodeType)
    space: dict[str, object] = {}
    exec(code, space)  # the code object under test
    return space


def test_an_embedded_file_is_compiled_once_then_read_from_the_cache(tmp_path: Path) -> None:
    calls: list[str] = []
    counting = _counting(calls)
    compile_ = cached_compile(counting, tmp_path)
    first = compile_(SOURCE, "shibokensupport/signature/x.py", "exec")
    second = compile_(SOURCE, "shibokensupport/signature/x.py", "exec")
    assert calls == ["shibokensupport/signature/x.py"]  # the second came from the cache
    assert len(list(tmp_path.iterdir())) == 1
    assert second.co_filename == first.co_filename == "shibokensupport/signature/x.py"
    assert _run(second)["VALUE"] == _run(first)["VALUE"] == 42
    changed = SOURCE.replace(b"6 * 7", b"6 * 8")  # other bytes: another entry, compiled
    assert _run(compile_(changed, "shibokensupport/signature/x.py", "exec"))["VALUE"] == 48
    assert len(calls) == 2


def test_other_compiles_and_unreadable_entries_go_to_the_real_compile(tmp_path: Path) -> None:
    calls: list[str] = []
    counting = _counting(calls)
    compile_ = cached_compile(counting, tmp_path)
    for _ in range(2):
        compile_(SOURCE, "mine.py", "exec")
        compile_("1 + 1", "shibokensupport/e.py", "eval")
    assert calls == ["mine.py", "shibokensupport/e.py"] * 2 and not list(tmp_path.iterdir())
    compile_(SOURCE, "shibokensupport/y.py", "exec")
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(b"not marshal data")
    assert _run(compile_(SOURCE, "shibokensupport/y.py", "exec"))["VALUE"] == 42
    assert calls[-2:] == ["shibokensupport/y.py"] * 2  # compiled again, entry rewritten
    compile_(SOURCE, "shibokensupport/y.py", "exec")
    assert len(calls) == 6  # read from the rewritten entry
    (entry,) = tmp_path.iterdir()
    entry.chmod(0o666)  # anyone could have written it: never run, compiled instead
    compile_(SOURCE, "shibokensupport/y.py", "exec")
    assert len(calls) == 7
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    assert _run(cached_compile(counting, blocked)(SOURCE, "shibokensupport/z.py", "exec"))


def test_the_window_launch_fills_the_cache_and_uses_it(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", VERSO_CACHE_DIR=str(tmp_path / "cache"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_STATE_HOME=str(tmp_path / "state"))
    cmd = [sys.executable, "-m", "app", "open", str(SEEDS / "geneva-talks.uk.txt"),
           str(SEEDS / "geneva-talks.en.txt"), "--quit-after-check"]
    for _ in range(2):
        run = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        assert "checked window ready" in run.stderr
        entries = sorted(p.name for p in (tmp_path / "cache" / FOLDER).iterdir())
        assert any(name.startswith("shibokensupport_signature_loader-") for name in entries)
