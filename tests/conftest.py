"""Suite-wide hooks: async tests without pytest-asyncio (works the same in CPython and Pyodide)."""

from __future__ import annotations

import asyncio
import inspect
import sys

import pytest

pytest_plugins = ["tests.support.databases"]

IN_PYODIDE = sys.platform == "emscripten"

if IN_PYODIDE:  # Pyodide's WebLoop always counts as running; asyncio.Runner is not patched by Pyodide.

    def _runner_run(self, coro, *, context=None):  # noqa: ANN001, ANN202
        loop = asyncio.get_event_loop()
        return loop.run_until_complete(loop.create_task(coro, context=context))

    asyncio.Runner.run = _runner_run  # type: ignore[method-assign]


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests on a fresh event loop (Pyodide: the WebLoop via JSPI)."""
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        kwargs = {a: pyfuncitem.funcargs[a] for a in pyfuncitem._fixtureinfo.argnames}
        asyncio.run(pyfuncitem.obj(**kwargs))
        return True
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under Pyodide, skip tests marked `no_pyodide(reason)` and say why."""
    if not IN_PYODIDE:
        return
    for item in items:
        m = item.get_closest_marker("no_pyodide")
        if m is not None:
            reason = m.args[0] if m.args else m.kwargs.get("reason", "not supported in Pyodide")
            item.add_marker(pytest.mark.skip(reason=f"no_pyodide: {reason}"))
