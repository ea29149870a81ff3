"""Build a Python Worker for workerd (npm Pyodide behind a JS shim) and serve it through miniflare.

Cloudflare's Python runtime cannot start offline (workerd downloads its Pyodide bundle at first
use, pinned by hash), so the offline runs embed npm Pyodide, the pure wheels and the Python
sources as Worker modules (`build`), and `Host` serves them with `node host.mjs`, which starts
miniflare (workerd, with D1 and Hyperdrive emulated) on 127.0.0.1. Used by serve_local.py,
tests/test_worker.py and wasm_tests/run_workerd.py.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent
ROOT = EXAMPLE.parent.parent
NODE_MODULES = ROOT / "node_modules"
PYODIDE_MODULES = (("ESModule", "pyodide.mjs"), ("ESModule", "pyodide.asm.mjs"), ("CompiledWasm", "pyodide.asm.wasm"),
                   ("Data", "python_stdlib.zip"), ("Text", "pyodide-lock.json"))
RUNTIME_WHEELS = ("sqlglot", "attrs")
COMPATIBILITY_DATE = "2025-11-01"  # the newest miniflare 4.20260426's workerd knows is 2026-04-26


def package_sources() -> dict[str, str]:
    """prisma_edge from this repository, by path under the Worker's module directory."""
    src = ROOT / "src"
    return {p.relative_to(src).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted((src / "prisma_edge").rglob("*.py")) if "__pycache__" not in p.parts}


def example_sources() -> dict[str, str]:
    """What the example Workers import: prisma_edge, src/*.py, and the local stand-ins."""
    out = package_sources()
    for p in sorted((EXAMPLE / "src").glob("*.py")):
        out[p.name] = p.read_text(encoding="utf-8")
    for name in ("workers.py", "entry.py", "cf_rules.py"):
        out[name] = (HERE / name).read_text(encoding="utf-8")
    return out


def wheels(wheel_dir: Path, names: Iterable[str] | None = None) -> list[Path]:
    """The pure wheels of `wheel_dir` (top level), or just those of the distributions `names`."""
    found = sorted(wheel_dir.glob("*-none-any.whl"))
    if names is None:
        return found
    out = []
    for dist in names:
        match = [w for w in found if w.name.split("-")[0].lower() == dist]
        if len(match) != 1:
            raise SystemExit(f"need exactly one {dist} wheel in {wheel_dir}: run scripts/setup.sh")
        out += match
    return out


def build(out: Path, *, entry: Path, files: Mapping[str, str], wheel_files: Iterable[Path]) -> list[list[str]]:
    """Write the Worker's modules into `out`; returns miniflare's module list (the entry first)."""
    out.mkdir(parents=True, exist_ok=True)
    pyodide = NODE_MODULES / "pyodide"
    modules = [["ESModule", entry.name], ["ESModule", "boot.mjs"]]
    shutil.copyfile(entry, out / entry.name)
    shutil.copyfile(HERE / "boot.mjs", out / "boot.mjs")
    for kind, name in PYODIDE_MODULES:
        if not (pyodide / name).exists():
            raise SystemExit(f"{pyodide / name} is missing: run `npm ci` (scripts/setup.sh)")
        shutil.copyfile(pyodide / name, out / name)
        modules.append([kind, name])
    (out / "wheels").mkdir(exist_ok=True)
    names = []
    for w in wheel_files:
        shutil.copyfile(w, out / "wheels" / w.name)
        names.append(w.name)
        modules.append(["Data", f"wheels/{w.name}"])
    (out / "wheels.mjs").write_text(
        "".join(f'import w{i} from "./wheels/{n}";\n' for i, n in enumerate(names))
        + f"export default [{', '.join(f'w{i}' for i in range(len(names)))}];\n", encoding="utf-8")
    (out / "files.mjs").write_text(f"export default {json.dumps(dict(files))};\n", encoding="utf-8")
    modules += [["ESModule", "wheels.mjs"], ["ESModule", "files.mjs"]]
    return modules


class Host:
    """`node host.mjs`: miniflare serving a built Worker; `url` once it is ready (see host.mjs).

    Args:
        root: the directory `build` wrote.
        modules: `build`'s module list.
        bindings: text bindings (the Worker's vars and secrets).
        d1: D1 database binding names; `d1_persist`: where miniflare keeps them (readable with
            sqlite3 after `close()`); `d1_migrations`: SQL files to apply first, per binding.
        hyperdrives: Hyperdrive binding name -> the PostgreSQL URL it fronts.
    """

    def __init__(self, root: Path, modules: list[list[str]], *, bindings: Mapping[str, str] | None = None,
                 d1: Iterable[str] = (), d1_persist: Path | None = None,
                 d1_migrations: Mapping[str, list[Path]] | None = None,
                 hyperdrives: Mapping[str, str] | None = None, log: Path | None = None) -> None:
        self.config = {
            "root": str(root), "modules": modules, "compatibilityDate": COMPATIBILITY_DATE,
            "bindings": dict(bindings or {}), "d1Databases": list(d1),
            "d1Persist": str(d1_persist) if d1_persist else False,
            "d1Migrations": {k: [str(p) for p in v] for k, v in (d1_migrations or {}).items()},
            "hyperdrives": dict(hyperdrives or {}),
        }
        self.config_path = root / "host-config.json"
        self.log_path = log or root / "host.log"
        self.url = ""
        self._proc: subprocess.Popen[str] | None = None

    def __enter__(self) -> Host:
        node = shutil.which("node")
        if node is None or not (NODE_MODULES / "miniflare").exists():
            raise SystemExit("node and node_modules/miniflare are needed: run `npm ci` (scripts/setup.sh)")
        self.config_path.write_text(json.dumps(self.config), encoding="utf-8")
        log = self.log_path.open("w", encoding="utf-8")
        self._proc = subprocess.Popen([node, str(HERE / "host.mjs"), str(self.config_path)], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=log, text=True, cwd=HERE)
        ready: list[str] = []
        reader = threading.Thread(target=lambda: ready.append(self._proc.stdout.readline() if self._proc and self._proc.stdout else ""),
                                  daemon=True)
        reader.start()
        reader.join(timeout=120)
        line = ready[0] if ready else ""
        if not line.startswith("READY "):
            self.__exit__()
            raise RuntimeError(f"miniflare did not start; its log:\n{self.log()}")
        self.url = line.split(" ", 1)[1].strip()
        return self

    def log(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8")[-4000:]
        except OSError:
            return ""

    def __exit__(self, *exc: object) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            if proc.stdin:
                proc.stdin.close()  # host.mjs disposes of miniflare when stdin ends
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def passthrough_env(prefixes: tuple[str, ...] = ("PRISMA_EDGE_",)) -> dict[str, Any]:
    """This process's variables with these prefixes (and CI), for a Worker's bindings."""
    return {k: v for k, v in os.environ.items() if k.startswith(prefixes) or k == "CI"}
