"""A Worker that keeps ONE HyperdriveAdapter across requests, which Workers forbid (tests/test_worker.py).

The first request opens the connection; the second uses it again and must get prisma-edge's
ClientError naming the rule, not a hang or a bare JavaScript error.
"""

import json

from prisma_edge.errors import PrismaEdgeError
from prisma_edge.fetch_adapters.base import Query
from prisma_edge.fetch_adapters.hyperdrive import HyperdriveAdapter
from workers import Response, WorkerEntrypoint

_kept: list[HyperdriveAdapter] = []


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if not _kept:
            _kept.append(HyperdriveAdapter(self.env.HYPERDRIVE))
        try:
            rs = await _kept[0].query(Query("SELECT 1 AS one"))
            body = {"rows": [list(r) for r in rs.rows]}
        except PrismaEdgeError as e:
            body = {"error": type(e).__name__, "message": str(e)}
        return Response(json.dumps(body), headers={"content-type": "application/json"})
