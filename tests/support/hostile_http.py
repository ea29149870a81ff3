"""A misbehaving HTTP peer on loopback: echoes requests back in error bodies, or redirects.

`hostile_server(answer)` starts a `ThreadingHTTPServer` on 127.0.0.1 (port 0) in a thread and
yields it; `answer(request) -> (status, headers, body)` decides each reply from an `Echoed`
request (method, path, headers, body). Every request is recorded in `server.requests`, so a test
can check that nothing was re-sent anywhere (a redirect followed).

`echo_text(req)` is the whole request as text (headers, body, and the body's base64/decoded
forms): what a careless proxy or server puts in its error message.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import attrs

__all__ = ["Echoed", "hostile_server", "echo_text"]


@attrs.frozen
class Echoed:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def __repr__(self) -> str:  # test output must not print credentials either
        return f"Echoed({self.method} {self.path})"


Answer = Callable[[Echoed], tuple[int, dict[str, str], bytes]]


def echo_text(req: Echoed) -> str:
    lines = [f"{req.method} {req.path}"] + [f"{k}: {v}" for k, v in req.headers.items()]
    return "\n".join(lines) + "\n\n" + req.body.decode("utf-8", "replace")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.requests: list[Echoed] = []
        self.connections = 0
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def get_request(self):  # noqa: ANN201 - counts TCP connections accepted
        self.connections += 1
        return super().get_request()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _any(self) -> None:
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n) if n else b""
        req = Echoed(self.command, self.path, dict(self.headers.items()), body)
        self.server.requests.append(req)
        status, headers, payload = self.server.answer(req)
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_OPTIONS = _any  # noqa: N815


@contextlib.contextmanager
def hostile_server(answer: Answer) -> Iterator[_Server]:
    server = _Server(answer)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
