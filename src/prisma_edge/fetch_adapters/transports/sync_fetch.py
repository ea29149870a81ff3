"""A blocking fetch: the synchronous path, for scripts and for browsers through pyodide-http.

`BlockingFetch` sends the request before its coroutine first yields, so a coroutine that uses it
(and SQLite) runs to completion in ONE `send(None)`: the sync client (`prisma_edge.sync`) needs
no event loop. In CPython it is `http.client` with keep-alive (`PooledFetch`); in a browser, `pyodide-http` patches
the standard library to use synchronous XMLHttpRequest (it blocks the page while it waits: prefer the async
client on the main thread, or run the sync one in a Web Worker). In Node, pyodide-http does
nothing and urllib has no sockets: use the async client there.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping

from ... import errors
from .fetch import FetchResponse, PooledFetch, refuse_redirect
from .urls import check_url

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
        self._http = PooledFetch()

    async def __call__(
        self, method: str, url: str, headers: Mapping[str, str], body: bytes, *, timeout: float | None = None
    ) -> FetchResponse:
        if sys.platform == "emscripten":  # pyodide-http patches urllib (no sockets for http.client)
            return _urllib_send(method, url, headers, body, timeout)
        return self._http.request_blocking(method, url, headers, body, timeout)

    async def close(self) -> None:
        await self._http.close()


def _urllib_send(method: str, url: str, headers: Mapping[str, str], body: bytes, timeout: float | None) -> FetchResponse:
    """urllib (patched by pyodide-http to a synchronous XMLHttpRequest), redirects refused.

    A browser's XMLHttpRequest follows redirects itself, before Python sees them; the browser
    only lets it go where CORS allows, and the answer that comes back is checked here too.
    """
    import urllib.error
    import urllib.request

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None  # urllib then hands back the 3xx itself

    ep = check_url(url)
    opener = urllib.request.build_opener(_NoRedirect, urllib.request.ProxyHandler({}))
    req = urllib.request.Request(ep.url, data=body if method not in ("GET", "HEAD") else None, method=method)
    for k, v in headers.items():
        req.add_header(k, v)
    try:
        try:
            resp = opener.open(req, timeout=timeout)
        except urllib.error.HTTPError as e:  # a non-2xx answer is a response, not a failure
            resp = e
        with resp:
            data = resp.read()
            status, resp_headers = resp.status, {k.lower(): v for k, v in resp.headers.items()}
    except TimeoutError:
        raise errors.TimeoutError(f"no answer from {ep.where} (timed out)") from None
    except OSError as e:
        raise errors.ConnectionError(f"cannot reach {ep.where}: {type(e).__name__}") from None
    refuse_redirect(status, resp_headers, ep.where)
    return FetchResponse(status, resp_headers, data)
