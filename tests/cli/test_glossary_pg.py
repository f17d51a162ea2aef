"""`glossary` commands and `--glossary` with a postgresql:// URL, against a real server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.cli import main
from app.core.glossary.io import load_glossary, save_glossary
from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.glossary.rows import UnwritableValue
from app.core.glossary.rows_write import normal_entry
from tests.conftest import SEEDS
from tests.pgserver import PASSWORD, PgServer

UK, EN = str(SEEDS / "geneva-talks.uk.txt"), str(SEEDS / "geneva-talks.en.txt")
GLOSSARY = SEEDS / "glossary.tsv"
ROOT = Path(__file__).resolve().parents[2]


def test_import_then_export_keeps_the_seed_glossary(tmp_path: Path, pg_url: str) -> None:
    assert main(["glossary", "import", str(GLOSSARY), pg_url]) == 0
    out = tmp_path / "out.tsv"
    assert main(["glossary", "export", pg_url, str(out)]) == 0
    want, got = load_glossary(GLOSSARY), load_glossary(out)
    assert got.entries == want.entries and got.extra_columns == want.extra_columns


def test_add_and_check_take_a_url(pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "add", pg_url, "Київ", "Kyiv", "--forbidden", "Kiev",
                 "--author", "ann"]) == 0  # fmt: skip
    assert "Київ -> Kyiv" in capsys.readouterr().out
    assert main(["glossary", "check", pg_url]) == 0
    assert "no problems (1 entries)" in capsys.readouterr().out


def test_check_with_a_url_glossary_finds_what_the_file_finds(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["glossary", "import", str(GLOSSARY), pg_url]) == 0
    capsys.readouterr()
    main(["check", UK, EN, "--glossary", str(GLOSSARY), "--format", "json"])
    from_file = json.loads(capsys.readouterr().out)
    main(["check", UK, EN, "--glossary", pg_url, "--format", "json"])
    from_db = json.loads(capsys.readouterr().out)
    assert from_db["issues"] == from_file["issues"] and from_file["issues"]


_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=12)


@st.composite
def _entries(draw: st.DrawFn) -> GlossaryEntry:
    extra = tuple((name, draw(_TEXT)) for name in ("author", "desk") if draw(st.booleans()))
    entry = GlossaryEntry(
        draw(_TEXT), tuple(draw(st.lists(_TEXT, min_size=1, max_size=3))),
        tuple(draw(st.lists(_TEXT, max_size=2))), draw(st.one_of(st.just(""), _TEXT)),
        draw(st.sampled_from([None, True, False])), extra,
    )  # fmt: skip
    try:
        return normal_entry(entry)
    except UnwritableValue:
        assume(False)
        raise


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(_entries(), max_size=6, unique_by=lambda e: e.key))
def test_property_tsv_import_export_is_lossless(
    pg_server: PgServer, tmp_path_factory: pytest.TempPathFactory, items: list[GlossaryEntry]
) -> None:
    assume(all(e.source and e.targets for e in items))
    folder = tmp_path_factory.mktemp("rt")
    first, second = folder / "in.tsv", folder / "out.tsv"
    save_glossary(Glossary(items, ["author", "desk"]), first)
    url = pg_server.new_database()
    assert main(["glossary", "import", str(first), url]) == 0
    assert main(["glossary", "export", url, str(second)]) == 0
    want, got = load_glossary(first), load_glossary(second)
    assert got.entries == want.entries
    assert second.read_bytes() == first.read_bytes()


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, **(env or {})}, timeout=60)  # fmt: skip


@pytest.mark.parametrize(
    ("url", "env", "says"),
    [
        ("postgresql://verso@127.0.0.1:1/none", {}, "cannot be reached"),
        ("postgresql://verso@127.0.0.1:notaport/x", {}, "not a valid PostgreSQL URL"),
        (None, {"PGPASSWORD": "wrong"}, "authentication failed"),
    ],
)
def test_bad_server_url_or_password_is_one_line_exit_2(
    pg_url: str, url: str | None, env: dict[str, str], says: str
) -> None:
    done = _cli("glossary", "export", url or pg_url, "/tmp/never-written.tsv", env=env)
    assert done.returncode == 2
    assert says in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not Path("/tmp/never-written.tsv").exists()


def test_a_password_in_the_url_is_used_but_never_written(tmp_path: Path, pg_url: str) -> None:
    assert main(["glossary", "import", str(GLOSSARY), pg_url]) == 0
    with_password = pg_url.replace("verso@", f"verso:{PASSWORD}@")
    review = tmp_path / "a.verso"
    env = {k: v for k, v in os.environ.items() if k != "PGPASSWORD"}
    done = subprocess.run([sys.executable, "-m", "app", "check", UK, EN, "--glossary",
                           with_password], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=60)  # fmt: skip
    assert done.returncode == 1 and "glossary-forbidden" in done.stdout, done.stderr
    done = subprocess.run([sys.executable, "-m", "app", "export", UK, EN, "--glossary",
                           with_password, "--to", str(review)], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = review.read_text(encoding="utf-8")
    assert PASSWORD not in text and json.loads(text)["glossary"] == pg_url


def test_settings_keep_a_url_without_its_password(tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from app.ui.settings import Settings

    ini = tmp_path / "verso.ini"
    settings = Settings(QSettings(str(ini), QSettings.Format.IniFormat))
    url = "postgresql://ann:s3cret-pw@db.example:5432/team?sslmode=require&password=s3cret-pw"
    settings.add_recent(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), url)
    settings.set_last_glossary(url)
    settings.set_default_glossary(url)
    settings.qs.sync()
    text = ini.read_text(encoding="utf-8")
    assert "s3cret" not in text
    assert settings.default_glossary() == "postgresql://ann@db.example:5432/team?sslmode=require"
    assert settings.recent()[0][2] == settings.default_glossary()
