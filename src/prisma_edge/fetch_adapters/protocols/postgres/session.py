"""A PostgreSQL session and the `Adapter` over a pool of them, over any byte stream (transport-free).

Driving the sans-I/O `pgwire` state machine; the `postgres` adapter opens the stream over asyncio TCP, and the
Neon WebSocket adapter can reuse all of this over a WebSocket.

- `PgSession`: one server session over any `ByteStream` (`send(bytes)`, `recv() -> bytes`,
  `close()`). It writes what its `PgConnection` produces, feeds it what arrives, and turns events
  into `ResultSet`s or `prisma_edge.errors`. Every exchange is ONE flight: the statements and one
  Sync, then read until the machine is owed nothing. Connecting is lazy: the first exchange carries
  the startup packet, and with `pipeline_auth` ("cleartext" for the Neon proxy, "trust" for a
  trusting server) the first statements ride in the same flight.
- `PgWireAdapter`: the `Adapter` over a pool of sessions; a subclass says how to open a stream
  (`_open_stream()`). `PgTransaction` is the `Connection` inside its `transaction()`.

Semantics:
- `query()`: one statement, one round trip, its own implicit transaction.
- `batch()`: `BEGIN [ISOLATION LEVEL ..]`, the statements and `COMMIT` in one flight with one Sync.
  If a statement fails the server skips the rest (COMMIT too) and a ROLLBACK follows: one more
  round trip, on failure only.
- `transaction()`: BEGIN is never sent alone, it rides with the first statement. COMMIT on exit,
  ROLLBACK on an exception; `timeout` cancels the body and rolls back. `batch()` inside it uses a
  savepoint, so a failed batch leaves no trace and the transaction goes on.
- A session returns to the pool only when idle outside a transaction; anything else (an error
  mid-exchange, a cancelled task, a lost connection) closes it. A lost connection raises
  `ConnectionError`, and nothing uncommitted survives it: the server aborts the transaction.
- The password is never in a message or a repr; server texts pass through `redact()`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Sequence

from prisma_edge import __version__, errors
from prisma_edge.fetch_adapters.base import AdapterStats, Dialect, IsolationLevel, Query, Records, ResultSet
from prisma_edge.fetch_adapters.protocols.pgwire import PgConnection, PipelineAuth
from prisma_edge.fetch_adapters.protocols.postgres.wire_session import ByteStream, PgSession, Statement
from prisma_edge.fetch_adapters.timeouts import DEFAULT_STATEMENT_TIMEOUT
from prisma_edge.redact import Secrets

__all__ = ["APPLICATION_NAME", "ByteStream", "PgSession", "PgTransaction", "PgWireAdapter", "begin_sql"]

APPLICATION_NAME = f"prisma-edge/{__version__}"

_BEGIN: dict[str | None, str] = {
    None: "BEGIN",
    "ReadUncommitted": "BEGIN ISOLATION LEVEL READ UNCOMMITTED",
    "ReadCommitted": "BEGIN ISOLATION LEVEL READ COMMITTED",
    "RepeatableRead": "BEGIN ISOLATION LEVEL REPEATABLE READ",
    "Serializable": "BEGIN ISOLATION LEVEL SERIALIZABLE",
}


def begin_sql(isolation: IsolationLevel | None) -> str:
    """The BEGIN statement for an isolation level (a fixed table: no text is ever spliced in)."""
    try:
        return _BEGIN[isolation]
    except KeyError:
        levels = ", ".join(k for k in _BEGIN if k)
        raise errors.UnsupportedError(
            f"isolation level {isolation!r} is not available on PostgreSQL; use one of {levels}"
        ) from None


def _only_results(outcomes: Sequence[ResultSet | errors.PrismaEdgeError | None]) -> list[ResultSet]:
    """The results, or raise the first statement error."""
    for o in outcomes:
        if isinstance(o, errors.PrismaEdgeError):
            raise o
    return [o for o in outcomes if isinstance(o, ResultSet)]


class PgWireAdapter:
    """The Adapter protocol over a pool of `PgSession`s; subclasses implement `_open_stream()`."""

    dialect: Dialect = "postgres"

    def __init__(
        self,
        *,
        user: str,
        database: str | None,
        password: str | None,
        application_name: str = APPLICATION_NAME,
        options: dict[str, str] | None = None,
        pipeline_auth: PipelineAuth | None = None,
        pool_size: int = 5,
        timeout: float | None = 30.0,
        label: str = "postgresql",
        secrets: Secrets | None = None,
        statement_timeout: float | None = DEFAULT_STATEMENT_TIMEOUT,
    ) -> None:
        if pool_size < 1:
            raise errors.ClientError("pool_size must be at least 1")
        self._user, self._database, self._password = user, database, password
        self._secrets = (secrets or Secrets()) | Secrets.of(password)
        self._application_name = application_name
        # UTC and ISO dates: what pg_types decodes, and what Neon's endpoints run with
        self._options = {"TimeZone": "UTC", "DateStyle": "ISO, MDY", **(options or {})}
        self._pipeline_auth = pipeline_auth
        self.pool_size = pool_size
        self.timeout = timeout
        self.statement_timeout = statement_timeout
        self._label = label
        self.stats = AdapterStats()
        self._idle: list[PgSession] = []
        self._slots = asyncio.Semaphore(pool_size)
        self._closed = False

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._label}>"

    async def _open_stream(self) -> ByteStream:
        raise NotImplementedError

    async def query(self, query: Query) -> ResultSet:
        """One statement in one round trip (its own implicit transaction)."""
        self.stats.statements += 1
        async with self._session() as s:
            outcomes = await s.run([(query.sql, query.params)], (query.records,))
        return _only_results(outcomes)[0]

    async def batch(self, queries: Sequence[Query], *, isolation: IsolationLevel | None = None) -> list[ResultSet]:
        """All statements in one transaction in ONE round trip (plus a ROLLBACK if one fails)."""
        if not queries:
            return []
        begin = begin_sql(isolation)
        self.stats.statements += len(queries)
        async with self._session() as s:
            outcomes = await s.run([(begin, ()), *((q.sql, q.params) for q in queries), ("COMMIT", ())])
            if any(isinstance(o, errors.PrismaEdgeError) for o in outcomes) and s.conn.transaction_status != "I":
                await s.simple("ROLLBACK")
        return _only_results(outcomes)[1:-1]  # errors of BEGIN/COMMIT (SAVEPOINT/RELEASE) count too

    @contextlib.asynccontextmanager
    async def transaction(
        self, *, isolation: IsolationLevel | None = None, timeout: float | None = None
    ) -> AsyncIterator[PgTransaction]:
        """An interactive transaction: COMMIT on exit, ROLLBACK on an exception.

        Args:
            isolation: the transaction's isolation level.
            timeout: seconds the body may run; then it is cancelled, the transaction rolled back
                and `prisma_edge.errors.TransactionExpiredError` (a TimeoutError; Prisma's P2028) raised.
        """
        begin = begin_sql(isolation)
        async with self._session() as s:
            tx = PgTransaction(s, begin, self.stats)
            deadline = asyncio.timeout(timeout)
            started = asyncio.get_running_loop().time()
            try:
                async with deadline:
                    yield tx
            except BaseException as e:
                await tx._finish(commit=False)
                if isinstance(e, TimeoutError) and deadline.expired() and timeout is not None:
                    elapsed = asyncio.get_running_loop().time() - started
                    raise errors.TransactionExpiredError.after(timeout, elapsed) from None
                raise
            await tx._finish(commit=True)

    async def close(self) -> None:
        """Close pooled sessions; sessions in use close when they are released."""
        self._closed = True
        idle, self._idle = self._idle, []
        for s in idle:
            await s.close()

    async def __aenter__(self) -> PgWireAdapter:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @contextlib.asynccontextmanager
    async def _session(self) -> AsyncIterator[PgSession]:
        if self._closed:
            raise errors.ClientError(f"this {type(self).__name__} is closed")
        async with self._slots:
            s = self._idle.pop() if self._idle else await self._new_session()
            try:
                yield s
            finally:
                if s.reusable and not self._closed:
                    self._idle.append(s)
                else:
                    await s.close()

    async def _new_session(self) -> PgSession:
        try:
            async with asyncio.timeout(self.timeout):
                stream = await self._open_stream()
        except TimeoutError:
            raise errors.TimeoutError(f"connecting to {self._label} took longer than {self.timeout}s") from None
        conn = PgConnection(
            self._user, self._database, self._password, self._application_name, options=self._options
        )
        return PgSession(
            stream, conn, pipeline_auth=self._pipeline_auth, stats=self.stats,
            secrets=self._secrets, connect_timeout=self.timeout, statement_timeout=self.statement_timeout,
        )  # fmt: skip


class PgTransaction:
    """The Connection inside `transaction()`: statements run one exchange at a time on its session."""

    dialect: Dialect = "postgres"

    def __init__(self, session: PgSession, begin: str, stats: AdapterStats) -> None:
        self._s = session
        self._begin: str | None = begin  # not sent yet: it rides with the first statement
        self._stats = stats
        self._lock = asyncio.Lock()
        self._done = False
        self._savepoints = 0

    async def _run(
        self, statements: list[Statement], records: Sequence[Records | None] = ()
    ) -> list[ResultSet | errors.PrismaEdgeError | None]:
        if self._done:
            raise errors.ClientError("this transaction is already closed")
        async with self._lock:
            lead: list[Statement] = []
            if self._begin is not None:
                lead, self._begin = [(self._begin, ())], None
            outcomes = await self._s.run(lead + statements, [None] * len(lead) + list(records))
        if lead and isinstance(outcomes[0], errors.PrismaEdgeError):
            raise outcomes[0]
        return outcomes[len(lead) :]

    async def query(self, query: Query) -> ResultSet:
        self._stats.statements += 1
        return _only_results(await self._run([(query.sql, query.params)], (query.records,)))[0]

    async def batch(self, queries: Sequence[Query], *, isolation: IsolationLevel | None = None) -> list[ResultSet]:
        """All or nothing inside the transaction (a savepoint), in one round trip."""
        if isolation is not None:
            raise errors.ClientError("isolation can only be set when the transaction starts")
        if not queries:
            return []
        self._stats.statements += len(queries)
        self._savepoints += 1
        name = f"pe_batch_{self._savepoints}"  # our own counter: no user text in the name
        outcomes = await self._run(
            [(f"SAVEPOINT {name}", ()), *((q.sql, q.params) for q in queries), (f"RELEASE SAVEPOINT {name}", ())]
        )
        if any(isinstance(o, errors.PrismaEdgeError) for o in outcomes):
            async with self._lock:
                await self._s.simple(f"ROLLBACK TO SAVEPOINT {name}")
        return _only_results(outcomes)[1:-1]  # errors of BEGIN/COMMIT (SAVEPOINT/RELEASE) count too

    async def _finish(self, *, commit: bool) -> None:
        if self._done:
            return
        self._done = True
        s = self._s
        if self._begin is not None:  # nothing was sent
            return
        if s.broken:  # the server rolls back a transaction whose connection is lost
            if commit:
                raise errors.ConnectionError(
                    "the transaction was not committed: its connection was lost before COMMIT "
                    "(PostgreSQL rolled it back); retry the whole transaction",
                    not_committed=True,
                )
            return
        if not commit:
            with contextlib.suppress(errors.PrismaEdgeError):
                await s.simple("ROLLBACK")
            return
        try:
            tag = await s.simple("COMMIT")
        except errors.ConnectionError as e:
            raise errors.ConnectionError(
                f"the connection was lost during COMMIT, so its outcome is unknown: {e.message}",
                outcome_unknown=True,
            ) from e
        if tag == "ROLLBACK":
            raise errors.DatabaseError(
                "the transaction was rolled back: a statement in it failed (COMMIT answered ROLLBACK)",
                db_code="25P02",
            )

