"""Fixtures of the split tests (test_split*.py): a split allowed on any machine, and the
pairs whose names the parent renders itself."""

from __future__ import annotations

import os

import pytest

from app.core.checks import names_memo
from app.core.checks.base import CheckContext
from app.core.model.document import Pair
from app.core.review import split


@pytest.fixture
def may_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(split, "one_thread", lambda: True)
    monkeypatch.setattr(split, "usable_cores", lambda: 2)


@pytest.fixture
def rendered_here(monkeypatch: pytest.MonkeyPatch) -> list[Pair]:
    """The pairs whose names this process (not a forked child) renders from now on."""
    parent, render = os.getpid(), names_memo._pair_renderings
    here: list[Pair] = []

    def counted(pair: Pair, ctx: CheckContext) -> object:
        if os.getpid() == parent:
            here.append(pair)
        return render(pair, ctx)

    monkeypatch.setattr(names_memo, "_pair_renderings", counted)
    return here
