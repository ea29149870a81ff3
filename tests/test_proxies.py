"""HTTPS_PROXY / NO_PROXY in the CPython transport: a CONNECT tunnel the proxy cannot read.

A TLS endpoint (a self-signed certificate for localhost, made with the openssl CLI) and a CONNECT
proxy of our own, both on loopback. What a user behind a mandatory proxy checks: requests arrive
through the proxy; the proxy sees `CONNECT host:port` and its own credentials, never the
database credentials or the SQL (they travel inside TLS); NO_PROXY and plain loopback http go
direct; a proxy refusing the tunnel gives a ConnectionError that names the proxy and never its
password.
"""

from __future__ import annotations

import base64
import http.server
import json
import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from prisma_edge import errors
from prisma_edge.fetch_adapters.transports.fetch import PooledFetch
from prisma_edge.fetch_adapters.transports.proxies import parse_proxy

pytestmark = pytest.mark.no_pyodide("starts a TLS server and a CONNECT proxy on loopback threads")

SECRET = "postgresql://alice:db-S3cret-pw@ep-x.neon.tech/neondb"
PROXY_PASSWORD = "pr0xy-S3cret"


class _Answer(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 - http.server's spelling
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        seen = {"conn": self.headers.get("Neon-Connection-String"), "body": body.decode()}
        out = json.dumps(seen).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    def log_message(self, *args: object) -> None:
        pass


class _Tunnel:
    """A CONNECT proxy: records each request head and every byte it relays."""

    def __init__(self, *, refuse: bytes | None = None) -> None:
        self.refuse = refuse
        self.heads: list[str] = []
        self.relayed = bytearray()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._one, args=(client,), daemon=True).start()

    def _one(self, client: socket.socket) -> None:
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = client.recv(4096)
            if not chunk:
                return
            head += chunk
        self.heads.append(head.decode("latin-1"))
        if self.refuse is not None:
            client.sendall(self.refuse)
            client.close()
            return
        target = head.split(b" ", 2)[1].decode()
        host, _, port = target.rpartition(":")
        upstream = socket.create_connection(("127.0.0.1" if host == "localhost" else host, int(port)))
        client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")

        def pipe(a: socket.socket, b: socket.socket) -> None:
            try:
                while data := a.recv(65536):
                    self.relayed.extend(data)
                    b.sendall(data)
            except OSError:
                pass
            finally:
                for s in (a, b):
                    try:
                        s.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass

        threading.Thread(target=pipe, args=(client, upstream), daemon=True).start()
        pipe(upstream, client)

    def close(self) -> None:
        self.sock.close()


@pytest.fixture(scope="module")
def tls_endpoint(tmp_path_factory) -> Iterator[tuple[int, ssl.SSLContext]]:
    if not shutil.which("openssl"):
        pytest.skip("the openssl CLI is needed to make a test certificate")
    d: Path = tmp_path_factory.mktemp("tls")
    cert, key = d / "cert.pem", d / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-keyout", str(key),
         "-out", str(cert), "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
        check=True, capture_output=True,
    )  # fmt: skip
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answer)
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(cert, key)
    server.socket = server_ctx.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    client_ctx = ssl.create_default_context(cafile=str(cert))  # trusts only this certificate
    yield server.server_address[1], client_ctx
    server.shutdown()


def _env(monkeypatch: pytest.MonkeyPatch, **values: str) -> None:
    for name in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy", "HTTP_PROXY",
                 "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)


async def _post(fetch: PooledFetch, url: str) -> dict[str, str]:
    try:
        r = await fetch("POST", url, {"Neon-Connection-String": SECRET}, b"SELECT 'hidden sql'", timeout=10)
        return json.loads(r.body)
    finally:
        await fetch.close()


async def test_https_goes_through_the_proxy_tunnel_and_the_proxy_reads_nothing(tls_endpoint, monkeypatch):
    port, ctx = tls_endpoint
    proxy = _Tunnel()
    _env(monkeypatch, HTTPS_PROXY=f"http://bob:{PROXY_PASSWORD}@127.0.0.1:{proxy.port}")
    try:
        seen = await _post(PooledFetch(ssl_context=ctx), f"https://localhost:{port}/sql")
    finally:
        proxy.close()
    assert seen == {"conn": SECRET, "body": "SELECT 'hidden sql'"}  # it arrived, whole
    assert len(proxy.heads) == 1
    head = proxy.heads[0]
    assert head.startswith(f"CONNECT localhost:{port} HTTP/")
    expected = base64.b64encode(f"bob:{PROXY_PASSWORD}".encode()).decode()
    assert f"Proxy-Authorization: Basic {expected}" in head
    assert "S3cret-pw" not in head and "Neon-Connection-String" not in head
    assert b"S3cret-pw" not in proxy.relayed and b"hidden sql" not in proxy.relayed  # TLS inside
    assert len(proxy.relayed) > 0


async def test_no_proxy_and_trust_env_false_connect_directly(tls_endpoint, monkeypatch):
    port, ctx = tls_endpoint
    proxy = _Tunnel()
    try:
        _env(monkeypatch, https_proxy=f"http://127.0.0.1:{proxy.port}", no_proxy="example.org, .localhost,localhost")
        assert (await _post(PooledFetch(ssl_context=ctx), f"https://localhost:{port}/sql"))["conn"] == SECRET
        _env(monkeypatch, HTTPS_PROXY=f"http://127.0.0.1:{proxy.port}")
        direct = PooledFetch(ssl_context=ctx, trust_env=False)
        assert (await _post(direct, f"https://localhost:{port}/sql"))["conn"] == SECRET
    finally:
        proxy.close()
    assert proxy.heads == []


async def test_plain_loopback_http_never_uses_the_proxy(monkeypatch):
    proxy = _Tunnel()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _env(monkeypatch, HTTPS_PROXY=f"http://127.0.0.1:{proxy.port}", HTTP_PROXY=f"http://127.0.0.1:{proxy.port}",
         ALL_PROXY=f"http://127.0.0.1:{proxy.port}")
    try:
        seen = await _post(PooledFetch(), f"http://127.0.0.1:{server.server_address[1]}/sql")
    finally:
        server.shutdown()
        proxy.close()
    assert seen["conn"] == SECRET and proxy.heads == []


async def test_a_proxy_refusing_the_tunnel_is_named_without_its_password(tls_endpoint, monkeypatch):
    port, ctx = tls_endpoint
    proxy = _Tunnel(refuse=b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n")
    _env(monkeypatch, HTTPS_PROXY=f"http://bob:{PROXY_PASSWORD}@127.0.0.1:{proxy.port}")
    try:
        with pytest.raises(errors.ConnectionError) as info:
            await _post(PooledFetch(ssl_context=ctx), f"https://localhost:{port}/sql")
    finally:
        proxy.close()
    text = f"{info.value} {info.value!r} {info.value.args} {info.value.meta}"
    assert f"127.0.0.1:{proxy.port}" in str(info.value) and "407" in str(info.value)
    assert PROXY_PASSWORD not in text and "bob" not in text


async def test_a_proxy_that_is_down_says_so(tls_endpoint, monkeypatch):
    port, ctx = tls_endpoint
    with socket.create_server(("127.0.0.1", 0)) as s:
        dead = s.getsockname()[1]  # closed when the block ends: nothing listens there
    _env(monkeypatch, HTTPS_PROXY=f"http://127.0.0.1:{dead}")
    with pytest.raises(errors.ConnectionError, match=f"through the proxy 127.0.0.1:{dead}"):
        await _post(PooledFetch(ssl_context=ctx), f"https://localhost:{port}/sql")


@pytest.mark.parametrize(("url", "message"), [
    ("socks5://127.0.0.1:1080", "unsupported proxy scheme 'socks5'"),
    ("https://user:pw-S3cret@proxy.example:443", "unsupported proxy scheme 'https'"),
    ("http://:3128", "has no host"),
])
def test_a_proxy_url_it_cannot_use_is_refused_clearly(url: str, message: str):
    with pytest.raises(errors.ClientError, match=message) as info:
        parse_proxy(url)
    assert "S3cret" not in str(info.value)


def test_the_proxy_repr_hides_its_credentials():
    p = parse_proxy(f"http://bob:{PROXY_PASSWORD}@proxy.corp:3128", "internal.corp")
    assert p.where == "proxy.corp:3128" and PROXY_PASSWORD not in repr(p)
    assert p.no_proxy == ("internal.corp",)
