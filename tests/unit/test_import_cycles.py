"""No import cycles: not between modules (imports inside functions and under TYPE_CHECKING count too)
and not between the top-level packages and modules of inovasi_desktop (the layers).

A cycle is named with the line of each import, so the one to move is easy to find. The layers
themselves are import-linter contracts in pyproject.toml.
"""

from __future__ import annotations

from collections import deque

import grimp
import pytest

PACKAGE = "inovasi_desktop"


def build_graph() -> grimp.ImportGraph:
    graph = grimp.build_graph(PACKAGE, cache_dir=None)
    assert graph.find_children(PACKAGE), "grimp found no modules in the package"
    return graph


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return build_graph()


def module_imports(graph: grimp.ImportGraph) -> dict[str, set[str]]:
    return {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}


def layer_of(module: str) -> str:
    """`inovasi_desktop.services.evidence` -> `inovasi_desktop.services`; the package itself stays."""
    return ".".join(module.split(".")[:2])


def layer_imports(graph: grimp.ImportGraph) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for importer, imported in module_imports(graph).items():
        edges.setdefault(layer_of(importer), set()).update(layer_of(m) for m in imported)
    for layer, imported in edges.items():
        imported.discard(layer)
    return edges


def _reachable(edges: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for nxt in edges.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _shortest_cycle(edges: dict[str, set[str]], start: str, group: set[str]) -> list[str]:
    parents: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in sorted(edges.get(node, ())):
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(parents[path[-1]])
                return [*reversed(path), start]
            if nxt in group and nxt not in parents:
                parents[nxt] = node
                queue.append(nxt)
    raise AssertionError(f"{start} is in a cycle but none was found")


def find_cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One shortest cycle for each group of nodes that reach each other."""
    reach = {node: _reachable(edges, node) for node in edges}
    cycles, done = [], set()
    for node in sorted(edges):
        if node in done or node not in reach[node]:
            continue
        group = {other for other in reach[node] if node in reach.get(other, ())}
        done |= group
        cycles.append(_shortest_cycle(edges, node, group))
    return cycles


def describe(graph: grimp.ImportGraph, cycle: list[str]) -> str:
    hops = []
    for importer, imported in zip(cycle, cycle[1:], strict=False):
        lines = sorted({d["line_number"] for d in graph.get_import_details(importer=importer, imported=imported)})
        hops.append(f"{importer} (line {', '.join(map(str, lines))})" if lines else importer)
    return " -> ".join([*hops, cycle[-1]])


def test_no_module_imports_itself_through_others(graph):
    cycles = find_cycles(module_imports(graph))
    assert not cycles, "Import cycles between modules:\n" + "\n".join(f"  {describe(graph, c)}" for c in cycles)


def test_no_cycle_between_the_layers(graph):
    cycles = find_cycles(layer_imports(graph))
    assert not cycles, "Import cycles between the top-level packages:\n" + "\n".join(
        "  " + " -> ".join(c) for c in cycles)


def test_a_cycle_is_found_and_named():
    planted = build_graph()
    planted.add_import(importer="inovasi_desktop.domain.model", imported="inovasi_desktop.services.evidence",
                       line_number=1, line_contents="import inovasi_desktop.services.evidence")
    [cycle] = find_cycles(module_imports(planted))
    named = describe(planted, cycle)
    assert cycle[0] == cycle[-1]
    assert "inovasi_desktop.domain.model (line 1) -> inovasi_desktop.services.evidence" in named
    [layers] = find_cycles(layer_imports(planted))
    assert {"inovasi_desktop.domain", "inovasi_desktop.services"} <= set(layers)
