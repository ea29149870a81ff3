"""Per-statement timeouts: a default per adapter, and a per-call override (issue 11 item 4).

Every network adapter bounds each statement's exchange (a request, a flight) by its
`statement_timeout` (30 s by default; `timeout` for the HTTP adapters, whose requests are their
statements). A call can narrow or widen it for the operations it awaits:

    with statement_timeout(5):
        await db.report.find_many(...)   # every statement of this operation: at most 5 s

A context variable, so concurrent tasks keep their own value and nothing is shared globally.
When a deadline passes the adapter raises `prisma_edge.errors.TimeoutError` and closes the
connection it was using (a late answer must never be read as the next statement's).
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
from collections.abc import Iterator

__all__ = ["DEFAULT_STATEMENT_TIMEOUT", "Deadline", "current_statement_timeout", "statement_timeout"]

DEFAULT_STATEMENT_TIMEOUT = 30.0
_override: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "prisma_edge_statement_timeout", default=None
)


@contextlib.contextmanager
def statement_timeout(seconds: float) -> Iterator[None]:
    """Bound every statement awaited inside the block by `seconds`."""
    if not seconds > 0:
        raise ValueError("statement_timeout must be a positive number of seconds")
    token = _override.set(float(seconds))
    try:
        yield
    finally:
        _override.reset(token)


def current_statement_timeout(default: float | None) -> float | None:
    """The per-call value if a `statement_timeout()` block is active, else `default`."""
    value = _override.get()
    return default if value is None else value


class Deadline:
    """Cancel the task running a session's exchange when its deadline passes, keeping at most ONE
    loop timer alive per session.

    `asyncio.timeout()` per statement schedules a timer per statement and cancels it when the
    statement finishes early; Pyodide's event loop (a JS `setTimeout` per timer) keeps a cancelled
    timer, and what it holds, until it would have fired: at 30 s per statement, memory grew with the
    query rate. Here a statement that ends early leaves its timer to fire harmlessly, and a timer
    that fires before the current deadline re-arms itself for it.
    """

    __slots__ = ("_handle", "_handle_when", "_loop", "_task", "_when", "fired")

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._handle: asyncio.TimerHandle | None = None
        self._handle_when = 0.0
        self._task: asyncio.Task[object] | None = None
        self._when: float | None = None
        self.fired = False

    def arm(self, seconds: float | None) -> None:
        """From now, `seconds` for the current task (None: no deadline)."""
        loop = asyncio.get_running_loop()
        if loop is not self._loop:  # a timer of another (perhaps finished) loop never fires here
            if self._handle is not None:
                self._handle.cancel()
            self._handle, self._loop = None, loop
        self._task = asyncio.current_task()
        self.fired = False
        self._when = None if seconds is None else loop.time() + seconds
        if self._when is not None and (self._handle is None or self._handle_when > self._when):
            if self._handle is not None:
                self._handle.cancel()  # only when a deadline moves earlier: rare
            self._handle, self._handle_when = loop.call_at(self._when, self._fire), self._when

    def disarm(self) -> None:
        self._task, self._when = None, None

    def _fire(self) -> None:
        self._handle = None
        if self._task is None or self._when is None or self._loop is None:
            return
        if self._loop.time() < self._when:  # armed again since: wait for the current deadline
            self._handle, self._handle_when = self._loop.call_at(self._when, self._fire), self._when
            return
        self.fired = True
        self._task.cancel()

    def timed_out(self) -> bool:
        """After a CancelledError: True if it came from this deadline (and is then absorbed)."""
        if not self.fired or self._task is None:
            return False
        self._task.uncancel()
        return True
