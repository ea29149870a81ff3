"""The synchronous path in a browser: `prisma_edge.sync.Client` over Neon HTTP through pyodide-http.

pyodide-http turns urllib into synchronous XMLHttpRequest, which exists only in a browser, so
this runs in the Chromium runner (against the local Neon endpoint the test command starts) and
skips elsewhere with the reason.
"""

from __future__ import annotations

import os

import pytest

IN_BROWSER = os.environ.get("PRISMA_EDGE_RUNTIME") == "pyodide-chromium"


@pytest.mark.skipif(not IN_BROWSER, reason="pyodide-http's synchronous XHR exists only in a browser")
def test_sync_client_over_neon_http_in_the_browser():
    from prisma_edge import sync
    from prisma_edge.fetch_adapters.neon_http import NeonHttpAdapter
    from prisma_edge.fetch_adapters.transports.sync_fetch import BlockingFetch
    from prisma_edge.migrate.push import push_schema
    from prisma_edge.schema import load_schema
    from tests.support.clients import reset_database, schema_path

    database, endpoint = os.environ.get("PRISMA_EDGE_NEON_DATABASE_URL"), os.environ.get("PRISMA_EDGE_NEON_HTTP_URL")
    if not (database and endpoint):
        pytest.fail("the test command starts the Neon endpoint for the browser run; its URLs are missing", pytrace=False)
    schema = load_schema(schema_path("blog"))
    adapter = NeonHttpAdapter(database, endpoint=endpoint, fetch=BlockingFetch())
    sync.run_sync(reset_database(adapter))  # no event loop involved: every request is synchronous XHR
    sync.run_sync(push_schema(adapter, schema))
    db = sync.Client(schema, adapter=adapter)
    u = db.user.create({"email": "sync@browser.io", "posts": {"create": {"title": "from a page"}}})
    got = db.user.find_unique(where={"id": u["id"]}, include={"posts": True})
    assert got["posts"][0]["title"] == "from a page"
    assert db.post.count() == 1
