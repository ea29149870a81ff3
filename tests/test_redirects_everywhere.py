"""No transport follows a redirect, in CPython, Pyodide/Node and Pyodide/Chromium (issue 11.1).

The servers of tests/support/redirect_endpoint.py answer 301/302/303/307/308 pointing at a
target server that counts what it receives. In CPython the fixture starts them in threads; under
Pyodide (no sockets) scripts/test.sh starts them outside and passes `PRISMA_EDGE_REDIRECT_URL`.

What each runtime shows: CPython and Node (undici, `redirect: "manual"`) see the 3xx itself, so
the error names the status and the target host. Chromium hides a manual redirect as an
`opaqueredirect` response (no status, no Location): still a `RedirectError`. A cross-origin
redirect without CORS headers (on the preflight, or on the 3xx itself) fails the browser's CORS
check before `fetch` resolves: a `ConnectionError` saying so, outcome unknown (the request itself
may have been sent). In every case the target receives no request.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import pytest

from prisma_edge.errors import ConnectionError, PrismaEdgeError, RedirectError
from prisma_edge.fetch_adapters.base import Query
from prisma_edge.fetch_adapters.libsql import LibsqlAdapter
from prisma_edge.fetch_adapters.neon_http import NeonHttpAdapter
from prisma_edge.fetch_adapters.planetscale import PlanetScaleAdapter
from prisma_edge.fetch_adapters.transports.fetch import default_fetch
from tests.support.redirect_endpoint import ENV_URL, STATUSES

PASSWORD = "r3dir-S3cret"
IN_BROWSER = os.environ.get("PRISMA_EDGE_RUNTIME") == "pyodide-chromium"


@pytest.fixture(scope="module")
def control_url() -> Iterator[str]:
    external = os.environ.get(ENV_URL)
    if external:
        yield external
        return
    if sys.platform == "emscripten":
        pytest.skip(f"under Pyodide the redirecting servers must be started outside and given in ${ENV_URL}")
    from tests.support.redirect_endpoint import redirect_servers  # noqa: PLC0415 - threads: CPython only

    with redirect_servers() as url:
        yield url


async def _get(url: str) -> dict:
    fetch = default_fetch()
    try:
        return (await fetch("GET", url, {}, b"")).json()
    finally:
        if hasattr(fetch, "close"):
            await fetch.close()


def _adapter(name: str, url: str):  # noqa: ANN202
    if name == "neon_http":
        return NeonHttpAdapter(
            f"postgresql://u:{PASSWORD}@ep-a-1.us-east-2.aws.neon.tech/db", endpoint=url + "/sql"
        )
    if name == "planetscale":
        return PlanetScaleAdapter(url.replace("http://", f"http://u:{PASSWORD}@"))
    return LibsqlAdapter(url, auth_token=PASSWORD + "-token")


def _assert_no_secret(e: PrismaEdgeError) -> None:
    text = f"{e} {e!r} {e.meta}"
    assert PASSWORD not in text and "/steal" not in text and "leak" not in text


ADAPTERS = ["neon_http", "planetscale", "libsql"]


@pytest.mark.parametrize("name", ADAPTERS)
@pytest.mark.parametrize("status", STATUSES)
async def test_a_redirect_is_refused_and_never_followed(control_url: str, name: str, status: int) -> None:
    servers = await _get(control_url + "/servers")
    adapter = _adapter(name, servers[str(status)])
    try:
        with pytest.raises(RedirectError) as info:
            await adapter.query(Query("SELECT 1"))
    finally:
        await adapter.close()
    text = str(info.value)
    assert "redirect" in text and "never followed" in text
    if IN_BROWSER:  # an opaqueredirect: the browser hides the status and the Location
        assert info.value.meta["status"] == 0
    else:
        assert f"HTTP {status}" in text and "localhost" in text
        assert info.value.meta["status"] == status
    _assert_no_secret(info.value)
    assert (await _get(control_url + "/count"))["count"] == 0


@pytest.mark.parametrize("name", ADAPTERS)
@pytest.mark.parametrize("server", ["nocors", "preflight-only"])
async def test_a_redirect_without_cors_headers_is_never_followed(
    control_url: str, server: str, name: str
) -> None:
    servers = await _get(control_url + "/servers")
    adapter = _adapter(name, servers[server])
    try:
        with pytest.raises(PrismaEdgeError) as info:
            await adapter.query(Query("SELECT 1"))
    finally:
        await adapter.close()
    if IN_BROWSER:  # the CORS check fails before fetch resolves: the browser shows no redirect
        assert isinstance(info.value, ConnectionError)
        assert "CORS" in str(info.value) and "redirects are never followed" in str(info.value)
        assert info.value.outcome_unknown  # a CORS check may fail on the answer to a sent request
    else:
        assert isinstance(info.value, RedirectError) and "HTTP 302" in str(info.value)
    _assert_no_secret(info.value)
    assert (await _get(control_url + "/count"))["count"] == 0
