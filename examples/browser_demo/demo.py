"""The browser demo's Python side: runs in Pyodide inside a Web Worker (worker.js), never on the page.

The page sends a query as JSON (model, action, arguments, target); `run()` sends it through
prisma-edge to the in-browser SQLite database or to a Neon-compatible endpoint (JS fetch) and
returns rows made of JSON-safe values for a table. The schema comes from the generated module
(`prisma_edge_client.py`, written by serve.py with `prisma-edge generate`): nothing is parsed.
"""

from __future__ import annotations

import base64
import datetime as dt
import time
from decimal import Decimal
from typing import Any

from prisma_edge_client import Client

from prisma_edge.client import adapter_for_url
from prisma_edge.errors import PrismaEdgeError
from prisma_edge.migrate.push import push_schema

ACTIONS = ("find_many", "find_first", "find_unique", "count", "aggregate", "group_by", "create", "update",
           "upsert", "delete", "create_many", "update_many", "delete_many")
_clients: dict[tuple[str, str, str], Client] = {}


def client(target: str, neon_url: str = "", connection_string: str = "") -> Client:
    """SQLite in this worker's memory file system, or Neon over HTTP; one client per target."""
    key = (target, neon_url, connection_string)
    if key not in _clients:
        if target == "sqlite":
            _clients[key] = Client(url="file:/tmp/demo.db")
        elif target == "neon":
            if not neon_url or not connection_string:
                raise ValueError("give the Neon endpoint URL and the connection string")
            # The schema says sqlite; one schema serves both targets, so the Neon adapter is passed
            # explicitly (a URL of another provider than the schema's is refused, as in Prisma).
            adapter = adapter_for_url(connection_string, kind="neon_http", endpoint=neon_url)
            _clients[key] = Client(adapter=adapter)
        else:
            raise ValueError(f"unknown target {target!r}")
    return _clients[key]


async def setup(target: str, neon_url: str = "", connection_string: str = "") -> dict[str, Any]:
    """Create the tables (dropping old ones) and the quickstart's sample shop."""
    db = client(target, neon_url, connection_string)
    t0 = time.perf_counter()
    await push_schema(db.adapter, db.schema, drop_first=True)
    await db.customer.create_many([{"email": "ada@example.com", "name": "Ada"},
                                   {"email": "grace@example.com", "name": "Grace"}])
    await db.product.create_many([
        {"sku": "KB-1", "name": "Keyboard", "price": Decimal("49.90")},
        {"sku": "MS-2", "name": "Mouse", "price": Decimal("19.50")},
        {"sku": "MN-3", "name": "Monitor", "price": Decimal("189.00")},
    ])
    products = {p["sku"]: p["id"] for p in await db.product.find_many()}
    customers = {c["email"]: c["id"] for c in await db.customer.find_many()}
    orders = (("ada@example.com", [("KB-1", 1), ("MS-2", 2)]), ("grace@example.com", [("MN-3", 1)]),
              ("ada@example.com", [("MN-3", 2)]))
    for email, lines in orders:
        await db.order.create({"customerId": customers[email], "items": {"create": [
            {"productId": products[sku], "quantity": q} for sku, q in lines]}})
    await db.order.update_many({"status": "PAID"}, where={"customer": {"is": {"email": "grace@example.com"}}})
    return {"ok": True, "ms": round((time.perf_counter() - t0) * 1000, 1)}


async def run(target: str, model: str, action: str, args: dict[str, Any],
              neon_url: str = "", connection_string: str = "") -> dict[str, Any]:
    """Run one operation; returns {"ok", "columns", "rows", "statements", "ms"} or {"ok": False, "error"}."""
    try:
        db = client(target, neon_url, connection_string)
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}; one of {', '.join(ACTIONS)}")
        if not isinstance(args, dict):
            raise ValueError("the arguments must be a JSON object")
        delegate = getattr(db, model)
        before = db.adapter.stats.statements
        t0 = time.perf_counter()
        result = await getattr(delegate, action)(**args)
        ms = (time.perf_counter() - t0) * 1000
        columns, rows = table(result)
        return {"ok": True, "columns": columns, "rows": rows, "ms": round(ms, 1),
                "statements": db.adapter.stats.statements - before}
    except (PrismaEdgeError, ValueError, TypeError, AttributeError) as e:
        return {"ok": False, "error": f"{type(e).__name__}: {e}"}


def table(result: Any) -> tuple[list[str], list[list[Any]]]:
    """Columns and rows for display: records become rows; nested relations stay JSON in a cell."""
    records = result if isinstance(result, list) else [result] if isinstance(result, dict) else None
    if records is None or not all(isinstance(r, dict) for r in records):
        return ["result"], [[plain(result)]]
    columns: list[str] = []
    for r in records:
        columns.extend(k for k in r if k not in columns)
    return columns, [[plain(r.get(c)) for c in columns] for r in records]


def plain(value: Any) -> Any:
    """A JSON-safe copy (structured clone cannot carry Decimal or datetime)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, Decimal):  # 49.900000 (PostgreSQL's DECIMAL(65,30)) -> 49.9
        return format(value.normalize(), "f")
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    if isinstance(value, bytes):
        return "base64:" + base64.b64encode(value).decode()
    return value
