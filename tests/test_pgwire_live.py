"""pgwire against the real PostgreSQL: the state machine driven over a plain blocking socket.

The machine's PostgreSQL (127.0.0.1:5432) trusts every local login, so the password methods
cannot be exercised there without changing its configuration. Instead, `private_pg` starts a
throwaway cluster of the same PostgreSQL (initdb into a temp dir, 127.0.0.1 on a free port,
stopped afterwards) whose pg_hba.conf asks each test role for one method: `password`
(cleartext), `md5`, `scram-sha-256`, and SCRAM over TLS only (`hostssl`). Without initdb those
tests are skipped (the byte-level tests in test_pgwire.py still cover the methods).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pathlib
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator

import pytest

from prisma_edge.errors import AuthenticationError, ConnectionError
from prisma_edge.fetch_adapters.base import Query
from prisma_edge.fetch_adapters.postgres import PgDirectAdapter
from prisma_edge.fetch_adapters.protocols.pgwire import (
    NEED_DATA,
    AuthenticationOk,
    AuthenticationRequest,
    BindComplete,
    CommandComplete,
    ConnectionClosed,
    ConnState,
    DataRow,
    ErrorResponse,
    LocalProtocolError,
    NoData,
    ParseComplete,
    PgConnection,
    ReadyForQuery,
    RowDescription,
    StatementSkipped,
    messages,
)
from tests.support.databases import PG_HOST, PG_PORT, PG_USER

pytestmark = [pytest.mark.no_pyodide("opens TCP sockets to PostgreSQL"), pytest.mark.postgres]

if sys.platform == "emscripten":  # skipped as no_pyodide, with the reason, not as "could not import"
    pytest.skip("no_pyodide: opens TCP sockets to PostgreSQL", allow_module_level=True)
import psycopg  # noqa: E402 - a dev dependency: missing in CPython is an error, not a skip


class Driver:
    """Drives a PgConnection over a blocking socket; counts the flights it writes."""

    def __init__(self, host: str, port: int, conn: PgConnection) -> None:
        self.sock = socket.create_connection((host, port), timeout=20)
        self.conn = conn
        self.flights = 0

    def send(self, data: bytes) -> None:
        self.flights += 1
        self.sock.sendall(data)

    def until_idle(self) -> list:
        """Every event until the machine is owed nothing (or the server hangs up)."""
        conn, events = self.conn, []
        while not (conn.state is ConnState.READY and conn.pending == 0):
            ev = conn.next_event()
            if ev is NEED_DATA:
                conn.receive_data(self.sock.recv(65536))
                continue
            events.append(ev)
            if isinstance(ev, AuthenticationRequest) and ev.response:
                self.send(ev.response)
            if isinstance(ev, ConnectionClosed):
                break
        return events

    def close(self) -> None:
        with contextlib.suppress(OSError):
            if self.conn.state is ConnState.READY:
                self.sock.sendall(self.conn.terminate())
        self.sock.close()


def kinds(events: list) -> list[str]:
    return [type(e).__name__ for e in events]


# --------------------------------------------------------------------------- the machine's server


def test_trust_login_and_pipeline_with_an_error_against_the_real_server(postgres_url):
    database = postgres_url.rsplit("/", 1)[1]
    driver = Driver(PG_HOST, PG_PORT, PgConnection(PG_USER, database, application_name="pgwire-live"))
    try:
        driver.send(driver.conn.startup())
        events = driver.until_idle()
        assert events[0] == AuthenticationOk() and events[-1] == ReadyForQuery("I")
        assert driver.conn.parameters["application_name"] == "pgwire-live"

        c = driver.conn
        driver.send(c.simple_query("CREATE TABLE t (id int PRIMARY KEY)"))
        assert driver.until_idle() == [CommandComplete("CREATE TABLE"), ReadyForQuery("I")]

        data = c.send_query("INSERT INTO t VALUES ($1)", ["1"])
        data += c.send_query("SELECT 1/0")
        data += c.send_query("INSERT INTO t VALUES ($1)", ["2"])
        data += c.sync()
        driver.send(data)
        events = driver.until_idle()
        assert kinds(events) == [
            "ParseComplete", "BindComplete", "NoData", "CommandComplete",
            "ParseComplete", "ErrorResponse",
            "StatementSkipped",
            "ReadyForQuery",
        ]  # fmt: skip
        assert events[5].sqlstate == "22012"

        # the whole pipeline was one implicit transaction: the first INSERT was rolled back too,
        # and the skipped one never ran
        driver.send(c.send_query("SELECT count(*) FROM t") + c.sync())
        events = driver.until_idle()
        assert DataRow((b"0",)) in events
    finally:
        driver.close()


def test_every_result_row_arrives_for_a_large_result(postgres_url):
    database = postgres_url.rsplit("/", 1)[1]
    driver = Driver(PG_HOST, PG_PORT, PgConnection(PG_USER, database))
    try:
        driver.send(driver.conn.startup())
        driver.until_idle()
        c = driver.conn
        driver.send(c.send_query("SELECT g, repeat('x', g % 100) FROM generate_series(1, $1::int) g", ["20000"]) + c.sync())
        events = driver.until_idle()
        rows = [e for e in events if isinstance(e, DataRow)]
        assert len(rows) == 20000
        assert rows[-1] == DataRow((b"20000", b""))
        assert events[-2] == CommandComplete("SELECT 20000")
    finally:
        driver.close()


def test_cancel_request_with_the_backend_key(postgres_url):
    database = postgres_url.rsplit("/", 1)[1]
    driver = Driver(PG_HOST, PG_PORT, PgConnection(PG_USER, database))
    try:
        driver.send(driver.conn.startup())
        driver.until_idle()
        key = driver.conn.backend_key
        assert key is not None and len(key.secret_key) == 4
        c = driver.conn
        driver.send(c.send_query("SELECT pg_sleep(30)") + c.sync())
        time.sleep(0.3)  # let the query start (not a timing assertion)
        with socket.create_connection((PG_HOST, PG_PORT), timeout=10) as cancel:
            cancel.sendall(messages.cancel_request(key.process_id, key.secret_key))
            assert cancel.recv(1) == b""  # the server just hangs up
        events = driver.until_idle()
        err = next(e for e in events if isinstance(e, ErrorResponse))
        assert err.sqlstate == "57014"  # canceling statement due to user request
        assert events[-1] == ReadyForQuery("I")
    finally:
        driver.close()


# --------------------------------------------------------------------------- a private cluster


def _bindir() -> pathlib.Path | None:
    found = shutil.which("initdb")
    if found:
        return pathlib.Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return pathlib.Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


PASSWORDS = {
    "clear_user": "clear pw",
    "md5_user": "md5-pw",
    "scram_user": "scram-pw",
    "unicode_user": "\u2168-geheim",  # ROMAN NUMERAL NINE: SASLprep turns it into "IX"
    "ssl_user": "ssl-pw",
}

HBA = """\
local all all trust
host all postgres 127.0.0.1/32 trust
host all clear_user 127.0.0.1/32 password
host all md5_user 127.0.0.1/32 md5
host all scram_user 127.0.0.1/32 scram-sha-256
host all unicode_user 127.0.0.1/32 scram-sha-256
hostssl all ssl_user 127.0.0.1/32 scram-sha-256
hostnossl all ssl_user 127.0.0.1/32 reject
"""


@pytest.fixture(scope="module")
def private_pg() -> Iterator[dict]:
    """A throwaway PostgreSQL cluster on 127.0.0.1 with password auth and TLS; stopped afterwards."""
    bindir = _bindir()
    if bindir is None:
        pytest.skip("initdb not found: cannot start a private PostgreSQL with password auth")
    as_root = os.geteuid() == 0
    if as_root and shutil.which("runuser") is None:
        pytest.skip("running as root without runuser: cannot start PostgreSQL as an unprivileged user")
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="pe_pgwire_"))
    data = tmp / "data"
    proc = None
    try:
        if as_root:
            shutil.chown(tmp, "postgres")
        subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"],
                       check=True, capture_output=True)  # fmt: skip
        (data / "pg_hba.conf").write_text(HBA)
        cert = key = None
        if shutil.which("openssl"):
            cert, key = data / "server.crt", data / "server.key"
            subprocess.run(
                ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                 "-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost",
                 "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                check=True, capture_output=True,
            )  # fmt: skip
            key.chmod(0o600)
            if as_root:
                shutil.chown(cert, "postgres")
                shutil.chown(key, "postgres")
        port = _free_port()
        args = [*prefix, str(bindir / "postgres"), "-D", str(data), "-p", str(port), "-k", str(tmp),
                "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"]  # fmt: skip
        if cert:
            args += ["-c", "ssl=on", "-c", f"ssl_cert_file={cert}", "-c", f"ssl_key_file={key}"]
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        admin_url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        deadline = time.monotonic() + 60
        while True:
            try:
                admin = psycopg.connect(admin_url, autocommit=True, connect_timeout=2)
                break
            except psycopg.OperationalError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"private PostgreSQL did not start: {proc.stderr.read().decode()[-2000:]}")
                time.sleep(0.2)
        with admin:
            for role, password in PASSWORDS.items():
                encryption = "md5" if role == "md5_user" else "scram-sha-256"
                admin.execute(psycopg.sql.SQL("SET password_encryption = {}").format(psycopg.sql.Literal(encryption)))
                admin.execute(
                    psycopg.sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                        psycopg.sql.Identifier(role), psycopg.sql.Literal(password)
                    )
                )
        yield {"port": port, "cert": cert}
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)


def login(port: int, user: str, password: str | None, **startup) -> tuple[Driver, list]:
    driver = Driver("127.0.0.1", port, PgConnection(user, "postgres", password=password))
    driver.send(driver.conn.startup(**startup))
    return driver, driver.until_idle()


@pytest.mark.parametrize(
    ("user", "method"),
    [("clear_user", "cleartext"), ("md5_user", "md5"), ("scram_user", "SCRAM-SHA-256")],
)
def test_password_login_methods_against_the_real_server(private_pg, user, method):
    driver, events = login(private_pg["port"], user, PASSWORDS[user])
    try:
        requests = [e.method for e in events if isinstance(e, AuthenticationRequest)]
        if method == "SCRAM-SHA-256":
            assert requests == ["SCRAM-SHA-256", "SCRAM-SHA-256-continue"]
        else:
            assert requests == [method]
        assert AuthenticationOk() in events and events[-1] == ReadyForQuery("I")
        c = driver.conn
        driver.send(c.send_query("SELECT current_user") + c.sync())
        assert DataRow((user.encode(),)) in driver.until_idle()
    finally:
        driver.close()


@pytest.mark.parametrize("user", ["clear_user", "md5_user", "scram_user"])
def test_wrong_password_is_refused_by_the_real_server(private_pg, user):
    driver, events = login(private_pg["port"], user, "wrong password")
    try:
        err = events[-2] if isinstance(events[-1], ConnectionClosed) else events[-1]
        assert isinstance(err, ErrorResponse) and err.sqlstate == "28P01" and err.is_fatal
        assert driver.conn.state is ConnState.CLOSED
    finally:
        driver.close()


def test_scram_password_goes_through_saslprep_like_the_server(private_pg):
    """The role's password is "\u2168-geheim"; SASLprep maps \u2168 to "IX", on both sides."""
    for password in (PASSWORDS["unicode_user"], "IX-geheim"):
        driver, events = login(private_pg["port"], "unicode_user", password)
        driver.close()
        assert AuthenticationOk() in events, password


def test_pipelined_cleartext_login_and_query_in_one_flight(private_pg):
    conn = PgConnection("clear_user", "postgres", password=PASSWORDS["clear_user"])
    driver = Driver("127.0.0.1", private_pg["port"], conn)
    try:
        driver.send(conn.startup(pipeline_auth="cleartext") + conn.send_query("SELECT $1::int + 1", ["41"]) + conn.sync())
        events = driver.until_idle()
        assert driver.flights == 1  # startup, password and query: one write, no waiting
        assert events[0] == AuthenticationRequest("cleartext", b"")
        assert DataRow((b"42",)) in events and events[-1] == ReadyForQuery("I")
    finally:
        driver.close()


def test_pipelined_cleartext_against_a_scram_server_is_refused_locally(private_pg):
    conn = PgConnection("scram_user", "postgres", password=PASSWORDS["scram_user"])
    driver = Driver("127.0.0.1", private_pg["port"], conn)
    try:
        driver.send(conn.startup(pipeline_auth="cleartext"))
        with pytest.raises(LocalProtocolError, match="SCRAM-SHA-256"):
            driver.until_idle()
    finally:
        driver.close()


def _url(private_pg: dict, user: str, password: str, query: str = "") -> str:
    from urllib.parse import quote

    return f"postgresql://{user}:{quote(password, safe='')}@127.0.0.1:{private_pg['port']}/postgres{query}"


@pytest.mark.parametrize("user", ["clear_user", "md5_user", "scram_user", "unicode_user"])
async def test_pg_direct_logs_in_with_each_method(private_pg, user):
    async with PgDirectAdapter(_url(private_pg, user, PASSWORDS[user])) as db:
        rs = await db.query(Query("SELECT current_user AS u"))
        assert rs.rows == ((user,),)


async def test_pg_direct_wrong_password_is_an_authentication_error_without_the_password(private_pg):
    db = PgDirectAdapter(_url(private_pg, "scram_user", "hunter2-wrong"))
    with pytest.raises(AuthenticationError) as info:
        await db.query(Query("SELECT 1"))
    assert info.value.code == "P1000"
    assert "hunter2-wrong" not in str(info.value) and "hunter2-wrong" not in repr(db)
    await db.close()


async def test_pg_direct_pipelined_cleartext_connect_is_one_round_trip(private_pg):
    db = PgDirectAdapter(_url(private_pg, "clear_user", PASSWORDS["clear_user"]), pipeline_auth="cleartext")
    async with db:
        assert (await db.query(Query("SELECT 1 AS one"))).rows == ((1,),)
        assert db.stats.round_trips == 1
    plain = PgDirectAdapter(_url(private_pg, "clear_user", PASSWORDS["clear_user"]))
    async with plain:
        await plain.query(Query("SELECT 1"))
        assert plain.stats.round_trips == 3  # startup, password, query


def _need_tls(private_pg: dict) -> None:
    if private_pg["cert"] is None:
        pytest.skip("openssl not found: the private cluster runs without TLS")


async def test_pg_direct_tls_sslmode_require(private_pg):
    _need_tls(private_pg)
    async with PgDirectAdapter(_url(private_pg, "ssl_user", PASSWORDS["ssl_user"], "?sslmode=require")) as db:
        rs = await db.query(Query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
        assert rs.rows == ((True,),)


async def test_pg_direct_tls_verifies_the_server_certificate(private_pg):
    _need_tls(private_pg)
    url = _url(private_pg, "ssl_user", PASSWORDS["ssl_user"])
    ctx = ssl.create_default_context(cafile=str(private_pg["cert"]))
    async with PgDirectAdapter(url, ssl=ctx) as db:  # trusted CA, hostname 127.0.0.1 in the SAN
        assert (await db.query(Query("SELECT 1"))).rows == ((1,),)
    db = PgDirectAdapter(url, ssl=True)  # system CAs: the self-signed certificate is refused
    with pytest.raises(ConnectionError, match="TLS"):
        await db.query(Query("SELECT 1"))
    await db.close()


async def test_pg_direct_without_tls_is_rejected_for_a_hostssl_role(private_pg):
    _need_tls(private_pg)
    db = PgDirectAdapter(_url(private_pg, "ssl_user", PASSWORDS["ssl_user"], "?sslmode=disable"))
    with pytest.raises(AuthenticationError, match="pg_hba.conf"):
        await db.query(Query("SELECT 1"))
    await db.close()


def test_events_of_a_real_extended_query_match_the_documented_order(private_pg):
    driver, _ = login(private_pg["port"], "scram_user", PASSWORDS["scram_user"])
    try:
        c = driver.conn
        driver.send(c.send_query("SELECT 1 AS a") + c.send_query("SET application_name = 'x'") + c.sync())
        events = driver.until_idle()
        assert events[:2] == [ParseComplete(), BindComplete()]
        assert isinstance(events[2], RowDescription)
        assert events[3:5] == [DataRow((b"1",)), CommandComplete("SELECT 1")]
        assert events[5:8] == [ParseComplete(), BindComplete(), NoData()]
        assert events[8] == CommandComplete("SET") and events[-1] == ReadyForQuery("I")
        assert not any(isinstance(e, StatementSkipped) for e in events)
    finally:
        driver.close()
