"""SQLite errors -> prisma_edge error classes, from the message text (all D1 reports too).

SQLite names the failing columns only in its English message (`UNIQUE constraint failed:
users.email`), so they are parsed from it, as Prisma's SQLite and D1 adapters do. D1 wraps the
message: `D1_ERROR: UNIQUE constraint failed: users.email: SQLITE_CONSTRAINT (extended:
SQLITE_CONSTRAINT_UNIQUE)` (the binding, as workerd 2026-04 words it), `... : SQLITE_CONSTRAINT`
(older runtimes, and its REST API as Wrangler shows it); `split_d1_message` takes the wrapping off. No module here imports `sqlite3`, which not every runtime has.
"""

from __future__ import annotations

import re

from prisma_edge.errors import (
    DatabaseError,
    ForeignKeyError,
    NullConstraintError,
    PrismaEdgeError,
    TimeoutError,
    UniqueConstraintError,
)

__all__ = ["error_from_message", "split_d1_message"]

_UNIQUE = re.compile(r"(?:UNIQUE|PRIMARY KEY) constraint failed: (.+)")
_NOT_NULL = re.compile(r"NOT NULL constraint failed: (.+)")
_D1_PREFIX = re.compile(r"^(?:D1_[A-Z_]+: )+")
_CODE_SUFFIX = re.compile(r": (SQLITE_[A-Z_]+)(?: \(extended: SQLITE_[A-Z_]+\))?$")


def split_d1_message(message: str) -> tuple[str, str | None]:
    """(SQLite's own message, its result code name) of a D1 error text."""
    text = _D1_PREFIX.sub("", message.strip())
    m = _CODE_SUFFIX.search(text)
    return (text[: m.start()], m.group(1)) if m else (text, None)


def error_from_message(message: str, *, constraint: bool, db_code: str) -> PrismaEdgeError:
    """The error class for SQLite's `message`; `constraint`: SQLite said it is a constraint failure."""
    if constraint:
        if m := _UNIQUE.search(message):
            cols = tuple(c.strip().split(".", 1)[-1] for c in m.group(1).split(","))
            return UniqueConstraintError(f"Unique constraint failed on the fields: ({', '.join(cols)})", target=cols, db_code="2067")
        if "FOREIGN KEY constraint failed" in message:
            return ForeignKeyError("Foreign key constraint violated", field_name="(not reported by SQLite)", db_code="787")
        if m := _NOT_NULL.search(message):
            column = m.group(1).split(".", 1)[-1]
            return NullConstraintError(f"Null constraint violation on the fields: ({column})", constraint=(column,), db_code="1299")
    if "database is locked" in message or "database table is locked" in message:
        return TimeoutError("SQLite database is locked by another connection (timed out waiting)")
    return DatabaseError(f"SQLite error: {message}", db_code=db_code)
