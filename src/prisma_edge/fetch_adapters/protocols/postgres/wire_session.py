"""One PostgreSQL session over any byte stream: `PgSession` (see `session` for the adapter over a pool).

It writes what its sans-I/O `PgConnection` produces, feeds it what arrives, and turns events into
`ResultSet`s or `prisma_edge.errors`. Every exchange is ONE flight: the statements and one Sync,
then read until the machine is owed nothing, within the login and statement deadlines. Any
failure closes the session; a lost answer to a flight that could commit is `outcome_unknown`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from prisma_edge import errors
from prisma_edge.fetch_adapters.base import AdapterStats, Records, ResultSet
from prisma_edge.fetch_adapters.protocols.pgwire import (
    NEED_DATA,
    AuthenticationRequest,
    CommandComplete,
    ConnectionClosed,
    ConnState,
    DataRow,
    DataRows,
    EmptyQueryResponse,
    ErrorResponse,
    Event,
    FieldDesc,
    PgConnection,
    PipelineAuth,
    PortalSuspended,
    RowDescription,
    StatementSkipped,
)
from prisma_edge.fetch_adapters.protocols.pgwire.results import StatementResult, group_outcomes
from prisma_edge.fetch_adapters.protocols.postgres import types as pg_types
from prisma_edge.fetch_adapters.protocols.postgres.errors import error_from_sqlstate
from prisma_edge.fetch_adapters.protocols.postgres.row_reader import RowReader
from prisma_edge.fetch_adapters.timeouts import Deadline, current_statement_timeout
from prisma_edge.redact import Secrets, scrub_error

__all__ = ["ByteStream", "PgSession", "Statement"]

Statement = tuple[str, Sequence[Any]]


class ByteStream(Protocol):
    """A reliable, ordered byte pipe: a TCP stream, or a WebSocket carrying binary messages."""

    async def send(self, data: bytes) -> None: ...

    async def recv(self) -> bytes:
        """Some bytes; b"" once the peer has closed."""
        ...

    async def close(self) -> None: ...


class PgSession:
    """One PostgreSQL session over a ByteStream (see the module docstring).

    Args:
        stream: the connected byte pipe (TLS, if any, already negotiated).
        conn: a fresh `PgConnection` (state NEW); the first exchange logs in.
        pipeline_auth: see `PgConnection.startup`.
        stats: where round trips are counted (one per flight written).
        secrets: texts to redact from every message (the password).
        connect_timeout: seconds the login may take (pipelined or not).
        statement_timeout: seconds each later exchange may take (default for `timeouts`).
    """

    def __init__(
        self,
        stream: ByteStream,
        conn: PgConnection,
        *,
        pipeline_auth: PipelineAuth | None = None,
        stats: AdapterStats | None = None,
        secrets: Secrets | tuple[str, ...] = (),
        connect_timeout: float | None = None,
        statement_timeout: float | None = None,
    ) -> None:
        self._stream = stream
        self._statement_timeout = statement_timeout
        self.conn = conn
        self._pipeline_auth = pipeline_auth
        self.stats = stats if stats is not None else AdapterStats()
        self._secrets = secrets if isinstance(secrets, Secrets) else Secrets.of(*secrets)
        self._connect_timeout = connect_timeout
        self._deadline = Deadline()  # one loop timer per session, not one per statement
        self.broken = False

    def __repr__(self) -> str:
        return f"<PgSession {self.conn!r}{' broken' if self.broken else ''}>"

    @property
    def reusable(self) -> bool:
        """Idle outside a transaction and owed nothing: safe to hand to the next caller."""
        return not self.broken and self.conn.idle and self.conn.transaction_status == "I"

    async def run(
        self, statements: Sequence[Statement], records: Sequence[Records | None] = ()
    ) -> list[ResultSet | errors.PrismaEdgeError | None]:
        """Statements + one Sync in one flight: per statement a ResultSet, its error, or None (skipped).

        `records[i]`, where given, is how the caller builds statement i's records: its ResultSet
        then holds them (`records`) instead of rows (see `row_reader`).

        Raises:
            ClientError: a parameter has no PostgreSQL text form (nothing was sent).
            ConnectionError: the connection failed or broke the protocol (the session is closed).
            PrismaEdgeError: an error at the Sync (a deferred constraint failing the implicit COMMIT).
        """
        encoded = [(sql, _encode_params(params)) for sql, params in statements]

        def build() -> bytes:
            out = [self.conn.send_query(sql, params) for sql, params in encoded]
            out.append(self.conn.sync())
            return b"".join(out)

        in_tx = self.conn.state is ConnState.READY and self.conn.transaction_status != "I"
        commits = any(sql.lstrip()[:6].upper() == "COMMIT" for sql, _ in statements)
        opens = bool(statements) and statements[0][0].lstrip()[:5].upper() == "BEGIN"
        may_commit = commits or not (in_tx or opens)
        rows = _Rows(records, len(statements))
        outcomes, at_sync = group_outcomes(
            await self._exchange(build, may_commit=may_commit, rows=rows), len(statements)
        )
        if at_sync:
            raise self.error(at_sync[0])
        return [
            _result_set(o, rows.readers[i])
            if isinstance(o, StatementResult)
            else self.error(o)
            if isinstance(o, ErrorResponse)
            else None
            for i, o in enumerate(outcomes)
        ]

    async def simple(self, sql: str) -> str:
        """A simple query (COMMIT, ROLLBACK...): its last command tag; raises the server's error."""
        tag = ""
        may_commit = sql.lstrip()[:6].upper() == "COMMIT"
        for ev in await self._exchange(lambda: self.conn.simple_query(sql), may_commit=may_commit):
            if isinstance(ev, ErrorResponse):
                raise self.error(ev)
            if isinstance(ev, CommandComplete):
                tag = ev.tag
        return tag

    async def close(self) -> None:
        """Say goodbye (Terminate) if the session is healthy, then close the stream."""
        if not self.broken and self.conn.state is ConnState.READY:
            with contextlib.suppress(Exception):
                await self._stream.send(self.conn.terminate())
        abort = getattr(self._stream, "abort", None) if self.broken else None
        self.broken = True
        with contextlib.suppress(Exception):
            if abort is not None:  # a broken session: no closing handshake with a peer that may be stalled
                abort()
            else:
                await self._stream.close()

    def error(self, ev: ErrorResponse) -> errors.PrismaEdgeError:
        """The prisma_edge error for an ErrorResponse (SQLSTATE mapped, secrets redacted)."""
        err = error_from_sqlstate(
            ev.sqlstate, ev.message, detail=ev.detail, constraint=ev.constraint, column=ev.column,
            table=ev.table, secrets=(self._secrets,),
        )  # fmt: skip
        err.meta.setdefault("schema", ev.schema)
        err.meta.setdefault("hint", ev.hint)
        scrub_error(err, self._secrets)  # meta too: a server may echo the password in any field
        return err

    async def _exchange(
        self, build: Callable[[], bytes], *, may_commit: bool = True, rows: _Rows | None = None
    ) -> list[Event]:
        """One flight and its answers, within the deadlines (see `statement_timeout`).

        The login (startup to ReadyForQuery, pipelined or not) is bounded by `connect_timeout`,
        then the statements by `statement_timeout` (or `timeouts.statement_timeout(...)`). Any
        failure closes the session. A lost answer to a flight that could commit (autocommit
        statements, a batch, COMMIT) is marked `outcome_unknown`; inside a transaction the
        server aborts it, so nothing was applied.
        """
        if self.broken:
            raise errors.ConnectionError("this PostgreSQL session is closed")
        per_statement = current_statement_timeout(self._statement_timeout)
        logging_in = self.conn.state is ConnState.NEW
        sent = False
        deadline = self._deadline
        login_expired = False
        try:
            try:
                prefix = b""
                if logging_in:
                    deadline.arm(self._connect_timeout)
                    prefix = self.conn.startup(pipeline_auth=self._pipeline_auth)
                    if self._pipeline_auth is None:  # log in first, then send
                        await self._send(prefix)
                        await self._collect()
                        prefix = b""
                        logging_in = False
                        deadline.arm(per_statement)
                else:
                    deadline.arm(per_statement)
                data = prefix + build()
                sent = True
                await self._send(data)
                return await self._collect(deadline if logging_in else None, per_statement, rows)
            except asyncio.CancelledError:
                if not deadline.timed_out():
                    raise
                login_expired = self.conn.state in (ConnState.NEW, ConnState.STARTING, ConnState.AUTHENTICATING)
                raise TimeoutError from None
            finally:
                deadline.disarm()
        except TimeoutError:
            self.broken = True
            await self.close()
            unknown = sent and may_commit
            tail = "; the statement was sent, so whether it was applied is unknown (outcome unknown)" if unknown else ""
            if login_expired:
                raise errors.TimeoutError(
                    f"logging in to PostgreSQL took longer than {self._connect_timeout}s; the connection was closed{tail}",
                    outcome_unknown=unknown,
                ) from None
            raise errors.TimeoutError(
                f"PostgreSQL did not answer within {per_statement}s; the connection was closed{tail}",
                outcome_unknown=unknown,
            ) from None
        except errors.ConnectionError as e:
            self.broken = True
            await self.close()
            if (
                sent
                and may_commit
                and self.conn.state is not ConnState.NEW
                and not isinstance(e, errors.AuthenticationError)
            ):
                e.meta["outcome_unknown"] = True
                e.message += (
                    "; the statement was sent, so whether it was applied is unknown (outcome unknown)"
                )
                e.args = (e.message,)
            raise
        except BaseException:  # failed or cancelled mid-exchange: the protocol position is lost
            self.broken = True  # no Terminate: the server may still be answering
            await self.close()
            raise

    async def _send(self, data: bytes) -> None:
        self.stats.round_trips += 1
        try:
            await self._stream.send(data)
        except OSError as e:
            raise errors.ConnectionError(
                f"lost the connection to PostgreSQL: {self._redact(str(e))}"
            ) from None

    async def _collect(
        self, login: Deadline | None = None, then: float | None = None, rows: _Rows | None = None
    ) -> list[Event]:
        """Read until the machine is owed nothing: logged in and every operation answered.

        With `login`, a pipelined login's deadline, which becomes `then` seconds once logged in.
        With `rows`, each statement's rows go to its `RowReader` (none in the events).
        """
        conn = self.conn
        events: list[Event] = []
        fatal: ErrorResponse | None = None
        reader: RowReader | None = None
        while not (conn.state is ConnState.READY and conn.pending == 0):
            if login is not None and conn.state is ConnState.READY:
                login.arm(then)
                login = None
            starting = conn.state in (ConnState.AUTHENTICATING, ConnState.STARTING)
            if reader is not None:
                conn.read_rows(reader)  # every complete DataRow at the head, in one pass
            ev = conn.next_event()
            if ev is NEED_DATA:
                try:
                    data = await self._stream.recv()
                except OSError as e:
                    raise errors.ConnectionError(
                        f"lost the connection to PostgreSQL: {self._redact(str(e))}"
                    ) from None
                conn.receive_data(data)
            elif isinstance(ev, AuthenticationRequest):
                if ev.response:
                    await self._send(ev.response)
            elif isinstance(ev, ConnectionClosed):
                if fatal is not None:
                    raise self.error(fatal)
                raise errors.ConnectionError("the PostgreSQL server closed the connection")
            elif isinstance(ev, ErrorResponse) and starting:
                raise self.error(ev)  # failed login (the server hangs up next)
            elif rows is not None:
                if ev.__class__ is DataRow and reader is not None:  # one the reader's scan left
                    reader.add(ev.values)  # type: ignore[union-attr]
                    continue
                if isinstance(ev, ErrorResponse) and ev.is_fatal:
                    fatal = ev
                events.append(ev)  # type: ignore[arg-type]
                if isinstance(ev, RowDescription):
                    reader = rows.reader(ev.fields)
                elif isinstance(ev, _TERMINAL):
                    rows.finished(ev, reader)
                    reader = None
            else:
                if isinstance(ev, ErrorResponse) and ev.is_fatal:
                    fatal = ev
                events.append(ev)  # type: ignore[arg-type]
                if ev.__class__ is DataRow and (raw := conn.read_rows()):  # the rest of the chunk's rows at once
                    events.append(DataRows(raw))
        return events

    def _redact(self, text: str) -> str:
        return errors.redact(text, self._secrets)


def _encode_params(params: Sequence[Any]) -> list[str | None]:
    try:
        return [pg_types.encode_param(p) for p in params]
    except TypeError as e:
        raise errors.ClientError(str(e)) from None


_TERMINAL = (CommandComplete, PortalSuspended, EmptyQueryResponse, ErrorResponse, StatementSkipped)


class _Rows:
    """The readers of one flight's statements, one per outcome in `group_outcomes`' order (so
    statement i's rows are `readers[i]`'s; None for a statement without rows)."""

    __slots__ = ("_records", "_n", "readers")

    def __init__(self, records: Sequence[Records | None], n: int) -> None:
        self._records, self._n = records, n
        self.readers: list[RowReader | None] = []

    def reader(self, fields: tuple[FieldDesc, ...]) -> RowReader:
        i = len(self.readers)
        return RowReader(fields, self._records[i] if i < len(self._records) else None)

    def finished(self, ev: Event, reader: RowReader | None) -> None:
        """A terminal event: counted as `group_outcomes` counts outcomes (errors past n are the Sync's)."""
        if not isinstance(ev, (ErrorResponse, StatementSkipped)) or len(self.readers) < self._n:
            self.readers.append(reader)


def _result_set(res: StatementResult, reader: RowReader | None) -> ResultSet:
    """One statement's result: its reader's finished rows (or records), and any rows left raw
    decoded the two-step way (by type OID, then the caller's `Records.decode`), as before."""
    fields = res.fields
    rows: Any = reader.rows if reader is not None else []
    records = reader.records if reader is not None else None
    raw = reader.raw if reader is not None else res.rows  # without a reader: rows in the events
    if raw:
        decode_row = pg_types.row_decoder(tuple((f.type_oid, f.format) for f in fields))
        try:
            tail = list(map(decode_row, raw))
        except (ValueError, ArithmeticError) as e:
            raise errors.ProtocolError(
                f"PostgreSQL sent a value that does not decode ({type(e).__name__})"
            ) from None
        rows = rows + (records.decode(tail) if records is not None else tail)
    return ResultSet(
        columns=tuple(f.name for f in fields),
        rows=() if records is not None else tuple(rows),
        column_types=tuple(pg_types.column_type(f.type_oid) for f in fields),
        rows_affected=res.rows_affected,
        records=rows if records is not None else None,
    )
