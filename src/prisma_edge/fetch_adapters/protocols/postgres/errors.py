"""PostgreSQL SQLSTATE -> prisma_edge error classes (the P-codes Prisma gives for the same error).

The mapping follows `@prisma/adapter-neon` / `adapter-pg` 7.10 (protocols.md D.2/D.4):

    23505 unique            -> UniqueConstraintError  P2002  target = columns from `Key (a, b)=(..)`
    23503 foreign key       -> ForeignKeyError        P2003  field_name = constraint name
    23502 not null          -> NullConstraintError    P2011  target = (column,)
    22001 too long          -> ValueTooLongError      P2000
    40001 / 40P01           -> WriteConflictError     P2034
    28P01 / 28000           -> AuthenticationError    P1000
    08xxx, 53300, 57P0x     -> ConnectionError        P1001
    everything else         -> DatabaseError (db_code = SQLSTATE)

Kinds Prisma has a code for but `prisma_edge.errors` has no class for yet (P1003 database does not
exist, P2020 value out of range, P2007 invalid input, P2021 table / P2022 column does not exist,
P1009 database exists) become `DatabaseError` with `meta["prisma_code"]` and `meta["kind"]` set.

Row values (the duplicate key, the missing parent id) are kept out of our message: PostgreSQL puts
them in `detail`, which stays in `meta["detail"]` for debugging. Every text is passed through
`redact()`, so a connection string echoed by a server can never leak.
"""

from __future__ import annotations

from typing import Any

from prisma_edge.errors import (
    AuthenticationError,
    ConnectionError,
    DatabaseError,
    ForeignKeyError,
    NullConstraintError,
    PrismaEdgeError,
    UniqueConstraintError,
    ValueTooLongError,
    WriteConflictError,
    redact,
)
from prisma_edge.redact import Secrets

__all__ = ["error_from_sqlstate", "key_columns"]

# SQLSTATEs with a Prisma kind but no class of their own in prisma_edge.errors: (kind, Prisma code)
_KINDS_WITHOUT_CLASS: dict[str, tuple[str, str]] = {
    "3D000": ("DatabaseDoesNotExist", "P1003"),
    "42P04": ("DatabaseAlreadyExists", "P1009"),
    "22003": ("ValueOutOfRange", "P2020"),
    "22P02": ("InvalidInputValue", "P2007"),
    "42P01": ("TableDoesNotExist", "P2021"),
    "42703": ("ColumnNotFound", "P2022"),
    "23001": ("RestrictViolation", "P2014"),
}
_WRITE_CONFLICT = frozenset({"40001", "40P01"})
_AUTH = frozenset({"28P01", "28000"})
_CONNECTION = frozenset({"53300", "57P01", "57P02", "57P03"})


def error_from_sqlstate(
    sqlstate: str,
    message: str,
    *,
    detail: str | None = None,
    constraint: str | None = None,
    column: str | None = None,
    table: str | None = None,
    secrets: tuple[Secrets | str, ...] = (),
) -> PrismaEdgeError:
    """Map one PostgreSQL error (its SQLSTATE and the ErrorResponse fields) to our error class.

    Args:
        sqlstate: the five-character code (`code` in Neon's JSON, `C` in an ErrorResponse).
        message: the server's primary message (`M`).
        detail, constraint, column, table: the optional ErrorResponse fields of the same names.
        secrets: strings to blank out of every text (e.g. the password of the connection).

    Returns:
        An exception instance (not raised), with `meta` holding `db_message`, `constraint`,
        `table`, `column`, `detail` where known.
    """
    message = redact(message or "", *secrets)
    detail = redact(detail, *secrets) if detail else None
    meta: dict[str, Any] = {"db_message": message, "table": table}
    code = sqlstate or None
    if sqlstate == "23505":
        fields = key_columns(detail)
        target = fields or ((constraint,) if constraint else ())
        shown = "fields: ({})".format(", ".join(f"`{f}`" for f in fields)) if fields else (
            f"constraint: `{constraint}`" if constraint else "a unique constraint"
        )
        return UniqueConstraintError(
            f"Unique constraint failed on the {shown}",
            db_code=code, target=target, constraint=constraint, detail=detail, **meta,
        )
    if sqlstate == "23503":
        columns = key_columns(detail) or ((column,) if column else ())
        shown = f": `{constraint}`" if constraint else ""
        return ForeignKeyError(
            f"Foreign key constraint violated on the constraint{shown}",
            db_code=code, field_name=constraint, constraint=constraint, columns=columns, detail=detail, **meta,
        )
    if sqlstate == "23502":
        return NullConstraintError.for_column(column, db_code=code, **meta)
    if sqlstate == "22001":
        return ValueTooLongError.for_column(column, db_code=code, **meta)
    if sqlstate in _WRITE_CONFLICT:
        return WriteConflictError.retry(db_code=code, **meta)
    if sqlstate in _AUTH:
        return AuthenticationError(f"Authentication failed against the database server: {message}", db_code=code,
                                   **meta)
    if sqlstate.startswith("08") or sqlstate in _CONNECTION:
        return ConnectionError(f"Database connection problem (SQLSTATE {sqlstate}): {message}", db_code=code, **meta)
    if sqlstate in _KINDS_WITHOUT_CLASS:
        kind, prisma_code = _KINDS_WITHOUT_CLASS[sqlstate]
        return DatabaseError(message, db_code=code, kind=kind, prisma_code=prisma_code, column=column,
                             constraint=constraint, detail=detail, **meta)
    return DatabaseError(message or f"database error {sqlstate}", db_code=code, column=column,
                         constraint=constraint, detail=detail, **meta)


def key_columns(detail: str | None) -> tuple[str, ...]:
    """Column names from a detail like `Key (a, "userId")=(1, 2) already exists.`

    PostgreSQL quotes identifiers that need it (mixed case, spaces, commas) and writes index
    expressions as they are, e.g. `Key (lower(email))=(..)`; the list is split at top-level
    commas only, and quoted names are unquoted. Returns () when the detail has no key list.
    """
    if not detail:
        return ()
    start = detail.find("Key (")
    if start == -1:
        return ()
    i = start + len("Key (")
    parts: list[str] = []
    current: list[str] = []
    depth, in_quotes = 0, False
    while i < len(detail):
        ch = detail[i]
        if in_quotes:
            if ch == '"':
                if detail.startswith('""', i):
                    current.append('""')
                    i += 2
                    continue
                in_quotes = False
            current.append(ch)
        elif ch == '"':
            in_quotes = True
            current.append(ch)
        elif ch == "(":
            depth += 1
            current.append(ch)
        elif ch == ")":
            if depth == 0:
                parts.append("".join(current).strip())
                return tuple(_unquote(p) for p in parts if p)
            depth -= 1
            current.append(ch)
        elif ch == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
        i += 1
    return ()  # no closing parenthesis: not a key list we understand


def _unquote(name: str) -> str:
    if len(name) >= 2 and name[0] == '"' and name[-1] == '"':
        return name[1:-1].replace('""', '"')
    return name
