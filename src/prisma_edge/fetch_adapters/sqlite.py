"""The embedded default: SQLite through the standard library's `sqlite3` (also in Pyodide).

No server and no network, so "round trips" are function calls; the adapter still counts them
the same way as the network adapters (a query or a batch is one) so tests can compare.
sqlite3 is synchronous: calls run inline on the event loop (they are short, and Pyodide has no
threads). One asyncio lock serialises access, so an open transaction never interleaves with
another task's statements on the same connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator, Sequence
from typing import Any

from ..errors import DatabaseError, PrismaEdgeError, TransactionExpiredError, ValidationError
from .base import AdapterStats, Dialect, IsolationLevel, Query, ResultSet
from .protocols.sqlite import error_from_message


def path_from_url(url: str) -> str:
    """`file:./dev.db`, `sqlite:///abs/path.db`, `sqlite://rel.db`, `:memory:` or a plain path."""
    if url in (":memory:", "file::memory:", "sqlite://:memory:", "sqlite::memory:"):
        return ":memory:"
    for prefix in ("sqlite:///", "sqlite://", "sqlite:", "file://", "file:"):
        if url.startswith(prefix):
            rest = url[len(prefix):]
            if prefix == "sqlite:///":
                rest = "/" + rest
            return rest.split("?", 1)[0] or ":memory:"
    return url


def map_error(e: sqlite3.Error) -> PrismaEdgeError:
    if isinstance(e, sqlite3.IntegrityError) or "locked" in str(e):
        mapped = error_from_message(str(e))
        if not isinstance(mapped, DatabaseError):
            return mapped
    return DatabaseError(f"SQLite error: {e}", db_code=type(e).__name__)


class _Conn:
    """Runs statements on the shared sqlite3 connection (caller holds the lock)."""

    dialect: Dialect = "sqlite"

    def __init__(self, adapter: SqliteAdapter) -> None:
        self._a = adapter

    async def query(self, query: Query) -> ResultSet:
        self._a.stats.round_trips += 1
        return self._a._run(query)

    async def batch(self, queries: Sequence[Query], *, isolation: IsolationLevel | None = None) -> list[ResultSet]:
        self._a.stats.round_trips += 1
        return [self._a._run(q) for q in queries]


class SqliteAdapter:
    dialect: Dialect = "sqlite"

    def __init__(self, url: str = ":memory:", *, timeout: float = 5.0) -> None:
        self.path = path_from_url(url)
        self.stats = AdapterStats()
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=timeout, check_same_thread=False)
        self._db.execute("PRAGMA foreign_keys = ON")
        self._lock = asyncio.Lock()
        self._closed = False

    def __repr__(self) -> str:
        return f"SqliteAdapter({self.path!r})"

    def _run(self, query: Query) -> ResultSet:
        if self._closed:
            raise DatabaseError("the SQLite adapter is closed")
        self.stats.statements += 1
        try:
            cur = self._db.execute(query.sql, query.params)
            rows = cur.fetchall() if cur.description else []
        except sqlite3.Error as e:
            raise map_error(e) from e
        except UnicodeEncodeError as e:  # a lone surrogate: sqlite3 encodes text as UTF-8 (the compiler refuses it first)
            raise ValidationError(f"a value is not valid Unicode text (a lone surrogate at position {e.start}); "
                                  "SQLite stores UTF-8") from None
        except OverflowError as e:  # an int beyond 64 bits (the compiler refuses it first)
            raise ValidationError("an integer parameter is beyond SQLite's 64-bit INTEGER; bind it as text") from e
        cols = tuple(d[0] for d in cur.description) if cur.description else ()
        return ResultSet(cols, tuple(rows), ("unknown",) * len(cols), max(cur.rowcount, 0), cur.lastrowid)

    async def query(self, query: Query) -> ResultSet:
        async with self._lock:
            self.stats.round_trips += 1
            return self._run(query)

    async def batch(self, queries: Sequence[Query], *, isolation: IsolationLevel | None = None) -> list[ResultSet]:
        async with self.transaction(isolation=isolation) as tx:
            return await tx.batch(queries)  # one call: counted once, by tx.batch

    @contextlib.asynccontextmanager
    async def transaction(self, *, isolation: IsolationLevel | None = None, timeout: float | None = None) -> AsyncIterator[_Conn]:
        """BEGIN IMMEDIATE ... COMMIT; ROLLBACK on any exception. SQLite is always serializable."""
        async with self._lock:
            self._begin()
            deadline = asyncio.timeout(timeout)
            started = asyncio.get_running_loop().time()
            try:
                async with deadline:
                    yield _Conn(self)
            except BaseException as e:
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
                if isinstance(e, TimeoutError) and deadline.expired() and timeout is not None:  # Prisma's P2028
                    raise TransactionExpiredError.after(timeout, asyncio.get_running_loop().time() - started) from None
                raise
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error as e:
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
                raise map_error(e) from e

    def _begin(self) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise map_error(e) from e

    def execute_script(self, statements: Sequence[str]) -> None:
        """Run trusted DDL statements (used by `db push`)."""
        for s in statements:
            self._db.execute(s)

    async def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._db.close()

    @property
    def raw(self) -> Any:
        """The underlying sqlite3 connection, for tests and tools."""
        return self._db
