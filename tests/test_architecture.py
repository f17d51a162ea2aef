"""The architecture as the code has it: no import circle anywhere in app/, and only
core's review.checking builds a Checker (every front end goes through it)."""

from __future__ import annotations

import re

import grimp

from tests.conftest import ROOT


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_import_circle_in_app() -> None:
    graph = grimp.build_graph("app")
    modules = {m for m in graph.modules if m.startswith("app.")}
    edges = {
        m: {d for d in graph.find_modules_directly_imported_by(m) if d in modules}
        for m in modules
    }
    assert _cycles(edges) == []


def test_cycle_finder_finds_a_circle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_only_the_core_entry_point_builds_a_checker() -> None:
    builders = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"(?<![\w.])Checker\(", text):
            builders.append(path.relative_to(ROOT).as_posix())
    assert builders == ["app/core/review/checking.py"]
