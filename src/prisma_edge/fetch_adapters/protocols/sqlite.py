"""SQLite's error messages -> the typed errors, shared by the embedded adapter and libSQL.

SQLite reports constraint failures only as English text ("UNIQUE constraint failed: User.email"),
identical in the stdlib `sqlite3` module and behind a libSQL server (which prefixes "SQLite error: "
and sends the result code's name, e.g. `SQLITE_CONSTRAINT`). One function reads both.
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

_UNIQUE = re.compile(r"UNIQUE constraint failed: (.+)")
_NOT_NULL = re.compile(r"NOT NULL constraint failed: (.+)")
_BUSY = ("database is locked", "database table is locked")


def error_from_message(message: str, code: str = "") -> PrismaEdgeError:
    """The error for an SQLite failure with this message (and result code name, when known)."""
    if m := _UNIQUE.search(message):
        cols = tuple(c.strip().split(".", 1)[-1] for c in m.group(1).split(","))
        return UniqueConstraintError(f"Unique constraint failed on the fields: ({', '.join(cols)})", target=cols, db_code="2067")
    if "FOREIGN KEY constraint failed" in message:
        return ForeignKeyError("Foreign key constraint violated", field_name="(not reported by SQLite)", db_code="787")
    if m := _NOT_NULL.search(message):
        column = m.group(1).split(".", 1)[-1]
        return NullConstraintError(f"Null constraint violation on the fields: ({column})", constraint=(column,), db_code="1299")
    if any(b in message for b in _BUSY) or code in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return TimeoutError("SQLite database is locked by another connection (timed out waiting)")
    shown = message if message.startswith("SQLite error") else f"SQLite error: {message}"
    return DatabaseError(shown, db_code=code or None)
