"""Cloudflare Python Worker: the todo API on Cloudflare D1 (the `DB` binding), with prisma-edge.

Every operation is ONE `batch()` call on the binding: a nested create or update runs atomically
(a failing part rolls the whole write back). The client and its compiled plans are made at
import, so Cloudflare's deploy-time snapshot holds them; the adapter around the binding is made
per request (it holds no connection, so this costs nothing). The generated client is the one of
schema.prisma: a schema's provider matters only to `db push` and validation, and the D1 tables
come from schema.d1.prisma (the same models, provider "sqlite"; migrations/0001_todos.sql).
"""

from prisma_edge_client import Client
from todos import handle, operations

from prisma_edge.fetch_adapters.d1 import D1Adapter
from workers import Response, WorkerEntrypoint

DB = Client()
DB.warm(operations(DB), dialect="d1")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        db = DB.with_adapter(D1Adapter(self.env.DB))
        status, body = await handle(db, request.method, request.url, await request.text())
        return Response(body, status=status, headers={"content-type": "application/json"})
