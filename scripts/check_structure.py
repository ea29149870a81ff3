"""The house rules of the package, checked: no import cycle, no module over 500 lines, no folder
with more than 12 modules side by side.

usage: python scripts/check_structure.py [PACKAGE_DIR]   (default: src/prisma_edge)

Every import counts, at module level or inside a function (a lazy import that closes a loop is
still a loop), except those under `if TYPE_CHECKING:`. `from pkg import name` is an edge to the
module `pkg.name` when that is a module, else to `pkg` itself; the implicit import of parent
packages is not an edge. Exits 1 and names each problem when a rule is broken.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

MAX_LINES = 500
MAX_MODULES_PER_FOLDER = 12


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports_of(tree: ast.Module, this: str, is_package: bool) -> set[tuple[str, tuple[str, ...]]]:
    """(module, imported names) pairs, skipping `if TYPE_CHECKING:` blocks."""
    found: set[tuple[str, tuple[str, ...]]] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and is_type_checking(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.add((alias.name, ()))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = this.split(".") if is_package else this.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add((module, tuple(a.name for a in node.names)))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), or a self-import."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def strong(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1 or v in graph.get(v, ()):
                out.append(sorted(comp))

    sys.setrecursionlimit(10_000)
    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out


def check(root: Path) -> list[str]:
    problems: list[str] = []
    files = sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)
    modules = {module_name(root, p): p for p in files}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        text = path.read_text()
        lines = text.count("\n")
        if lines > MAX_LINES:
            problems.append(f"{path}: {lines} lines (at most {MAX_LINES})")
        tree = ast.parse(text, str(path))
        for module, names in imports_of(tree, name, path.name == "__init__.py"):
            targets = [f"{module}.{n}" for n in names if f"{module}.{n}" in modules]
            if len(targets) < len(names) and module in modules:
                targets.append(module)
            for t in targets:
                if t != name:
                    graph[name].add(t)
    for comp in cycles(graph):
        ties = [f"{a} -> {b}" for a in comp for b in sorted(graph[a]) if b in comp]
        problems.append("import cycle: " + ", ".join(comp) + " (" + "; ".join(ties) + ")")
    folders: dict[Path, int] = {}
    for p in files:
        folders[p.parent] = folders.get(p.parent, 0) + 1
    for folder, n in sorted(folders.items()):
        if n > MAX_MODULES_PER_FOLDER:
            problems.append(f"{folder}: {n} modules side by side (at most {MAX_MODULES_PER_FOLDER})")
    return problems


def main(argv: list[str]) -> int:
    root = Path(argv[1] if len(argv) > 1 else Path(__file__).resolve().parent.parent / "src" / "prisma_edge")
    problems = check(root)
    for p in problems:
        print(p)
    n_modules = sum(1 for p in root.rglob("*.py") if "__pycache__" not in p.parts)
    print(f"structure: {n_modules} modules, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
