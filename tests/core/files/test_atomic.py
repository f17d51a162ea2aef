"""atomic.py on a shared folder: links followed, mode and owner kept, read-only refused,
new files readable by colleagues (the umask's mode, not mkstemp's 0600)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.files.atomic import (
    current_umask,
    new_file_mode,
    write_bytes_atomic,
    write_text_atomic,
)
from app.core.model.errors import OutputError


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_file_gets_the_umask_mode(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "new.tsv"
    write_bytes_atomic(target, b"x")
    assert _mode(target) == 0o644
    assert current_umask() == 0o022 and new_file_mode() == 0o644


def test_new_file_under_a_group_umask(tmp_path: Path) -> None:
    old = os.umask(0o002)
    try:
        write_bytes_atomic(tmp_path / "g.tsv", b"x")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "g.tsv") == 0o664


def test_existing_file_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "shared.tsv"
    target.write_bytes(b"old")
    target.chmod(0o660)
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new" and _mode(target) == 0o660


def test_symlink_is_followed_and_stays_a_link(tmp_path: Path, umask_022: None) -> None:
    share = tmp_path / "share"
    share.mkdir()
    real = share / "team.tsv"
    real.write_bytes(b"old")
    link = tmp_path / "glossary.tsv"
    link.symlink_to(real)
    write_text_atomic(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == "new"
    assert sorted(p.name for p in share.iterdir()) == ["team.tsv"]


def test_relative_and_chained_links(tmp_path: Path) -> None:
    real = tmp_path / "a" / "real.tsv"
    real.parent.mkdir()
    real.write_bytes(b"old")
    (tmp_path / "hop").symlink_to(Path("a") / "real.tsv")
    (tmp_path / "top").symlink_to("hop")
    write_bytes_atomic(tmp_path / "top", b"new")
    assert real.read_bytes() == b"new" and (tmp_path / "top").is_symlink()


def test_dangling_link_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "g.tsv"
    link.symlink_to(tmp_path / "later.tsv")
    write_bytes_atomic(link, b"x")
    assert link.is_symlink() and (tmp_path / "later.tsv").read_bytes() == b"x"


def test_link_loop_is_one_clear_message(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(OutputError, match="loop of symbolic links"):
        write_bytes_atomic(tmp_path / "a", b"x")


def test_read_only_file_is_refused_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "ro.tsv"
    target.write_bytes(b"theirs")
    target.chmod(0o444)
    with pytest.raises(OutputError, match="read-only") as err:
        write_bytes_atomic(target, b"mine")
    assert "\n" not in str(err.value)
    assert target.read_bytes() == b"theirs" and _mode(target) == 0o444
    assert [p.name for p in tmp_path.iterdir()] == ["ro.tsv"]


def test_read_only_file_behind_a_link_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "ro.tsv"
    real.write_bytes(b"theirs")
    real.chmod(0o444)
    (tmp_path / "l.tsv").symlink_to(real)
    with pytest.raises(OutputError, match="read-only"):
        write_bytes_atomic(tmp_path / "l.tsv", b"mine")
    assert real.read_bytes() == b"theirs"


def test_folder_or_fifo_in_place_of_the_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "d.tsv").mkdir()
    with pytest.raises(OutputError, match="is a folder"):
        write_bytes_atomic(tmp_path / "d.tsv", b"x")
    os.mkfifo(tmp_path / "f.tsv")
    with pytest.raises(OutputError, match="not a regular file"):
        write_bytes_atomic(tmp_path / "f.tsv", b"x")


def test_hard_linked_file_is_written_in_place(tmp_path: Path) -> None:
    target = tmp_path / "g.tsv"
    target.write_bytes(b"old")
    os.link(target, tmp_path / "twin.tsv")
    write_bytes_atomic(target, b"new")
    assert (tmp_path / "twin.tsv").read_bytes() == b"new"
    assert target.stat().st_ino == (tmp_path / "twin.tsv").stat().st_ino
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.tsv", "twin.tsv"]


def test_owner_kept_when_the_os_refuses_chown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another user's group-writable file: we may write it but not give it away, so the
    finished bytes are copied into it (its inode, owner and group stay)."""
    target = tmp_path / "theirs.tsv"
    target.write_bytes(b"old")
    inode = target.stat().st_ino
    real_stat = os.stat

    def foreign_stat(path: object, *a: object, **k: object) -> os.stat_result:
        st = real_stat(path, *a, **k)  # type: ignore[arg-type]
        if str(path) == str(target):
            fields = list(st)
            fields[4] = st.st_uid + 4242  # another user's uid
            return os.stat_result(fields)
        return st

    def refuse(*_: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr("app.core.files.atomic.os.stat", foreign_stat)
    monkeypatch.setattr("app.core.files.atomic.os.chown", refuse)
    write_bytes_atomic(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"new" and target.stat().st_ino == inode
    assert [p.name for p in tmp_path.iterdir()] == ["theirs.tsv"]


def test_owner_and_group_kept(tmp_path: Path) -> None:
    """As root (the CI container) the file is given to another user first; otherwise
    it stays ours, and the owner must still be ours after the save."""
    target = tmp_path / "g.tsv"
    target.write_bytes(b"old")
    owner = (4321, 4321) if os.getuid() == 0 else (os.getuid(), os.getgid())
    os.chown(target, *owner)
    target.chmod(0o664)
    write_bytes_atomic(target, b"new")
    st = target.stat()
    assert (st.st_uid, st.st_gid, _mode(target)) == (*owner, 0o664)
