"""A blocking fetch: the synchronous path, for scripts and for browsers through pyodide-http.

`BlockingFetch` sends the request before its coroutine first yields, so a coroutine that uses it
(and SQLite) runs to completion in ONE `send(None)`: the sync client (`prisma_edge.sync`) needs
no event loop. In CPython it is plain `urllib.request`; in a browser, `pyodide-http` patches
urllib to use synchronous XMLHttpRequest (it blocks the page while it waits: prefer the async
client on the main thread, or run the sync one in a Web Worker). In Node, pyodide-http does
nothing and urllib has no sockets: use the async client there.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping

from ... import errors
from .fetch import FetchResponse, UrllibFetch, check_url

_patched = False


def _patch_pyodide() -> None:
    global _patched
    if _patched or sys.platform != "emscripten":
        return
    try:
        import pyodide_http  # type: ignore[import-not-found]
    except ImportError:
        raise errors.ClientError(
            "the synchronous client in a browser needs pyodide-http: `await micropip.install('pyodide-http')`"
        ) from None
    pyodide_http.patch_all()
    _patched = True


class BlockingFetch:
    """The `Fetch` interface, answered synchronously (no await inside)."""

    def __init__(self) -> None:
        _patch_pyodide()

    async def __call__(
        self, method: str, url: str, headers: Mapping[str, str], body: bytes, *, timeout: float | None = None
    ) -> FetchResponse:
        check_url(url)
        return UrllibFetch._send(method, url, dict(headers), body, timeout)
