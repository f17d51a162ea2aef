"""Full, read-only and vanished disks; kills during exports: old file or new, never half.

Disk failures are simulated by monkeypatching the OS calls atomic.py makes, so the
tests behave the same for root and for any file system.
"""

from __future__ import annotations

import ast
import errno
import os
import random
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from app.core.files.atomic import remove_stale_temps
from app.core.files.bilingual import read_bilingual
from app.core.files.bilingual_write import write_bilingual
from app.core.glossary.io import load_glossary, save_glossary
from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.model.document import Pair
from app.core.model.errors import OutputError
from app.core.outputs.export import export_article
from app.core.outputs.report import ReportData, write_report
from app.core.review.file import load_review, save_review
from app.core.review.model import Review

ROOT = Path(__file__).resolve().parents[2]
PAIRS = [Pair(0, "Київ заявив.", "Kyiv said.", 0), Pair(1, "Марко Рубіо.", "Marco Rubio.", 1)]


def _glossary() -> Glossary:
    return Glossary(entries=[GlossaryEntry("Київ", ("Kyiv",), ("Kiev",), "house style")])


Writer = Callable[[Path, int], object]


def _review(path: Path, n: int) -> None:
    save_review(Review.from_pairs([Pair(0, "а", f"version {n}", 0)], "uk", "en"), path)


def _gloss(path: Path, n: int) -> None:
    save_glossary(
        Glossary(entries=[GlossaryEntry("Київ", (f"Kyiv{n}",), ("Kiev",), "")]), path
    )


def _report(path: Path, n: int) -> None:
    write_report(path, ReportData(f"t{n}", "uk", "en", PAIRS))


WRITERS: dict[str, tuple[str, Writer]] = {
    "review": ("r.verso", _review),
    "glossary": ("g.tsv", _gloss),
    "export-txt": ("a.txt", lambda p, n: export_article([f"v{n}"], p)),
    "export-docx": ("a.docx", lambda p, n: export_article([f"v{n}"], p)),
    "export-html": ("a.html", lambda p, n: export_article([f"v{n}"], p)),
    "xliff": ("a.xlf", lambda p, n: write_bilingual(p, PAIRS, "uk", "en")),
    "tmx": ("a.tmx", lambda p, n: write_bilingual(p, PAIRS, "uk", "en")),
    "report": ("q.html", lambda p, n: _report(p, n)),
}


def _fail_with(code: int) -> Callable[..., None]:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.parametrize("kind", sorted(WRITERS))
@pytest.mark.parametrize(
    ("call", "code", "words"),
    [
        ("fsync", errno.ENOSPC, "disk is full"),
        ("replace", errno.EROFS, "read-only"),
        ("replace", errno.EIO, "cannot be written"),
    ],
)
def test_failed_write_keeps_the_old_file_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, call: str, code: int, words: str
) -> None:
    name, write = WRITERS[kind]
    path = tmp_path / name
    write(path, 1)
    before = path.read_bytes()
    monkeypatch.setattr(f"app.core.files.atomic.os.{call}", _fail_with(code))
    with pytest.raises(OutputError) as err:
        write(path, 2)
    monkeypatch.undo()
    message = str(err.value)
    assert str(path) in message and words in message and "\n" not in message
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [name], "no temp file left behind"


def test_read_only_folder_refuses_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.core.files.atomic.tempfile.mkstemp", _fail_with(errno.EACCES))
    with pytest.raises(OutputError, match="save somewhere else"):
        _review(tmp_path / "r.verso", 1)
    assert not (tmp_path / "r.verso").exists()


def test_vanished_folder_says_the_drive_may_be_disconnected(tmp_path: Path) -> None:
    gone = tmp_path / "share"
    with pytest.raises(OutputError, match="network drive"):
        _gloss(gone / "g.tsv", 1)


def test_stale_temps_are_removed_only_when_old(tmp_path: Path) -> None:
    target = tmp_path / "g[1].tsv"  # glob metacharacters in the name
    old, new = tmp_path / ".g[1].tsv.a1.tmp", tmp_path / ".g[1].tsv.b2.tmp"
    other = tmp_path / ".other.tsv.c3.tmp"
    for f in (old, new, other):
        f.write_bytes(b"x")
    past = time.time() - 600
    os.utime(old, (past, past))
    os.utime(other, (past, past))
    assert remove_stale_temps(target) == 1
    assert not old.exists() and new.exists() and other.exists()
    assert remove_stale_temps(tmp_path / "missing" / "x.tsv") == 0


# --- every write goes through atomic.py --------------------------------------------------

_RAW_WRITES = {"write_text", "write_bytes"}


def test_no_module_writes_files_except_through_atomic() -> None:
    """Static guard: no open(..., 'w'), Path.write_text/bytes or .save(path) of a foreign lib."""
    offenders: list[str] = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        if path.name == "atomic.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if name in _RAW_WRITES:
                offenders.append(where)
            at = 0 if isinstance(func, ast.Attribute) else 1  # path.open(mode), open(path, mode)
            modes = [*node.args[at : at + 1], *(k.value for k in node.keywords if k.arg == "mode")]
            if name == "open" and any(  # the mode, not e.g. encoding="ascii"
                isinstance(a, ast.Constant) and isinstance(a.value, str)
                and bool(set(a.value) & set("wax+"))
                for a in modes
            ):
                offenders.append(where)
    assert offenders == []


# --- kills during exports ---------------------------------------------------------------

CHILD = """
import sys
from pathlib import Path
from tests.robustness.test_disk_failures import WRITERS
folder = Path(sys.argv[1])
print("ready", flush=True)
n = 0
while True:
    n += 1
    for name, write in WRITERS.values():
        write(folder / name, n)
"""


def _readable(path: Path) -> None:
    if path.suffix == ".verso":
        load_review(path)
    elif path.suffix == ".tsv":
        assert len(load_glossary(path)) == 1
    elif path.suffix in (".xlf", ".tmx"):
        assert len(read_bilingual(path).pairs) == 2
    elif path.suffix == ".docx":
        import docx

        assert docx.Document(str(path)).paragraphs
    else:
        text = path.read_text(encoding="utf-8-sig").strip()
        if path.suffix == ".html":
            assert text.endswith("</html>"), text[-80:]
        else:
            assert re.fullmatch(r"v\d+", text), text


def test_kill_during_exports_leaves_every_file_readable(tmp_path: Path) -> None:
    kills = int(os.environ.get("VERSO_KILL_LOOPS", "20"))  # 100 run by hand: see the report
    for name, write in WRITERS.values():
        write(tmp_path / name, 0)
    rng = random.Random(11)
    for _ in range(kills):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(tmp_path)],
            stdout=subprocess.PIPE, text=True, cwd=ROOT,
        )  # fmt: skip
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.05))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        child.stdout.close()
        for name in (n for n, _ in WRITERS.values()):
            _readable(tmp_path / name)
    remove_stale_temps(tmp_path / "r.verso", older_than=0)
