"""The built wheel, installed with micropip inside Pyodide, runs the quickstart like CPython does.

Both runtimes are compared with one checked-in file, `tests/expected/quickstart.txt`:
- CPython (`test_quickstart_output_in_cpython_matches_the_expected_file`) runs
  `python examples/quickstart/main.py` and compares its output with the file;
- Pyodide (`test_wheel_installed_with_micropip_runs_the_quickstart`) installs the prisma-edge wheel
  the runner exposes as `$PRISMA_EDGE_PROJECT_WHEEL` (scripts/setup.sh builds it) with micropip, in
  a fresh import context (the work tree's `src/` off `sys.path`), runs the quickstart's `main()`
  and compares its output with the same file.
So the Pyodide output equals CPython's. After changing the quickstart or the library's output,
rewrite the file from CPython with `python tests/test_wheel_pyodide.py --write`.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QUICKSTART = ROOT / "examples" / "quickstart" / "main.py"
EXPECTED = ROOT / "tests" / "expected" / "quickstart.txt"
IN_PYODIDE = sys.platform == "emscripten"
REGENERATE = "python tests/test_wheel_pyodide.py --write"


def cpython_quickstart_output() -> str:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    done = subprocess.run([sys.executable, str(QUICKSTART)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.no_pyodide("runs the quickstart with the CPython interpreter in a subprocess")
def test_quickstart_output_in_cpython_matches_the_expected_file():
    out = cpython_quickstart_output()
    assert out.strip(), "the quickstart printed nothing"
    assert out.splitlines() == EXPECTED.read_text(encoding="utf-8").splitlines(), (
        f"the quickstart's output changed; if that is intended, run `{REGENERATE}`")


@contextlib.contextmanager
def fresh_import_context(hidden: list[str]):
    """No `prisma_edge` imported and the given paths off sys.path; everything restored after."""
    saved_modules = {k: v for k, v in sys.modules.items() if k == "prisma_edge" or k.startswith("prisma_edge.")}
    saved_path = list(sys.path)
    for k in saved_modules:
        del sys.modules[k]
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") not in hidden]
    importlib.invalidate_caches()
    try:
        yield
    finally:
        for k in [k for k in sys.modules if k == "prisma_edge" or k.startswith("prisma_edge.")]:
            del sys.modules[k]
        sys.modules.update(saved_modules)
        sys.path[:] = saved_path
        importlib.invalidate_caches()


@pytest.mark.skipif(not IN_PYODIDE, reason="runs only inside Pyodide (the wasm runners); CPython side: test above")
async def test_wheel_installed_with_micropip_runs_the_quickstart(monkeypatch):
    wheel = os.environ.get("PRISMA_EDGE_PROJECT_WHEEL")
    if not wheel or not os.path.exists(wheel):
        msg = "no prisma-edge wheel: scripts/setup.sh builds .pyodide-wheels/project/*.whl for the runners"
        if os.environ.get("CI") == "true":
            pytest.fail(msg, pytrace=False)
        pytest.skip(msg)
    import micropip  # type: ignore[import-not-found]

    monkeypatch.delenv("DATABASE_URL", raising=False)
    source_dirs = [str(ROOT / "src"), str(ROOT)]
    with fresh_import_context(source_dirs):
        with pytest.raises(ImportError):
            import prisma_edge  # noqa: F401  - the work tree is out of reach now
        # deps=False: sqlglot and attrs are installed already, and micropip would ask the CDN otherwise
        await micropip.install(f"emfs:{wheel}", deps=False)
        try:
            import prisma_edge

            location = Path(prisma_edge.__file__).resolve()
            assert "site-packages" in location.parts and not location.is_relative_to(ROOT), location
            from importlib.metadata import requires, version

            assert version("prisma-edge") == prisma_edge.__version__
            assert {r.split(">")[0].split("<")[0].split("=")[0].strip() for r in requires("prisma-edge") or []
                    if "extra ==" not in r} == {"sqlglot", "attrs"}

            spec = importlib.util.spec_from_file_location("quickstart_in_pyodide", QUICKSTART)
            assert spec is not None and spec.loader is not None
            quickstart = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(quickstart)
            buf = io.StringIO()
            with contextlib.redirect_stdout(buf):
                await quickstart.main()
            assert quickstart.Client.__module__ == "prisma_edge.client.client"
            assert Path(sys.modules["prisma_edge.client.client"].__file__).resolve().parent.parent == location.parent
        finally:
            micropip.uninstall("prisma-edge")
    assert buf.getvalue().splitlines() == EXPECTED.read_text(encoding="utf-8").splitlines(), (
        "Pyodide's output differs from CPython's (tests/expected/quickstart.txt, checked by the CPython test)")


if __name__ == "__main__":  # python tests/test_wheel_pyodide.py --write
    if sys.argv[1:] != ["--write"]:
        sys.exit(f"usage: {REGENERATE}")
    EXPECTED.parent.mkdir(parents=True, exist_ok=True)
    EXPECTED.write_text(cpython_quickstart_output(), encoding="utf-8")
    print(f"wrote {EXPECTED.relative_to(ROOT)}")
