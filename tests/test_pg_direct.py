"""PgDirectAdapter against the real PostgreSQL (127.0.0.1:5432, throwaway database per test).

Round trips are counted twice: by the adapter (`stats`) and, independently, by a TCP relay
between the adapter and the server that records which side spoke. A "flight" is a run of
client-to-server chunks with no server bytes in between; the server cannot answer a flight
before it has it, and the adapter waits for the answer before the next one.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import sys
import uuid
from decimal import Decimal
from urllib.parse import urlsplit, urlunsplit

import pytest

from prisma_edge import errors
from prisma_edge.fetch_adapters.base import Adapter, ColumnType, Connection, Query
from prisma_edge.fetch_adapters.postgres import PgDirectAdapter

pytestmark = [pytest.mark.no_pyodide("opens TCP sockets to PostgreSQL"), pytest.mark.postgres]

if sys.platform == "emscripten":  # skipped as no_pyodide, with the reason, not as "could not import"
    pytest.skip("no_pyodide: opens TCP sockets to PostgreSQL", allow_module_level=True)
import psycopg  # noqa: E402 - a dev dependency: missing in CPython is an error, not a skip


class Relay:
    """A TCP relay on 127.0.0.1 that logs who sent each chunk ('c' client, 's' server)."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.log: list[str] = []
        self.writers: list[asyncio.StreamWriter] = []
        self.server: asyncio.Server | None = None

    async def start(self) -> int:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return self.server.sockets[0].getsockname()[1]

    async def _serve(self, creader: asyncio.StreamReader, cwriter: asyncio.StreamWriter) -> None:
        sreader, swriter = await asyncio.open_connection(*self.target)
        self.writers += [cwriter, swriter]

        async def pump(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, who: str) -> None:
            with contextlib.suppress(OSError):
                while data := await reader.read(65536):
                    self.log.append(who)
                    writer.write(data)
                    await writer.drain()
            writer.close()

        await asyncio.gather(pump(creader, swriter, "c"), pump(sreader, cwriter, "s"))

    def flights(self) -> int:
        """Client flights so far (runs of 'c')."""
        return sum(1 for i, who in enumerate(self.log) if who == "c" and (i == 0 or self.log[i - 1] != "c"))

    def cut(self) -> None:
        """Drop every relayed connection, as a network failure would."""
        for w in self.writers:
            w.transport.abort()

    async def close(self) -> None:
        self.cut()
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()


@contextlib.asynccontextmanager
async def relayed(url: str, **kw):
    """A PgDirectAdapter whose traffic goes through a Relay."""
    parts = urlsplit(url)
    relay = Relay(parts.hostname, parts.port or 5432)
    port = await relay.start()
    netloc = parts.netloc.rsplit("@", 1)[0] + f"@127.0.0.1:{port}"
    db = PgDirectAdapter(urlunsplit(parts._replace(netloc=netloc)), **kw)
    try:
        yield db, relay
    finally:
        await db.close()
        await relay.close()


def admin(url: str):
    return psycopg.connect(url, autocommit=True)


# --------------------------------------------------------------------------- values


async def test_common_types_round_trip_as_parameters_and_results(postgres_url):
    values = {
        "int4": (42, "int4", ColumnType.INT),
        "int2": (-7, "int2", ColumnType.INT),
        "int8": (2**62, "int8", ColumnType.BIGINT),
        "float8": (1.5, "float8", ColumnType.FLOAT),
        "numeric": (Decimal("12345678901234567890.123456789"), "numeric", ColumnType.DECIMAL),
        "bool": (True, "bool", ColumnType.BOOL),
        "text": ("héllo 'quoted' \"x\" 😀", "text", ColumnType.TEXT),
        "varchar": ("abc", "varchar(10)", ColumnType.TEXT),
        "bytea": (b"\x00\x01\xff'\\", "bytea", ColumnType.BYTES),
        "date": (dt.date(2024, 2, 29), "date", ColumnType.DATE),
        "time": (dt.time(13, 14, 15, 123456), "time", ColumnType.TIME),
        "timestamptz": (dt.datetime(2024, 1, 2, 3, 4, 5, 678900, tzinfo=dt.UTC), "timestamptz", ColumnType.DATETIME),
        "timestamp": (dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC), "timestamp", ColumnType.DATETIME),
        "uuid": (uuid.UUID("12345678-1234-5678-1234-567812345678"), "uuid", ColumnType.UUID),
        "jsonb": ('{"a": [1, 2, {"b": null}]}', "jsonb", ColumnType.JSON),
        "int_array": ([1, 2, None, 4], "int4[]", ColumnType.UNKNOWN),
        "text_array": (["a", 'q"uote', "back\\slash", None], "text[]", ColumnType.UNKNOWN),
    }
    cols = ", ".join(f"$%d::{pgtype} AS {name}" % (i + 1) for i, (name, (_, pgtype, _)) in enumerate(values.items()))
    async with PgDirectAdapter(postgres_url) as db:
        rs = await db.query(Query(f"SELECT {cols}, NULL::int AS nothing", tuple(v for v, _, _ in values.values())))
    row = dict(zip(rs.columns, rs.rows[0], strict=True))
    assert rs.column_types == tuple(ct for _, _, ct in values.values()) + (ColumnType.INT,)
    for name, (value, _, _) in values.items():
        expected = str(value) if name == "uuid" else value
        if name == "jsonb":
            assert row[name].replace(" ", "") == value.replace(" ", "")
        else:
            assert row[name] == expected, name
    assert row["nothing"] is None


async def test_rows_affected_and_returning(postgres_url):
    async with PgDirectAdapter(postgres_url) as db:
        await db.query(Query("CREATE TABLE t (id serial PRIMARY KEY, name text NOT NULL)"))
        rs = await db.query(Query("INSERT INTO t (name) VALUES ($1), ($2) RETURNING id, name", ("a", "b")))
        assert rs.rows == ((1, "a"), (2, "b")) and rs.rows_affected == 2 and rs.columns == ("id", "name")
        rs = await db.query(Query("UPDATE t SET name = upper(name)"))
        assert rs.rows == () and rs.columns == () and rs.rows_affected == 2
        rs = await db.query(Query("SELECT * FROM t WHERE id > $1 ORDER BY id", (5,)))
        assert rs.rows == () and rs.columns == ("id", "name")


# --------------------------------------------------------------------------- round trips


async def test_batch_is_one_round_trip_and_atomic(postgres_url):
    async with relayed(postgres_url) as (db, relay):
        await db.query(Query("CREATE TABLE t (id int PRIMARY KEY, v text)"))
        relay.log.clear()
        db.stats.reset()
        results = await db.batch(
            [
                Query("INSERT INTO t VALUES ($1, $2)", (1, "a")),
                Query("INSERT INTO t VALUES ($1, $2)", (2, "b")),
                Query("UPDATE t SET v = v || $1 WHERE id = $2", ("!", 1)),
                Query("SELECT id, v FROM t ORDER BY id"),
            ]
        )
        assert relay.flights() == 1 and db.stats.round_trips == 1 and db.stats.statements == 4
        assert [r.rows_affected for r in results[:3]] == [1, 1, 1]
        assert results[3].rows == ((1, "a!"), (2, "b"))


async def test_failed_batch_commits_nothing_and_costs_one_extra_round_trip(postgres_url):
    async with relayed(postgres_url) as (db, relay):
        await db.query(Query("CREATE TABLE t (id int PRIMARY KEY)"))
        relay.log.clear()
        db.stats.reset()
        with pytest.raises(errors.UniqueConstraintError) as info:
            await db.batch([Query("INSERT INTO t VALUES (1)"), Query("INSERT INTO t VALUES (1)"), Query("INSERT INTO t VALUES (3)")])
        assert info.value.fields == ("id",)
        assert relay.flights() == 2 and db.stats.round_trips == 2  # the batch, then ROLLBACK
        assert (await db.query(Query("SELECT count(*) FROM t"))).rows == ((0,),)


async def test_batch_isolation_level(postgres_url):
    async with PgDirectAdapter(postgres_url) as db:
        (rs,) = await db.batch([Query("SHOW transaction_isolation")], isolation="Serializable")
        assert rs.rows == (("serializable",),)
        with pytest.raises(errors.UnsupportedError):
            await db.batch([Query("SELECT 1")], isolation="Snapshot")


async def test_pipelined_trust_connect_costs_no_extra_round_trip(postgres_url):
    async with relayed(postgres_url, pipeline_auth="trust") as (db, relay):
        assert (await db.query(Query("SELECT $1::int * 2 AS x", (21,)))).rows == ((42,),)
        assert relay.flights() == 1 and db.stats.round_trips == 1
    async with relayed(postgres_url) as (db, relay):
        await db.query(Query("SELECT 1"))
        assert relay.flights() == 2 and db.stats.round_trips == 2  # startup, then the query


async def test_sessions_are_pooled_and_reused(postgres_url):
    async with relayed(postgres_url, pool_size=3) as (db, relay):
        results = await asyncio.gather(*(db.query(Query("SELECT pg_backend_pid() AS pid, $1::int AS i", (i,))) for i in range(12)))
        assert sorted(r.rows[0][1] for r in results) == list(range(12))
        assert len({r.rows[0][0] for r in results}) <= 3
        assert len(relay.writers) // 2 <= 3  # at most pool_size TCP connections were opened


# --------------------------------------------------------------------------- errors


async def test_errors_are_mapped_from_sqlstate(postgres_url):
    async with PgDirectAdapter(postgres_url) as db:
        await db.batch(
            [
                Query("CREATE TABLE parent (id int PRIMARY KEY)"),
                Query('CREATE TABLE child (id int PRIMARY KEY, "parentId" int NOT NULL REFERENCES parent(id))'),
                Query("INSERT INTO parent VALUES (1)"),
            ]
        )
        with pytest.raises(errors.UniqueConstraintError) as unique:
            await db.query(Query("INSERT INTO parent VALUES ($1)", (1,)))
        assert unique.value.code == "P2002" and unique.value.db_code == "23505" and unique.value.fields == ("id",)
        with pytest.raises(errors.ForeignKeyError) as fk:
            await db.query(Query("INSERT INTO child VALUES (1, 99)"))
        assert fk.value.code == "P2003" and fk.value.field == "child_parentId_fkey"
        with pytest.raises(errors.NullConstraintError):
            await db.query(Query("INSERT INTO child (id) VALUES (2)"))
        with pytest.raises(errors.DatabaseError) as syntax:
            await db.query(Query("SELEC 1"))
        assert syntax.value.db_code == "42601"
        # after every error the adapter keeps working on the same pooled session
        assert (await db.query(Query("SELECT count(*) FROM parent"))).rows == ((1,),)
        assert db.stats.round_trips == 7  # login + 6 statements: no reconnects


async def test_bad_parameter_and_nul_in_sql_are_client_errors(postgres_url):
    async with PgDirectAdapter(postgres_url) as db:
        with pytest.raises(errors.ClientError):
            await db.query(Query("SELECT $1", (object(),)))
        with pytest.raises(errors.ClientError, match="NUL"):
            await db.query(Query("SELECT 1\x00"))
        assert (await db.query(Query("SELECT 1 AS one"))).rows == ((1,),)


async def test_password_never_appears_in_reprs_or_errors():
    url = "postgresql://someone:sup3r-s3cret@127.0.0.1:1/db"  # nothing listens on port 1
    db = PgDirectAdapter(url)
    assert "sup3r-s3cret" not in repr(db)
    with pytest.raises(errors.ConnectionError) as info:
        await db.query(Query("SELECT 1"))
    assert "sup3r-s3cret" not in str(info.value) and "127.0.0.1:1" in str(info.value)
    await db.close()


async def test_closed_adapter_refuses_work(postgres_url):
    db = PgDirectAdapter(postgres_url)
    assert isinstance(db, Adapter)
    await db.query(Query("SELECT 1"))
    await db.close()
    with pytest.raises(errors.ClientError, match="closed"):
        await db.query(Query("SELECT 1"))


# --------------------------------------------------------------------------- transactions


async def test_transaction_commits_and_sends_begin_with_the_first_statement(postgres_url):
    async with relayed(postgres_url) as (db, relay):
        await db.query(Query("CREATE TABLE t (id int)"))
        db.stats.reset()
        relay.log.clear()
        async with db.transaction(isolation="RepeatableRead") as tx:
            assert isinstance(tx, Connection)
            (await tx.query(Query("INSERT INTO t VALUES ($1)", (1,))))
            level = await tx.query(Query("SHOW transaction_isolation"))
            assert level.rows == (("repeatable read",),)
        assert relay.flights() == 3 and db.stats.round_trips == 3  # BEGIN+INSERT, SHOW, COMMIT
        assert (await db.query(Query("SELECT count(*) FROM t"))).rows == ((1,),)


async def test_transaction_rolls_back_on_exception(postgres_url):
    async with PgDirectAdapter(postgres_url) as db:
        await db.query(Query("CREATE TABLE t (id int)"))
        with pytest.raises(RuntimeError, match="boom"):
            async with db.transaction() as tx:
                await tx.query(Query("INSERT INTO t VALUES (1)"))
                raise RuntimeError("boom")
        assert (await db.query(Query("SELECT count(*) FROM t"))).rows == ((0,),)


async def test_transaction_timeout_rolls_back(postgres_url):
    async with PgDirectAdapter(postgres_url) as db:
        await db.query(Query("CREATE TABLE t (id int)"))
        with pytest.raises(errors.TimeoutError, match="rolled back"):
            async with db.transaction(timeout=0.5) as tx:
                await tx.query(Query("INSERT INTO t VALUES (1)"))
                await tx.query(Query("SELECT pg_sleep(5)"))
        assert (await db.query(Query("SELECT count(*) FROM t"))).rows == ((0,),)


async def test_batch_inside_a_transaction_uses_a_savepoint(postgres_url):
    async with PgDirectAdapter(postgres_url) as db:
        await db.query(Query("CREATE TABLE t (id int PRIMARY KEY)"))
        async with db.transaction() as tx:
            await tx.query(Query("INSERT INTO t VALUES (1)"))
            with pytest.raises(errors.UniqueConstraintError):
                await tx.batch([Query("INSERT INTO t VALUES (2)"), Query("INSERT INTO t VALUES (1)")])
            await tx.batch([Query("INSERT INTO t VALUES (3)"), Query("INSERT INTO t VALUES (4)")])
        rs = await db.query(Query("SELECT id FROM t ORDER BY id"))
        assert rs.rows == ((1,), (3,), (4,))


async def test_commit_of_a_failed_transaction_reports_the_rollback(postgres_url):
    async with PgDirectAdapter(postgres_url) as db:
        await db.query(Query("CREATE TABLE t (id int PRIMARY KEY)"))
        with pytest.raises(errors.DatabaseError, match="rolled back"):
            async with db.transaction() as tx:
                await tx.query(Query("INSERT INTO t VALUES (1)"))
                with contextlib.suppress(errors.UniqueConstraintError):
                    await tx.query(Query("INSERT INTO t VALUES (1)"))
        assert (await db.query(Query("SELECT count(*) FROM t"))).rows == ((0,),)


async def test_lost_connection_mid_transaction_raises_and_commits_nothing(postgres_url):
    async with relayed(postgres_url) as (db, relay):
        await db.query(Query("CREATE TABLE t (id int)"))
        with pytest.raises(errors.ConnectionError):
            async with db.transaction() as tx:
                await tx.query(Query("INSERT INTO t VALUES (1)"))
                relay.cut()
                await tx.query(Query("INSERT INTO t VALUES (2)"))
    with admin(postgres_url) as conn:
        assert conn.execute("SELECT count(*) FROM t").fetchone() == (0,)


async def test_backend_killed_mid_transaction_raises_connection_error(postgres_url):
    async with PgDirectAdapter(postgres_url) as db:
        await db.query(Query("CREATE TABLE t (id int)"))
        with pytest.raises(errors.ConnectionError):
            async with db.transaction() as tx:
                await tx.query(Query("INSERT INTO t VALUES (1)"))
                pid = (await tx.query(Query("SELECT pg_backend_pid()"))).rows[0][0]
                with admin(postgres_url) as conn:
                    conn.execute("SELECT pg_terminate_backend(%s)", (pid,))
                await tx.query(Query("INSERT INTO t VALUES (2)"))
        # the pool replaced the dead session
        assert (await db.query(Query("SELECT count(*) FROM t"))).rows == ((0,),)


async def test_a_session_left_inside_a_transaction_is_not_reused(postgres_url):
    async with PgDirectAdapter(postgres_url, pool_size=1) as db:
        await db.query(Query("CREATE TABLE t (id int)"))
        await db.query(Query("BEGIN"))  # misuse: the session is closed instead of pooled
        await db.query(Query("INSERT INTO t VALUES (1)"))
        with admin(postgres_url) as conn:
            assert conn.execute("SELECT count(*) FROM t").fetchone() == (1,)


# --------------------------------------------------------------------------- connecting


def _with_query(url: str, query: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}{query}"


async def test_sslmode_prefer_falls_back_and_require_refuses_a_server_without_tls(postgres_url):
    with admin(postgres_url) as conn:
        if conn.execute("SHOW ssl").fetchone() != ("off",):
            pytest.skip("this PostgreSQL has TLS on; the private cluster in test_pgwire_live.py covers TLS")
    async with PgDirectAdapter(_with_query(postgres_url, "sslmode=prefer")) as db:
        assert (await db.query(Query("SELECT 1"))).rows == ((1,),)
        assert db.stats.round_trips == 3  # SSLRequest (answered N), startup, query
    db = PgDirectAdapter(_with_query(postgres_url, "sslmode=require"))
    with pytest.raises(errors.ConnectionError, match="does not accept TLS"):
        await db.query(Query("SELECT 1"))
    await db.close()


async def test_unix_socket_directory_in_the_url(postgres_url):
    socket_dir = "/var/run/postgresql"
    if not os.path.exists(f"{socket_dir}/.s.PGSQL.5432"):
        pytest.skip(f"no PostgreSQL Unix socket in {socket_dir}")
    parts = urlsplit(postgres_url)
    url = f"postgresql://{parts.username}@{parts.path}?host={socket_dir}"
    async with PgDirectAdapter(url) as db:
        rs = await db.query(Query("SELECT current_database(), inet_client_addr() IS NULL AS via_socket"))
        assert rs.rows == ((parts.path.lstrip("/"), True),)


async def test_application_name_and_session_settings(postgres_url):
    async with PgDirectAdapter(_with_query(postgres_url, "application_name=my-app")) as db:
        rs = await db.query(Query("SELECT current_setting('application_name'), current_setting('TimeZone')"))
        assert rs.rows == (("my-app", "UTC"),)


async def test_deferred_constraint_failing_at_commit_is_raised(postgres_url):
    """The error comes at the Sync (query) or at COMMIT (batch), after the statement succeeded."""
    async with PgDirectAdapter(postgres_url) as db:
        await db.batch(
            [
                Query("CREATE TABLE parent (id int PRIMARY KEY)"),
                Query(
                    "CREATE TABLE child (id int, parent_id int REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)"
                ),
            ]
        )
        with pytest.raises(errors.ForeignKeyError):
            await db.query(Query("INSERT INTO child VALUES (1, 99)"))
        with pytest.raises(errors.ForeignKeyError):
            await db.batch([Query("INSERT INTO child VALUES (2, 99)"), Query("INSERT INTO child VALUES (3, 98)")])
        assert (await db.query(Query("SELECT count(*) FROM child"))).rows == ((0,),)
