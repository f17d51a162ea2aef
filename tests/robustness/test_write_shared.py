"""Issue 16 items 2 and 3 through the CLI: a glossary behind a symbolic link gets the
entry (the link stays), a read-only glossary is refused with one line, and every file a
command creates is readable by colleagues (the umask's mode)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from app.core.glossary.io import load_glossary
from tests.conftest import ROOT


def _verso(*args: str, umask: int = 0o022) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", f"import os, runpy, sys; os.umask({umask}); sys.argv = "
         f"['app', *sys.argv[1:]]; runpy.run_module('app', run_name='__main__')", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_add_through_a_symlink_reaches_the_shared_file(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    real = share / "team.tsv"
    real.write_text("source\ttarget\tforbidden\tnote\nОдеса\tOdesa\tOdessa\t\n", encoding="utf-8")
    real.chmod(0o664)
    link = tmp_path / "glossary.tsv"
    link.symlink_to(real)
    out = _verso("glossary", "add", str(link), "Київ", "Kyiv", "--forbidden", "Kiev")
    assert out.returncode == 0, out.stderr
    assert link.is_symlink()
    assert [e.source for e in load_glossary(real).entries] == ["Одеса", "Київ"]
    assert stat.S_IMODE(real.stat().st_mode) == 0o664
    assert sorted(p.name for p in share.iterdir()) == ["team.tsv"]


def test_add_to_a_read_only_glossary_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "team.tsv"
    path.write_text("source\ttarget\nОдеса\tOdesa\n", encoding="utf-8")
    path.chmod(0o444)
    before = path.read_bytes()
    out = _verso("glossary", "add", str(path), "Київ", "Kyiv")
    assert out.returncode == 2 and "read-only" in out.stderr
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == 0o444


def test_new_glossaries_and_exports_follow_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "team.tsv"
    assert _verso("glossary", "add", str(path), "Київ", "Kyiv").returncode == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    for name in ("team.csv", "team.tbx", "team.utf8"):
        assert _verso("glossary", "export", str(path), str(tmp_path / name)).returncode == 0
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644
    group = tmp_path / "group.tsv"
    assert _verso("glossary", "add", str(group), "Київ", "Kyiv", umask=0o002).returncode == 0
    assert stat.S_IMODE(group.stat().st_mode) == 0o664
    lock = Path(f"{group}.lock")
    assert not lock.exists() and os.access(group, os.R_OK)
