"""What the client sends, as log records and events: `Client(log=[...])`, `db.on("query", fn)`.

Prisma's `log: ['query', 'info', 'warn', 'error']` (or `[{emit: 'event', level: 'query'}]`) and
`$on('query', e => ...)`, in Python's terms: levels go to the standard `logging` logger
`prisma_edge` (query at DEBUG, info at INFO, warn at WARNING, error at ERROR), and listeners get
typed events. One `QueryEvent` per SQL statement: statements that went out together (a batch, one
round trip) share the wire call's `duration_ms` and `round_trips` and say so in `batch_size`.

Secrets never appear: events name the adapter by kind, never by URL; parameter values are shown
only when the client is made with `log_params=True` (otherwise their types: `<str>`), and every
text that could hold user input goes through `redact_text` first.

Nothing here runs unless a level or listener asks for it: `Observer.active` is checked once per
operation, and an inactive client pays one attribute read.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import AsyncIterator, Callable, Iterator, Mapping, Sequence
from typing import Any

from attrs import frozen

from ...errors import ClientError, redact
from ...fetch_adapters.base import Connection, Query, ResultSet

LEVELS = ("query", "info", "warn", "error")
_PY_LEVEL = {"query": logging.DEBUG, "info": logging.INFO, "warn": logging.WARNING, "error": logging.ERROR}
logger = logging.getLogger("prisma_edge")

_KINDS = {
    "SqliteAdapter": "sqlite",
    "NeonHttpAdapter": "neon_http",
    "NeonWsAdapter": "neon_ws",
    "PlanetScaleAdapter": "planetscale",
    "PgDirectAdapter": "postgres",
    "LibsqlAdapter": "libsql",
    "D1Adapter": "d1",
    "HyperdriveAdapter": "hyperdrive",
}


def redact_text(text: str) -> str:
    """THE redaction every logged or emitted text goes through (URL credentials, `password=...`,
    `token=...`). One function, so it can point at a shared redactor later."""
    return redact(text)


def adapter_kind(adapter: object) -> str:
    """The adapter's short name ("neon_http"): never its URL or repr."""
    if isinstance(adapter, str):
        return adapter
    name = type(adapter).__name__
    return _KINDS.get(name, name)


def shown_params(params: Sequence[Any], show: bool) -> tuple[Any, ...]:
    """Values as logged: their types unless `show`; strings redacted even then."""
    if not show:
        return tuple(None if p is None else f"<{type(p).__name__}>" for p in params)
    return tuple(redact_text(p) if isinstance(p, str) else p for p in params)


@frozen
class QueryEvent:
    """One SQL statement the client sent (Prisma's `e.query`, `e.params`, `e.duration`)."""

    sql: str
    params: tuple[Any, ...]
    duration_ms: float  # of the wire call that carried it (shared by a batch's statements)
    round_trips: int  # network round trips of that wire call
    adapter: str  # "sqlite", "neon_http", ...
    model: str | None  # None for raw SQL and for a batch of several operations
    action: str  # "find_many", "create", "batch", "query_raw", ...
    batch_size: int = 1
    batch_index: int = 0
    timestamp: float = 0.0

    @property
    def query(self) -> str:  # Prisma's spelling
        return self.sql

    @property
    def duration(self) -> float:  # Prisma's spelling (milliseconds)
        return self.duration_ms

    def __str__(self) -> str:
        where = f"{self.model}.{self.action}" if self.model else self.action
        part = f", statement {self.batch_index + 1} of {self.batch_size}" if self.batch_size > 1 else ""
        trips = f"{self.round_trips} round trip{'s' if self.round_trips != 1 else ''}"
        return f"{self.sql} -- params {list(self.params)} ({self.duration_ms:.2f} ms, {trips}{part}; {where} on {self.adapter})"


@frozen
class LogEvent:
    """An info, warn or error message (Prisma's `e.message`, `e.target`)."""

    level: str
    message: str
    adapter: str
    model: str | None = None
    action: str | None = None
    timestamp: float = 0.0

    @property
    def target(self) -> str:
        return f"{self.model}.{self.action}" if self.model else (self.action or "client")

    def __str__(self) -> str:
        return f"{self.message} ({self.target} on {self.adapter})"


Listener = Callable[[Any], object]


def _log(py_level: int, text: str, level: str, event: object) -> None:
    """To the `prisma_edge` logger: `log=` is the switch, so the logger's level filters only when
    the application set one (its handlers' levels always apply). Nothing global is changed."""
    if logger.level != logging.NOTSET and not logger.isEnabledFor(py_level):
        return
    record = logger.makeRecord(
        logger.name,
        py_level,
        __file__,
        0,
        "%s",
        (text,),
        None,
        extra={"prisma_event": event, "prisma_level": level},
    )
    logger.handle(record)


def parse_log(log: Sequence[str | Mapping[str, str]] | None) -> tuple[set[str], set[str]]:
    """(levels sent to the logger, levels only emitted as events) from Prisma's `log` option."""
    to_logger: set[str] = set()
    as_event: set[str] = set()
    for item in log or ():
        if isinstance(item, str):
            level, emit = item, "stdout"
        elif isinstance(item, Mapping):
            level, emit = item.get("level", ""), item.get("emit", "stdout")
        else:
            raise ClientError(
                f"log entries are level names or {{'emit': ..., 'level': ...}}; got {type(item).__name__}"
            )
        if level not in LEVELS:
            raise ClientError(f"unknown log level `{level}`; expected one of {', '.join(LEVELS)}")
        if emit not in ("stdout", "event"):
            raise ClientError(
                f"unknown log emit `{emit}`; expected 'stdout' (the `prisma_edge` logger) or 'event'"
            )
        (to_logger if emit == "stdout" else as_event).add(level)
    return to_logger, as_event


class Observer:
    """Where a client's (and its extended clients') logs, events and spans go."""

    def __init__(
        self,
        log: Sequence[str | Mapping[str, str]] | None = None,
        *,
        log_params: bool = False,
        tracing: bool = False,
    ) -> None:
        self.to_logger, self.as_event = parse_log(log)
        self.log_params = log_params
        self.listeners: dict[str, list[Listener]] = {}
        self.tracer: Any = None
        if tracing:
            self.tracer = make_tracer()
        self._refresh()

    def _refresh(self) -> None:
        self.active = bool(
            "query" in self.to_logger
            or self.listeners.get("query")
            or self.tracer is not None
            or self.wants("error")
            or self.wants("info")
        )

    def wants(self, level: str) -> bool:
        return level in self.to_logger or bool(self.listeners.get(level))

    def on(self, level: str, listener: Listener) -> Callable[[], None]:
        """Subscribe; returns a function that unsubscribes."""
        if level not in LEVELS:
            raise ClientError(f"unknown event `{level}`; expected one of {', '.join(LEVELS)}")
        if not callable(listener):
            raise ClientError(f"db.on({level!r}, ...) needs a function; got {type(listener).__name__}")
        self.listeners.setdefault(level, []).append(listener)
        self._refresh()

        def off() -> None:
            with contextlib.suppress(ValueError):
                self.listeners[level].remove(listener)
            self._refresh()

        return off

    def emit(self, level: str, event: QueryEvent | LogEvent) -> None:
        if level in self.to_logger:
            _log(_PY_LEVEL[level], str(event), level, event)
        for fn in self.listeners.get(level, ()):
            try:
                fn(event)
            except Exception as e:  # a listener's bug must not fail the query it observes
                text = f"a {level!r} event listener raised {type(e).__name__}: {redact_text(str(e))}"
                if level != "warn" and self.wants("warn"):
                    self.message("warn", text, "client")
                else:
                    logger.warning("%s", text)

    def message(
        self, level: str, text: str, adapter: object, model: str | None = None, action: str | None = None
    ) -> None:
        if self.wants(level):
            self.emit(
                level, LogEvent(level, redact_text(text), adapter_kind(adapter), model, action, time.time())
            )

    def statements(self, ctx: _Context, queries: Sequence[Query], started: float, trips_before: int) -> None:
        if not ("query" in self.to_logger or self.listeners.get("query")):
            return
        ms = (time.perf_counter() - started) * 1000
        trips = max(0, ctx.stats.round_trips - trips_before) if ctx.stats is not None else 1
        now = time.time()
        for i, q in enumerate(queries):
            sql = redact_text(q.sql) if ctx.raw else q.sql
            self.emit(
                "query",
                QueryEvent(
                    sql,
                    shown_params(q.params, self.log_params),
                    ms,
                    trips,
                    ctx.adapter,
                    ctx.model,
                    ctx.action,
                    len(queries),
                    i,
                    now,
                ),
            )

    @contextlib.contextmanager
    def operation(
        self, adapter: Any, conn: Connection, model: str | None, action: str, *, raw: bool = False
    ) -> Iterator[Connection]:
        """Around one operation: the connection to run it on (observed), its span, its error event."""
        ctx = _Context(adapter_kind(adapter), getattr(adapter, "stats", None), model, action, raw)
        span = self.tracer.start(adapter, ctx.adapter, model, action) if self.tracer is not None else None
        try:
            yield ObservedConnection(conn, self, ctx, span)
        except Exception as e:
            if span is not None:
                self.tracer.failed(span, e, redact_text(str(e)))
            self.message("error", str(e), adapter, model, action)
            raise
        finally:
            if span is not None:
                span.end()


@frozen
class _Context:
    adapter: str
    stats: Any
    model: str | None
    action: str
    raw: bool = False


class ObservedConnection:
    """A connection that reports every statement it carries (and its transactions)."""

    def __init__(self, inner: Any, observer: Observer, ctx: _Context, span: Any = None) -> None:
        self._inner = inner
        self._observer = observer
        self._ctx = ctx
        self._span = span
        self.dialect = inner.dialect

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    async def _wire(self, queries: Sequence[Query], call: Any) -> Any:
        trips = self._ctx.stats.round_trips if self._ctx.stats is not None else 0
        started = time.perf_counter()
        try:
            return await call
        finally:
            self._observer.statements(self._ctx, queries, started, trips)
            if self._span is not None:
                self._observer.tracer.statements(self._span, queries)

    async def query(self, query: Query) -> ResultSet:
        result: ResultSet = await self._wire([query], self._inner.query(query))
        return result

    async def batch(self, queries: Sequence[Query], **kwargs: Any) -> list[ResultSet]:
        result: list[ResultSet] = await self._wire(queries, self._inner.batch(queries, **kwargs))
        return result

    def transaction(self, **kwargs: Any) -> contextlib.AbstractAsyncContextManager[Connection]:
        return self._transaction(kwargs)

    @contextlib.asynccontextmanager
    async def _transaction(self, kwargs: dict[str, Any]) -> AsyncIterator[Connection]:
        async with observed_transaction(
            self._observer, self._inner, self._ctx.model, self._ctx.action, kwargs
        ) as tx:
            yield ObservedConnection(tx, self._observer, self._ctx, self._span)


@contextlib.asynccontextmanager
async def observed_transaction(
    observer: Observer, adapter: Any, model: str | None, action: str, kwargs: Mapping[str, Any]
) -> AsyncIterator[Connection]:
    """`adapter.transaction(**kwargs)` with info events when it begins, commits or rolls back."""
    isolation = kwargs.get("isolation")
    started = time.perf_counter()
    observer.message(
        "info", f"transaction begun{f' (isolation {isolation})' if isolation else ''}", adapter, model, action
    )
    try:
        async with adapter.transaction(**kwargs) as tx:
            yield tx
    except BaseException:
        observer.message(
            "info",
            f"transaction rolled back after {(time.perf_counter() - started) * 1000:.2f} ms",
            adapter,
            model,
            action,
        )
        raise
    observer.message(
        "info",
        f"transaction committed after {(time.perf_counter() - started) * 1000:.2f} ms",
        adapter,
        model,
        action,
    )


# ---- OpenTelemetry: `Client(..., tracing=True)` (Prisma's `@prisma/instrumentation`) ------------
# One span per operation (`prisma_edge:User.find_many`), with the statements it sent as span events
# (SQL text only: values are never put on a span). `opentelemetry-api` is imported lazily, only when
# tracing is asked for; without it the client says what to install. Spans go to the application's
# tracer provider (`opentelemetry.trace.set_tracer_provider`).

_SYSTEM = {"postgres": "postgresql", "sqlite": "sqlite", "mysql": "mysql"}


class Tracer:
    def __init__(self, trace: Any) -> None:
        self._trace = trace
        self._tracer = trace.get_tracer("prisma_edge")

    def start(self, adapter: Any, kind: str, model: str | None, action: str) -> Any:
        name = f"prisma_edge:{model}.{action}" if model else f"prisma_edge:{action}"
        attrs: dict[str, Any] = {
            "db.system": _SYSTEM.get(getattr(adapter, "dialect", ""), "other_sql"),
            "db.operation.name": action,
            "prisma_edge.adapter": kind,
        }
        if model:
            attrs["db.collection.name"] = model
        return self._tracer.start_span(name, kind=self._trace.SpanKind.CLIENT, attributes=attrs)

    def statements(self, span: Any, queries: Sequence[Query]) -> None:
        for q in queries:
            span.add_event("db.query", {"db.query.text": q.sql})

    def failed(self, span: Any, error: BaseException, message: str) -> None:
        """`message`: the error's text, already redacted."""
        span.set_status(self._trace.Status(self._trace.StatusCode.ERROR, message))
        span.set_attribute("error.type", type(error).__name__)


def make_tracer() -> Tracer:
    try:
        from opentelemetry import trace
    except ImportError:
        raise ClientError(
            "tracing=True needs OpenTelemetry: pip install opentelemetry-api "
            "(and opentelemetry-sdk to export spans)"
        ) from None
    return Tracer(trace)
