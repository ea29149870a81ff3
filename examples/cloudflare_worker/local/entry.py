"""What shim.mjs calls for each request: the Worker's own `Default(ctx, env).fetch(request)`."""

from typing import Any

from worker import Default


async def on_fetch(request: Any, env: Any, ctx: Any) -> Any:
    return await Default(ctx, env).fetch(request)
