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

import contextlib
import contextvars
from collections.abc import Iterator

__all__ = ["DEFAULT_STATEMENT_TIMEOUT", "current_statement_timeout", "statement_timeout"]

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
