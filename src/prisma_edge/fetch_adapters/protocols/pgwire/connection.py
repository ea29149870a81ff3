"""The PostgreSQL v3 client protocol as a sans-I/O state machine (the h11 way).

Theory of operation
-------------------
`PgConnection` never touches a socket. The driver owns the transport (asyncio stream, WebSocket,
anything that moves bytes) and does three things in a loop:

    data = conn.startup()                 # commands return the bytes to send
    data += conn.send_query(sql, params)  # pipelining: as many as you like...
    data += conn.sync()                   # ...then one Sync
    transport.send(data)
    while (ev := conn.next_event()) is not ReadyForQuery-for-that-Sync:
        if ev is NEED_DATA: conn.receive_data(transport.recv())   # b"" means EOF
        elif isinstance(ev, AuthenticationRequest): transport.send(ev.response)

Rule 1: commands only produce bytes and record what the server owes us. Every command that
expects an answer appends an *operation* to a FIFO (`_ops`): one per `send_query`, one per
`sync`, one per `simple_query`. The server answers strictly in order, so the head of the FIFO
says which messages may come next. That knowledge is data, not code: `_TRANSITIONS` maps
(step, event type) to the next step, and a pair missing from the table is a
`RemoteProtocolError` that names both. Asynchronous messages (NoticeResponse,
NotificationResponse, ParameterStatus) may arrive between any two others and pass straight
through.

Rule 2: every `send_query` ends in exactly one terminal event (`TERMINAL_EVENTS`):
CommandComplete, EmptyQueryResponse, PortalSuspended, ErrorResponse or StatementSkipped. When a
statement of an extended-query pipeline fails, the server discards every later message up to the
next Sync and answers none of them. The machine knows that: after an ErrorResponse it turns each
later statement of the same pipeline into a synthetic `StatementSkipped`, without waiting for
bytes, until the Sync's ReadyForQuery. A driver thus maps events to statements by counting, and
an ErrorResponse that arrives while the head is the Sync itself (a failed implicit COMMIT) is
reported as such. A simple query (`Q`) can hold several statements and ends at its own
ReadyForQuery; it may not follow unsynced extended statements (the server would skip it too), so
that is refused locally.

Rule 3: start-up is a short conversation the machine conducts itself. NEW --startup()-->
AUTHENTICATING --AuthenticationOk--> STARTING --ReadyForQuery--> READY. Each authentication
request (cleartext, MD5, SCRAM-SHA-256 in two steps) becomes an `AuthenticationRequest` event
whose `response` the driver sends (the answers are computed by `auth.Authenticator`); for SCRAM
the server's final signature is checked before AuthenticationOk is let through. Pipelined connect: `startup(pipeline_auth=
"cleartext")` sends the password right behind the startup packet (the Neon proxy always asks for
cleartext), and `pipeline_auth="trust"` allows commands before ReadyForQuery; if the server then
asks for something else the bytes already sent are wrong, which is a `LocalProtocolError`.

Rule 4: errors are final. A malformed or unexpected message raises `RemoteProtocolError`; a
command the current state does not allow raises `LocalProtocolError`; failed authentication
raises `prisma_edge.errors.AuthenticationError`. Each puts the machine in ERROR, where every
later call raises: a broken connection is replaced, never repaired. A FATAL ErrorResponse is not
a protocol error: it is delivered, and the machine moves to CLOSED (the server hangs up next).
EOF at a message boundary is the `ConnectionClosed` event; EOF inside a message is an error.
"""

from __future__ import annotations

import contextlib
import enum
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Literal

from prisma_edge.errors import PrismaEdgeError
from prisma_edge.fetch_adapters.protocols.pgwire import messages as m
from prisma_edge.fetch_adapters.protocols.pgwire.auth import Authenticator, PipelineAuth
from prisma_edge.fetch_adapters.protocols.pgwire.errors import LocalProtocolError, RemoteProtocolError
from prisma_edge.fetch_adapters.protocols.pgwire.events import (
    AuthenticationOk,
    BackendKeyData,
    BindComplete,
    CommandComplete,
    ConnectionClosed,
    DataRow,
    EmptyQueryResponse,
    ErrorResponse,
    Event,
    NegotiateProtocolVersion,
    NoData,
    NoticeResponse,
    NotificationResponse,
    ParameterStatus,
    ParseComplete,
    PortalSuspended,
    ReadyForQuery,
    RowDescription,
    StatementSkipped,
)
from prisma_edge.fetch_adapters.protocols.pgwire.rows import RowScan, scan_data_rows

__all__ = ["NEED_DATA", "ConnState", "PgConnection", "PipelineAuth"]

DEFAULT_MAX_MESSAGE_SIZE = 1 << 30  # PostgreSQL's own limit for one field is 1 GiB


class _NeedData:
    """Sentinel: `next_event()` cannot continue until `receive_data()` is called."""

    _instance: _NeedData | None = None

    def __new__(cls) -> _NeedData:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NEED_DATA"


NEED_DATA = _NeedData()


class ConnState(enum.Enum):
    NEW = "NEW"
    AUTHENTICATING = "AUTHENTICATING"
    STARTING = "STARTING"
    READY = "READY"
    CLOSED = "CLOSED"
    ERROR = "ERROR"

    def __repr__(self) -> str:
        return self.value


class _Step:
    """Where an operation stands: what the server owes us next (plain strings: hot dict keys)."""

    PARSE = "PARSE"  # extended statement: ParseComplete next
    BIND = "BIND"  # BindComplete next
    DESCRIBE = "DESCRIBE"  # RowDescription or NoData next
    ROWS = "ROWS"  # DataRow* then CommandComplete / PortalSuspended
    EXECUTE = "EXECUTE"  # no rows: CommandComplete / EmptyQueryResponse
    SIMPLE = "SIMPLE"  # simple query, between statements
    SIMPLE_ROWS = "SIMPLE_ROWS"  # simple query, inside a row-returning statement
    SYNC = "SYNC"  # ReadyForQuery next (after any ErrorResponse at commit)


_EXTENDED = frozenset({_Step.PARSE, _Step.BIND, _Step.DESCRIBE, _Step.ROWS, _Step.EXECUTE})
_ROW_STEPS = frozenset({_Step.ROWS, _Step.SIMPLE_ROWS})
_DONE = None

# (step, event type) -> next step; _DONE pops the operation. ErrorResponse is handled apart.
_TRANSITIONS: dict[tuple[str, type[Event]], str | None] = {
    (_Step.PARSE, ParseComplete): _Step.BIND,
    (_Step.BIND, BindComplete): _Step.DESCRIBE,
    (_Step.DESCRIBE, RowDescription): _Step.ROWS,
    (_Step.DESCRIBE, NoData): _Step.EXECUTE,
    (_Step.ROWS, DataRow): _Step.ROWS,
    (_Step.ROWS, CommandComplete): _DONE,
    (_Step.ROWS, PortalSuspended): _DONE,
    (_Step.EXECUTE, CommandComplete): _DONE,
    (_Step.EXECUTE, EmptyQueryResponse): _DONE,
    (_Step.SIMPLE, RowDescription): _Step.SIMPLE_ROWS,
    (_Step.SIMPLE, CommandComplete): _Step.SIMPLE,
    (_Step.SIMPLE, EmptyQueryResponse): _Step.SIMPLE,
    (_Step.SIMPLE, ReadyForQuery): _DONE,
    (_Step.SIMPLE_ROWS, DataRow): _Step.SIMPLE_ROWS,
    (_Step.SIMPLE_ROWS, CommandComplete): _Step.SIMPLE,
    (_Step.SYNC, ReadyForQuery): _DONE,
}

_ALWAYS = (NoticeResponse, NotificationResponse)


class PgConnection:
    """One client connection's protocol state. See the module docstring for the rules.

    Args:
        user: role to log in as.
        database: database name (the server defaults it to the user name).
        password: used only if the server asks for one; never shown in a repr or message.
        application_name: shown in `pg_stat_activity`.
        options: further startup parameters (`TimeZone`, `DateStyle`, `options`...).
        max_message_size: a longer backend message is a RemoteProtocolError (guards memory).
    """

    def __init__(
        self,
        user: str,
        database: str | None = None,
        password: str | None = None,
        application_name: str | None = None,
        *,
        options: Mapping[str, str] | None = None,
        max_message_size: int = DEFAULT_MAX_MESSAGE_SIZE,
    ) -> None:
        self.user = user
        self.database = database
        self.application_name = application_name
        self._options = dict(options or {})
        self._max_message_size = max_message_size
        self._state = ConnState.NEW
        self._buf = bytearray()
        self._pos = 0
        self._eof = False
        self._ops: deque[list[str]] = deque()  # each op is a one-item list: its mutable step
        self._unsynced = 0
        self._skipping = False
        self._auth = Authenticator(user, password)
        self._error: str | None = None
        self.transaction_status: str = "I"
        self.parameters: dict[str, str] = {}
        self.backend_key: BackendKeyData | None = None

    def __repr__(self) -> str:
        return (
            f"PgConnection(user={self.user!r}, database={self.database!r}, state={self._state!r}, "
            f"pending={len(self._ops)})"
        )

    # ------------------------------------------------------------------ inspection

    @property
    def state(self) -> ConnState:
        return self._state

    @property
    def pending(self) -> int:
        """Operations (statements, Syncs, simple queries) still waiting for their answers."""
        return len(self._ops)

    @property
    def idle(self) -> bool:
        """READY with nothing outstanding: safe to hand to someone else."""
        return self._state is ConnState.READY and not self._ops and not self._unsynced

    # ------------------------------------------------------------------ commands

    def startup(self, *, pipeline_auth: PipelineAuth | None = None) -> bytes:
        """The StartupMessage (plus, with `pipeline_auth="cleartext"`, the password behind it).

        `pipeline_auth` says what the driver knows about the server's authentication, so it can
        send queries without waiting for ReadyForQuery: "cleartext" (the Neon proxy: the password
        goes now) or "trust" (no password). Only then may commands precede ReadyForQuery.
        """
        with self._guard_local():
            if self._state is not ConnState.NEW:
                raise LocalProtocolError(f"startup() in state {self._state.value}; it is sent once")
            if pipeline_auth not in (None, "cleartext", "trust"):
                raise LocalProtocolError(f"unknown pipeline_auth {pipeline_auth!r}")
            params = {"user": self.user}
            if self.database:
                params["database"] = self.database
            if self.application_name:
                params["application_name"] = self.application_name
            params["client_encoding"] = "UTF8"
            params.update(self._options)
            data = m.startup_message(params)
            if pipeline_auth == "cleartext":
                data += self._auth.pipelined_password()
            self._auth.pipeline = pipeline_auth
            self._state = ConnState.AUTHENTICATING
            return data

    def send_query(
        self,
        sql: str,
        params: Sequence[str | bytes | None] = (),
        *,
        param_types: Sequence[int] = (),
        result_format: Literal["text", "binary"] = "text",
    ) -> bytes:
        """Parse + Bind + Describe + Execute one statement (unnamed statement and portal).

        Parameters go as text (format 0); their types are inferred by the server unless
        `param_types` gives OIDs (0 = infer). Nothing is answered before the next `sync()`.
        """
        with self._guard_local():
            self._check_can_send()
            if result_format not in ("text", "binary"):
                raise LocalProtocolError(f"unknown result_format {result_format!r}")
            if param_types and len(param_types) != len(params):
                raise LocalProtocolError("param_types must give one OID per parameter")
            data = (
                m.parse(sql, param_types)
                + m.bind(params, result_formats=(1,) if result_format == "binary" else ())
                + m.describe("P")
                + m.execute()
            )
            self._ops.append([_Step.PARSE])
            self._unsynced += 1
            return data

    def sync(self) -> bytes:
        """Sync: ends the pipeline (commits its implicit transaction); answered by ReadyForQuery."""
        with self._guard_local():
            self._check_can_send()
            self._ops.append([_Step.SYNC])
            self._unsynced = 0
            return m.sync()

    def flush(self) -> bytes:
        """Flush: ask the server to send buffered results now; expects no answer of its own."""
        with self._guard_local():
            self._check_can_send()
            return m.flush()

    def simple_query(self, sql: str) -> bytes:
        """A simple Query (`Q`): for BEGIN/COMMIT/ROLLBACK and scripts; results come as text."""
        with self._guard_local():
            self._check_can_send()
            if self._unsynced:
                raise LocalProtocolError(
                    "simple_query() after send_query() without sync(): the server could skip it"
                )
            data = m.query(sql)
            self._ops.append([_Step.SIMPLE])
            return data

    def terminate(self) -> bytes:
        """Terminate: we are leaving. The machine is CLOSED afterwards."""
        with self._guard_local():
            if self._state is ConnState.ERROR:
                raise LocalProtocolError(self._error_message())
            if self._state in (ConnState.NEW, ConnState.CLOSED):
                self._state = ConnState.CLOSED
                return b""
            self._state = ConnState.CLOSED
            return m.terminate()

    # ------------------------------------------------------------------ receiving

    def receive_data(self, data: bytes) -> None:
        """Buffer bytes from the server; `b""` means the server closed the connection (EOF)."""
        if self._state is ConnState.ERROR:
            raise RemoteProtocolError(self._error_message())
        if self._eof:
            if data:
                raise LocalProtocolError("receive_data() after EOF")
            return
        if not data:
            self._eof = True
            return
        if self._pos:
            del self._buf[: self._pos]
            self._pos = 0
        self._buf += data

    def next_event(self) -> Event | _NeedData:
        """The next event, or NEED_DATA when the buffer holds no complete message."""
        if self._state is ConnState.ERROR:
            raise RemoteProtocolError(self._error_message())
        try:
            while True:
                if self._skipping and self._ops and self._ops[0][0] in _EXTENDED:
                    self._ops.popleft()
                    return StatementSkipped()
                raw = self._read_message()
                if raw is None:
                    if not self._eof:
                        return NEED_DATA
                    if self._pos < len(self._buf):
                        raise RemoteProtocolError("the server closed the connection in the middle of a message")
                    self._state = ConnState.CLOSED
                    return ConnectionClosed()
                kind, payload = raw
                ops = self._ops
                if kind == 0x44 and ops and ops[0][0] in _ROW_STEPS and self._state is ConnState.READY:
                    return m.decode(kind, payload)  # the hot path: a row where rows are expected
                event = self._handle(m.decode(kind, payload))
                if event is not None:
                    return event
        except PrismaEdgeError as e:
            self._fail(e)
            raise

    def read_rows(self, scan: RowScan = scan_data_rows) -> list[Any]:
        """The lean row path: the complete DataRows at the head of the buffer where rows are expected
        (else one event each from `next_event`), cut by `scan` (`rows.RowScan`); the rest is left."""
        if self._state is not ConnState.READY or not self._ops or self._ops[0][0] not in _ROW_STEPS or self._skipping:
            return []
        try:
            rows, self._pos = scan(self._buf, self._pos, self._max_message_size)
        except PrismaEdgeError as e:
            self._fail(e)
            raise
        return rows

    # ------------------------------------------------------------------ internals

    def _read_message(self) -> tuple[int, bytes] | None:
        buf, pos = self._buf, self._pos
        if len(buf) - pos < 5:
            return None
        length = int.from_bytes(buf[pos + 1 : pos + 5], "big", signed=True)
        if length < 4 or length > self._max_message_size:
            raise RemoteProtocolError(f"backend message {chr(buf[pos])!r} has an impossible length {length}")
        end = pos + 1 + length
        if len(buf) < end:
            return None
        self._pos = end
        return buf[pos], bytes(buf[pos + 5 : end])

    def _handle(self, ev: Event | m.AuthRequest) -> Event | None:
        state = self._state
        if state is ConnState.NEW:
            raise RemoteProtocolError("the server sent data before the startup message")
        if isinstance(ev, _ALWAYS):
            return ev
        if isinstance(ev, ParameterStatus):
            self.parameters[ev.name] = ev.value
            return ev
        if state is ConnState.AUTHENTICATING:
            return self._on_auth(ev)
        if isinstance(ev, m.AuthRequest) or isinstance(ev, AuthenticationOk):
            raise RemoteProtocolError("unexpected Authentication message after authentication")
        if state is ConnState.STARTING:
            return self._on_starting(ev)
        return self._on_op(ev)

    def _on_op(self, ev: Event) -> Event:
        ops = self._ops
        if not ops:
            if isinstance(ev, ErrorResponse) and ev.is_fatal:
                self._state = ConnState.CLOSED
                return ev
            raise RemoteProtocolError(f"unexpected {type(ev).__name__}: no command is waiting for an answer")
        op = ops[0]
        step = op[0]
        if isinstance(ev, ErrorResponse):
            if ev.is_fatal:
                self._state = ConnState.CLOSED
            if step in _EXTENDED:
                ops.popleft()
                self._skipping = True
            elif step == _Step.SIMPLE_ROWS:
                op[0] = _Step.SIMPLE
            return ev
        try:
            nxt = _TRANSITIONS[(step, type(ev))]
        except KeyError:
            raise RemoteProtocolError(
                f"can't handle {type(ev).__name__} while waiting for step {step}"
            ) from None
        if nxt is _DONE:
            ops.popleft()
            if isinstance(ev, ReadyForQuery):
                self.transaction_status = ev.status
                self._skipping = False
        else:
            op[0] = nxt
        return ev

    def _on_starting(self, ev: Event) -> Event:
        if isinstance(ev, BackendKeyData):
            self.backend_key = ev
            return ev
        if isinstance(ev, ReadyForQuery):
            self._state = ConnState.READY
            self.transaction_status = ev.status
            return ev
        if isinstance(ev, ErrorResponse):
            self._state = ConnState.CLOSED
            return ev
        if isinstance(ev, NegotiateProtocolVersion):
            return ev
        raise RemoteProtocolError(f"unexpected {type(ev).__name__} during connection start-up")

    def _on_auth(self, ev: Event | m.AuthRequest) -> Event | None:
        if isinstance(ev, m.AuthRequest):
            return self._auth.answer(ev, commands_pipelined=bool(self._ops))
        if isinstance(ev, AuthenticationOk):
            self._auth.check_ok()
            self._state = ConnState.STARTING
            return ev
        if isinstance(ev, ErrorResponse):
            self._state = ConnState.CLOSED
            return ev
        if isinstance(ev, NegotiateProtocolVersion):
            return ev
        raise RemoteProtocolError(f"unexpected {type(ev).__name__} during authentication")

    def _check_can_send(self) -> None:
        state = self._state
        if state is ConnState.READY:
            return
        if state is ConnState.ERROR:
            raise LocalProtocolError(self._error_message())
        if state is ConnState.NEW:
            raise LocalProtocolError("call startup() before sending commands")
        if state is ConnState.CLOSED:
            raise LocalProtocolError("the connection is closed")
        if self._auth.pipeline is None:
            raise LocalProtocolError(
                "commands before ReadyForQuery need startup(pipeline_auth=...); wait for ReadyForQuery"
            )

    @contextlib.contextmanager
    def _guard_local(self) -> Iterator[None]:
        """A PrismaEdgeError escaping a command puts the machine in ERROR."""
        try:
            yield
        except PrismaEdgeError as e:
            self._fail(e)
            raise

    def _fail(self, err: BaseException) -> None:
        if self._state is not ConnState.ERROR:
            self._state = ConnState.ERROR
            self._error = f"{type(err).__name__}: {err}"

    def _error_message(self) -> str:
        return f"the connection is in ERROR state after an earlier error ({self._error})"
