"""A save re-reads the shared file, but parses it again only when its bytes changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.core.glossary import store as store_module
from app.core.glossary.io import load_glossary, parse_bytes
from app.core.glossary.model import GlossaryEntry
from app.core.glossary.rows import Parsed, Problem
from app.core.glossary.store import GlossaryStore
from app.core.model.errors import OutputError

HEADER = "source\ttarget\tforbidden\tnote\n"


def _entry(source: str, target: str) -> GlossaryEntry:
    return GlossaryEntry(source, (target,))


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The bytes of every parse the store does."""
    seen: list[bytes] = []
    real = parse_bytes

    def counting(data: bytes, fmt: str) -> Parsed:
        seen.append(data)
        return real(data, fmt)

    monkeypatch.setattr(store_module, "parse_bytes", counting)
    return seen


def _team_file(tmp_path: Path) -> Path:
    path = tmp_path / "team.tsv"
    path.write_text(HEADER + "Київ\tKyiv\t\t\nЛьвів\tLviv\t\t\n", encoding="utf-8")
    return path


def test_saves_of_an_unchanged_file_do_not_parse_it_again(
    tmp_path: Path, parses: list[bytes]
) -> None:
    path = _team_file(tmp_path)
    ann = GlossaryStore(path)
    copy = ann.load()
    assert len(parses) == 1
    copy.entries.append(_entry("Одеса", "Odesa"))
    ann.save(copy)
    ann.add(_entry("Харків", "Kharkiv"))
    mine = list(ann.glossary.entries)
    mine[0] = _entry("Київ", "Kyiv city")
    ann.save(mine)
    assert len(parses) == 1  # only load() parsed; each save found its own last write
    on_disk = {e.source: e.targets for e in load_glossary(path)}
    assert on_disk == {
        "Київ": ("Kyiv city",), "Львів": ("Lviv",), "Одеса": ("Odesa",), "Харків": ("Kharkiv",),
    }  # fmt: skip


def test_a_file_another_editor_saved_is_parsed_and_merged(
    tmp_path: Path, parses: list[bytes]
) -> None:
    path = _team_file(tmp_path)
    ann, bob = GlossaryStore(path), GlossaryStore(path)
    ann_copy = ann.load()
    ann.save(ann_copy)  # ann's cache now holds her own write
    bob.add(_entry("Дніпро", "Dnipro"))
    before = len(parses)
    ann_copy = ann.glossary
    ann_copy.entries.append(_entry("Одеса", "Odesa"))
    result = ann.save(ann_copy)
    assert len(parses) == before + 1  # bob's bytes differ: ann parsed them
    sources = [e.source for e in load_glossary(path)]
    assert sources == ["Київ", "Львів", "Дніпро", "Одеса"]
    assert [e.source for e in result.glossary.entries] == sources
    assert result.conflicts == []


def test_same_size_same_mtime_edit_is_still_seen(tmp_path: Path, parses: list[bytes]) -> None:
    path = _team_file(tmp_path)
    ann = GlossaryStore(path)
    ann.load()
    stat = path.stat()
    path.write_bytes(path.read_bytes().replace(b"Kyiv", b"Kyev"))  # same length
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    ann.add(_entry("Одеса", "Odesa"))
    assert len(parses) == 2
    assert {e.source: e.targets for e in load_glossary(path)}["Київ"] == ("Kyev",)


def test_a_failed_write_forgets_what_was_remembered(
    tmp_path: Path, parses: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _team_file(tmp_path)
    ann = GlossaryStore(path)
    ann.load()

    def failing(target: str | Path, data: bytes) -> None:
        raise OutputError(Path(target), "disk full")

    with monkeypatch.context() as patch:
        patch.setattr(store_module, "write_bytes_atomic", failing)
        with pytest.raises(OutputError):
            ann.add(_entry("Одеса", "Odesa"))
    ann.add(_entry("Харків", "Kharkiv"))
    assert len(parses) == 2  # the file was read afresh after the failed write
    assert [e.source for e in load_glossary(path)] == ["Київ", "Львів", "Харків"]


def test_changing_returned_lists_does_not_change_what_is_remembered(
    tmp_path: Path, parses: list[bytes]
) -> None:
    path = _team_file(tmp_path)
    ann = GlossaryStore(path)
    ann.load()
    result = ann.add(_entry("Одеса", "Odesa"))
    result.glossary.entries.clear()
    result.glossary.extra_columns.append("author")
    ann.problems.append(Problem(1, "caller's own note"))
    result = ann.add(_entry("Харків", "Kharkiv"))
    assert len(parses) == 1
    assert [e.source for e in result.glossary.entries] == ["Київ", "Львів", "Одеса", "Харків"]
    assert result.problems == []
    assert [e.source for e in load_glossary(path)] == ["Київ", "Львів", "Одеса", "Харків"]
