"""What shim.mjs calls for each request: the Worker's own `Default(ctx, env).fetch(request)`.

The Worker's module is named by the binding `PRISMA_EDGE_WORKER_MODULE` (e.g. "d1_worker"); the
shim has imported it already, in the start-up phase (boot.mjs `snapshot`).
"""

import importlib
from typing import Any


async def on_fetch(request: Any, env: Any, ctx: Any) -> Any:
    worker = importlib.import_module(str(env.PRISMA_EDGE_WORKER_MODULE))
    return await worker.Default(ctx, env).fetch(request)
