"""Cloudflare Python Worker: the todo API on PostgreSQL through Hyperdrive (TCP), with prisma-edge.

Hyperdrive pools the database connections; the Worker opens ONE connection to it per request
(a socket cannot outlive the request that opened it) and closes it before answering, so none is
left open. The client and its compiled plans are made at import, in Cloudflare's snapshot.
"""

from prisma_edge_client import Client
from todos import handle, operations

from prisma_edge.fetch_adapters.hyperdrive import HyperdriveAdapter
from workers import Response, WorkerEntrypoint

DB = Client()
DB.warm(operations(DB), dialect="postgres")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        async with DB.with_adapter(HyperdriveAdapter(self.env.HYPERDRIVE)) as db:
            status, body = await handle(db, request.method, request.url, await request.text())
        return Response(body, status=status, headers={"content-type": "application/json"})
