"""Redirecting HTTP servers on loopback, for the no-redirect rule in every runtime (issue 11.1).

`redirect_servers()` starts, in threads:

- a *target* that counts every request it receives (a followed redirect would land there);
- one *redirector* per status in `STATUSES`, answering every request (OPTIONS preflights excepted)
  with that status and `Location: http://localhost:<target>/steal?token=leak`, with CORS headers
  so a browser exposes the answer as an opaque redirect (and answers the preflight itself);
- a `nocors` redirector answering everything, preflights included, with 302 and no CORS
  header, and a `preflight-only` one that answers the preflight with CORS but its 302 without:
  what a browser then reports is a CORS failure, never the redirect;
- a *control* server: `GET /servers` is `{"301": url, ..., "nocors": url, "target": url}` and
  `GET /count` is `{"count": requests the target received}`, both readable cross-origin.

Under Pyodide (no sockets) a runner starts them outside with this module and passes the control
URL in `PRISMA_EDGE_REDIRECT_URL`:

    .venv/bin/python -m tests.support.redirect_endpoint
    # prints: PRISMA_EDGE_REDIRECT_URL=http://127.0.0.1:<port>
    # serves until SIGINT/SIGTERM (or EOF on stdin when that is a pipe)
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import stat
import sys
import threading
from collections.abc import Iterator

from tests.support.hostile_http import Echoed, hostile_server

__all__ = ["ENV_URL", "STATUSES", "redirect_servers"]

ENV_URL = "PRISMA_EDGE_REDIRECT_URL"
STATUSES = (301, 302, 303, 307, 308)
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "*, Authorization",
    "Access-Control-Expose-Headers": "*",
    "Access-Control-Max-Age": "0",
}


def _redirector(status: int, location: str, *, cors: bool, preflight: bool | None = None):  # noqa: ANN202
    preflight = cors if preflight is None else preflight

    def answer(req: Echoed) -> tuple[int, dict[str, str], bytes]:
        if preflight and req.method == "OPTIONS":
            return 204, dict(CORS), b""
        return status, {"Location": location, **(CORS if cors else {})}, b"moved"

    return answer


@contextlib.contextmanager
def redirect_servers() -> Iterator[str]:
    """Start the servers; yields the control server's URL."""
    with contextlib.ExitStack() as stack:
        target = stack.enter_context(hostile_server(lambda r: (200, dict(CORS), b"{}")))
        location = target.url.replace("127.0.0.1", "localhost") + "/steal?token=leak"
        urls = {
            str(s): stack.enter_context(hostile_server(_redirector(s, location, cors=True))).url
            for s in STATUSES
        }
        urls["nocors"] = stack.enter_context(hostile_server(_redirector(302, location, cors=False))).url
        no_cors_on_3xx = _redirector(302, location, cors=False, preflight=True)
        urls["preflight-only"] = stack.enter_context(hostile_server(no_cors_on_3xx)).url
        urls["target"] = target.url

        def control(req: Echoed) -> tuple[int, dict[str, str], bytes]:
            if req.method == "OPTIONS":
                return 204, dict(CORS), b""
            if req.path == "/servers":
                return 200, {"Content-Type": "application/json", **CORS}, json.dumps(urls).encode()
            if req.path == "/count":
                body = json.dumps({"count": len(target.requests)}).encode()
                return 200, {"Content-Type": "application/json", **CORS}, body
            return 404, dict(CORS), b"not found"

        yield stack.enter_context(hostile_server(control)).url


def main() -> int:
    """Serve until stdin closes or a signal arrives."""
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    if stat.S_ISFIFO(os.fstat(0).st_mode):  # started with a pipe: stop when the parent goes away
        threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    with redirect_servers() as url:
        print(f"{ENV_URL}={url}", flush=True)
        stop.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
