"""No secret in any error, repr or traceback (issue 11 item 2), whatever a peer echoes back.

A hostile peer on loopback (tests/support/hostile_http.py) answers every request with an error
whose text is the whole request: headers (Neon-Connection-String, Authorization: Basic/Bearer),
body, and the decoded Basic credentials. neon_ws gets the same from a peer that answers the
startup and password messages with an ErrorResponse quoting them in every field. Each error's
str, repr, args, meta and formatted traceback are searched for every form of the secret: raw,
percent-encoded, base64 of user:password (as sent and decoded), and the auth token.
"""

from __future__ import annotations

import base64
import json
import struct
import traceback
from typing import Any

import pytest

from prisma_edge.errors import PrismaEdgeError
from prisma_edge.fetch_adapters.base import Query
from prisma_edge.fetch_adapters.libsql import LibsqlAdapter
from prisma_edge.fetch_adapters.neon_http import NeonHttpAdapter
from prisma_edge.fetch_adapters.neon_ws import NeonWsAdapter
from prisma_edge.fetch_adapters.planetscale import PlanetScaleAdapter
from prisma_edge.redact import Secrets, redact
from tests.support.hostile_http import Echoed, echo_text, hostile_server

pytestmark = pytest.mark.no_pyodide("starts its own loopback servers and proxies (Pyodide has no sockets)")

USER, PASSWORD, TOKEN = "alice", "S3cr3t-p%40ss", "eyJhbGciOiJFZERTQSJ9.tok3n-Secret_value"
FORMS = [
    PASSWORD,
    "S3cr3t-p@ss",
    base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode(),
    base64.b64encode(f"{USER}:S3cr3t-p@ss".encode()).decode(),
    TOKEN,
]


def everything(e: BaseException) -> str:
    """All a user (or a log) can see of an error."""
    parts = [str(e), repr(e), repr(e.args), "".join(traceback.format_exception(e))]
    if isinstance(e, PrismaEdgeError):
        parts += [repr(e.meta), e.message]
    return "\n".join(parts)


def assert_clean(text: str) -> None:
    leaked = [f for f in FORMS if f in text]
    assert not leaked, f"{len(leaked)} secret form(s) leaked"


def loud_echo(req: Echoed) -> str:
    """The request, plus what a server that decodes Basic auth would say."""
    text = echo_text(req)
    auth = req.headers.get("Authorization", "")
    if auth.startswith("Basic "):
        text += "\nuser " + base64.b64decode(auth[6:]).decode()
    return text


def test_secrets_cover_every_form() -> None:
    s = Secrets.from_url(f"postgresql://{USER}:{PASSWORD}@db.example.com/x") | Secrets.of(TOKEN)
    for form in [
        *FORMS,
        f"{USER}:{PASSWORD}@db.example.com",
        f"postgresql://{USER}:{PASSWORD}@db.example.com/x",
    ]:
        assert "***" in redact(f"echo: {form} end", s)
        assert form not in redact(f"echo: {form} end", s)
    assert (
        redact("Basic authentication failed for user alice", s)
        == "Basic authentication failed for user alice"
    )
    assert "xyz" not in redact("mysql://bob:xyz@h/db and password=xyz", None)
    assert "S3cr3t" not in repr(s)


NEON_MODES: dict[str, Any] = {
    "400 sql error": lambda t: (
        400,
        json.dumps(
            {
                "message": t,
                "code": "28P01",
                "detail": t,
                "hint": t,
                "table": t,
                "column": t,
                "constraint": t,
                "schema": t,
            }
        ),
    ),
    "400 proxy refusal": lambda t: (400, json.dumps({"message": t})),
    "401": lambda t: (401, json.dumps({"message": t})),
    "500 text": lambda t: (500, t),
    "503 json msg": lambda t: (503, json.dumps({"msg": t})),
    "200 garbage": lambda t: (200, "not json " + t),
}


@pytest.mark.parametrize("mode", list(NEON_MODES))
@pytest.mark.parametrize("auth", ["password", "token"])
async def test_neon_http_errors_hold_no_secret(mode: str, auth: str) -> None:
    def answer(req: Echoed) -> tuple[int, dict[str, str], bytes]:
        status, body = NEON_MODES[mode](loud_echo(req))
        return status, {"Content-Type": "application/json"}, body.encode()

    with hostile_server(answer) as server:
        url = f"postgresql://{USER}:{PASSWORD}@ep-x-1.us-east-2.aws.neon.tech/neondb"
        a = NeonHttpAdapter(
            url, endpoint=server.url + "/sql", auth_token=TOKEN if auth == "token" else None, timeout=10
        )
        assert_clean(repr(a))
        for call in (a.query(Query("SELECT 1")), a.batch([Query("SELECT 1"), Query("SELECT 2")])):
            with pytest.raises(PrismaEdgeError) as info:
                await call
            assert_clean(everything(info.value))
        assert len(server.requests) == 2
        assert PASSWORD in server.requests[0].headers["Neon-Connection-String"]  # the echo did carry it


PS_MODES: dict[str, Any] = {
    "200 vitess error": lambda t: (200, json.dumps({"error": {"code": "UNAUTHENTICATED", "message": t}})),
    "200 sql error": lambda t: (
        200,
        json.dumps({"error": {"code": "UNKNOWN", "message": t + " (errno 1045)"}}),
    ),
    "401": lambda t: (401, t),
    "500 json": lambda t: (500, json.dumps({"code": "internal", "message": t})),
    "400 json": lambda t: (400, json.dumps({"code": "invalid_argument", "message": t})),
    "200 truncated": lambda t: (200, json.dumps({"result": t})[:-3]),
}


@pytest.mark.parametrize("mode", list(PS_MODES))
async def test_planetscale_errors_hold_no_secret(mode: str) -> None:
    def answer(req: Echoed) -> tuple[int, dict[str, str], bytes]:
        status, body = PS_MODES[mode](loud_echo(req))
        return status, {"Content-Type": "application/json"}, body.encode()

    with hostile_server(answer) as server:
        a = PlanetScaleAdapter(f"http://{USER}:{PASSWORD}@{server.url.split('://')[1]}", timeout=10)
        assert_clean(repr(a))
        for call in (a.query(Query("SELECT 1")), a.batch([Query("SELECT 1"), Query("SELECT 2")])):
            with pytest.raises(PrismaEdgeError) as info:
                await call
            assert_clean(everything(info.value))
        assert server.requests[0].headers["Authorization"].startswith("Basic ")


LIBSQL_MODES: dict[str, Any] = {
    "500": lambda t: (500, t),
    "401 json": lambda t: (401, json.dumps({"error": t})),
    "200 sql error": lambda t: (
        200,
        json.dumps(
            {
                "baton": None,
                "base_url": None,
                "results": [
                    {"type": "error", "error": {"message": t, "code": "SQLITE_AUTH"}},
                    {"type": "ok", "response": {"type": "close"}},
                ],
            }
        ),
    ),
}


@pytest.mark.parametrize("mode", list(LIBSQL_MODES))
async def test_libsql_errors_hold_no_secret(mode: str) -> None:
    def answer(req: Echoed) -> tuple[int, dict[str, str], bytes]:
        status, body = LIBSQL_MODES[mode](loud_echo(req))
        return status, {"Content-Type": "application/json"}, body.encode()

    with hostile_server(answer) as server:
        a = LibsqlAdapter(f"{server.url}/?authToken={TOKEN}", timeout=10)
        assert_clean(repr(a))
        with pytest.raises(PrismaEdgeError) as info:
            await a.query(Query("SELECT 1"))
        assert_clean(everything(info.value))
        assert server.requests[0].headers["Authorization"] == f"Bearer {TOKEN}"


class EchoingPgPeer:
    """A 'PostgreSQL server' that answers the login with a FATAL error quoting what it received."""

    def __init__(self) -> None:
        self.received = b""
        self.answered = False
        self.closed = False

    async def send(self, data: bytes) -> None:
        self.received += data

    async def recv(self) -> bytes:
        if self.answered:
            return b""
        self.answered = True
        echo = self.received.replace(b"\x00", b" ").decode("latin-1")
        fields = b"".join(
            k + v.encode() + b"\x00"
            for k, v in (
                (b"S", "FATAL"),
                (b"V", "FATAL"),
                (b"C", "28P01"),
                (b"M", f"password authentication failed: {echo}"),
                (b"D", echo),
                (b"H", echo),
                (b"t", echo),
                (b"c", echo),
                (b"n", echo),
            )
        )
        body = fields + b"\x00"
        return b"E" + struct.pack("!I", len(body) + 4) + body

    async def close(self) -> None:
        self.closed = True


async def test_neon_ws_errors_hold_no_secret() -> None:
    peer = EchoingPgPeer()

    async def connect(url: str, timeout: float | None) -> EchoingPgPeer:
        return peer

    a = NeonWsAdapter(
        f"postgresql://{USER}:{PASSWORD}@ep-x.neon.tech/db", ws_proxy="127.0.0.1:9/v2", connect=connect
    )
    assert_clean(repr(a))
    with pytest.raises(PrismaEdgeError) as info:
        await a.query(Query("SELECT 1"))
    assert b"S3cr3t-p@ss" in peer.received  # the peer did get (and echo) the password
    assert_clean(everything(info.value))
    await a.close()
