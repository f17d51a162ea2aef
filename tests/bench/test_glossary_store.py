"""bench/glossary_store.py runs and prints one row per size and writer count."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import glossary_store


def test_the_benchmark_prints_saves_per_second(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    glossary_store.run(pg_url, [20], writers=2, saves=3, folder=tmp_path)
    rows = [line.split() for line in capsys.readouterr().out.splitlines()]
    table = [r for r in rows if r and r[0].isdigit()]
    assert [r[:2] for r in table] == [["20", "1"], ["20", "2"]]
    assert all(float(r[2]) > 0 and float(r[3]) > 0 for r in table)
