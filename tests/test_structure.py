"""The package's shape rules (scripts/check_structure.py): the checker finds what it must, and the
package itself has no import cycle, no module over 500 lines and no crowded folder."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _checker():
    spec = importlib.util.spec_from_file_location("check_structure", ROOT / "scripts" / "check_structure.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "pkg"
    for name, text in {"__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def test_the_package_keeps_its_shape():
    assert _checker().check(ROOT / "src" / "prisma_edge") == []


def test_a_lazy_import_that_closes_a_loop_is_a_cycle(tmp_path):
    root = _package(tmp_path, {
        "a.py": "from .b import f\n",
        "b.py": "def f():\n    from .a import g\n",
        "c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import x\n",
    })
    problems = _checker().check(root)
    assert len(problems) == 1
    assert "import cycle: pkg.a, pkg.b" in problems[0]


def test_type_checking_imports_and_parent_packages_are_not_edges(tmp_path):
    root = _package(tmp_path, {
        "__init__.py": "from .sub.x import X\n",
        "sub/__init__.py": "",
        "sub/x.py": "from typing import TYPE_CHECKING\nX = 1\nif TYPE_CHECKING:\n    from .. import X as Y\n",
        "sub/y.py": "from . import x\nfrom ..sub import x as again\n",
    })
    assert _checker().check(root) == []


def test_long_modules_and_crowded_folders_are_named(tmp_path):
    files = {f"m{i}.py": "" for i in range(12)}
    files["long.py"] = "x = 1\n" * 501
    problems = _checker().check(_package(tmp_path, files))
    assert any("long.py: 501 lines" in p for p in problems)
    assert any("14 modules side by side" in p for p in problems)
