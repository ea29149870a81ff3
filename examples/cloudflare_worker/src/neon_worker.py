"""Cloudflare Python Worker: the todo API on Neon over HTTP (`fetch`), with prisma-edge.

Secrets/vars: `DATABASE_URL` (Neon connection string); `NEON_HTTP_URL` only for a local endpoint
(Neon's own is derived from the URL's host). The client and its compiled plans are made at
import, so Cloudflare's deploy-time snapshot holds them; Neon's HTTP adapter keeps no connection
open, so one adapter per database URL serves every request.
"""

from prisma_edge_client import Client
from todos import handle, operations

from prisma_edge.fetch_adapters.neon_http import NeonHttpAdapter
from workers import Response, WorkerEntrypoint

DB = Client()
DB.warm(operations(DB), dialect="postgres")
_clients: dict[tuple[str, str | None], Client] = {}


def client_for(env) -> Client:
    url = str(env.DATABASE_URL)
    endpoint = str(env.NEON_HTTP_URL) if getattr(env, "NEON_HTTP_URL", None) else None
    db = _clients.get((url, endpoint))
    if db is None:
        db = _clients[(url, endpoint)] = DB.with_adapter(NeonHttpAdapter(url, endpoint=endpoint))
    return db


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        status, body = await handle(client_for(self.env), request.method, request.url, await request.text())
        return Response(body, status=status, headers={"content-type": "application/json"})
