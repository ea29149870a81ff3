"""Cloudflare Python Worker: a JSON todo API on Neon over HTTP with prisma-edge.

The routes live in `todos.py` (no `workers` import there), so the same code also runs in the
local workerd test; this entrypoint only adapts Cloudflare's request and response.
Secrets/vars: `DATABASE_URL` (Neon connection string); `NEON_HTTP_URL` only for a local endpoint.
"""

from todos import handle
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        status, body = await handle(self.env, request.method, request.url, await request.text())
        return Response(body, status=status, headers={"content-type": "application/json"})
