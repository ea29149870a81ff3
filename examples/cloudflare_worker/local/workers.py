"""Stand-in for Cloudflare's `workers` SDK in the local workerd run: only what the Workers here use.

Cloudflare's Python runtime cannot run offline (its Pyodide bundle is downloaded at first use), so
the local run boots npm Pyodide in a JavaScript worker (boot.mjs, shim.mjs) and gives it this
module. `WorkerEntrypoint` keeps `env`/`ctx` like the SDK's; `Response(body, status=, headers=)`
builds the JavaScript Response the SDK's own class wraps; `import_from_javascript(name)` returns
`cloudflare:sockets` / `cloudflare:workers`, as the SDK does for those two modules.
"""

from typing import Any

from js import Object  # type: ignore[import-not-found]
from js import Response as JsResponse  # type: ignore[import-not-found]
from pyodide.ffi import to_js  # type: ignore[import-not-found]


class WorkerEntrypoint:
    def __init__(self, ctx: Any, env: Any) -> None:
        self.ctx = ctx
        self.env = env


def Response(body: str | bytes, status: int = 200, headers: dict[str, str] | None = None) -> Any:  # noqa: N802
    init = to_js({"status": status, "headers": headers or {}}, dict_converter=Object.fromEntries)
    return JsResponse.new(body, init)


def import_from_javascript(module_name: str) -> Any:
    import _prisma_edge_js_modules  # type: ignore[import-not-found]  # registered by boot.mjs

    try:
        return getattr(_prisma_edge_js_modules, module_name)
    except AttributeError:
        raise ImportError(f"Failed to import '{module_name}': only 'cloudflare:workers' and 'cloudflare:sockets' "
                          "are available here") from None
