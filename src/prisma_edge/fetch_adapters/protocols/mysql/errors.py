"""MySQL / Vitess errors -> prisma_edge error classes (the P-codes Prisma gives for the same errno).

The mapping follows `@prisma/adapter-planetscale` 7.10 (protocols.md D.3/D.4). MySQL puts the
details (key name, column) only in its English message, so they are parsed from it, as Prisma does.
Values from the failing row (e.g. the duplicate entry) stay out of our message: it names the
constraint or column only; the server's text is kept in `meta["db_message"]` for debugging.

PlanetScale wraps the MySQL text: `target: ks.0.primary: vttablet: rpc error: code = AlreadyExists
desc = Duplicate entry 'a' for key 'User.User_email_key' (errno 1062) (sqlstate 23000) (CallerID: x):
Sql: "...", BindVars: {...}`; local simulators send just `<message> (errno N) (sqlstate S)`.
`error_from_vitess` handles both.
"""

from __future__ import annotations

import re

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
)

__all__ = ["error_from_mysql", "error_from_vitess", "split_vitess_message"]

_ERRNO_AT_END = re.compile(r"\(errno (\d+)\) \(sqlstate ([0-9A-Z]{5})\)\s*$")
_ERRNO_BEFORE_CALLER = re.compile(r"\(errno (\d+)\) \(sqlstate ([0-9A-Z]{5})\) \(CallerID")
_ERRNO_ANY = re.compile(r"\(errno (\d+)\) \(sqlstate ([0-9A-Z]{5})\)")
_VITESS_PREFIX = re.compile(r"^.*?rpc error: code = \w+ desc = ", re.DOTALL)
_QUOTED_NAME = re.compile(r"'((?:[^'\\]|\\.|'')*)'")
_BACKTICKED = re.compile(r"`((?:[^`]|``)*)`")
_FK_DETAIL = re.compile(
    r"CONSTRAINT `((?:[^`]|``)*)` FOREIGN KEY \(((?:`(?:[^`]|``)*`(?:, ?)?)+)\) REFERENCES"
)

_UNIQUE = frozenset({1062, 1169, 1586})
_FOREIGN_KEY = frozenset({1216, 1217, 1451, 1452})
_NULL = frozenset({1048, 1263, 1364})
_WRITE_CONFLICT = frozenset({1205, 1213})
_AUTH = frozenset({1044, 1045, 1698})
_CONNECTION = frozenset({1040, 1203, 2002, 2003, 2006, 2013})

# vtrpc codes for replies that carry no MySQL errno (protocols.md C.4/C.11)
_VTRPC_AUTH = frozenset({"UNAUTHENTICATED", "unauthenticated"})
_VTRPC_CONNECTION = frozenset({"UNAVAILABLE", "unavailable", "DEADLINE_EXCEEDED", "deadline_exceeded"})


def split_vitess_message(message: str) -> tuple[str, int | None, str | None]:
    """Split a Vitess error text into (MySQL message, errno, sqlstate); errno None if absent.

    The trusted `(errno N) (sqlstate S)` marker is the one at the end of the text, or the one
    followed by Vitess' ` (CallerID` suffix; earlier look-alikes come from row values quoted in the
    message and are ignored when a trusted one exists.
    """
    m = _ERRNO_AT_END.search(message) or _ERRNO_BEFORE_CALLER.search(message) or _ERRNO_ANY.search(message)
    if m is None:
        return _VITESS_PREFIX.sub("", message).strip(), None, None
    text = _VITESS_PREFIX.sub("", message[: m.start()]).strip()
    return text, int(m.group(1)), m.group(2)


def error_from_vitess(code: str | None, message: str) -> PrismaEdgeError:
    """The error for a PlanetScale `{"error": {"code", "message"}}` reply."""
    text, errno, sqlstate = split_vitess_message(message)
    if errno is not None:
        return error_from_mysql(errno, text, sqlstate=sqlstate)
    if code in _VTRPC_AUTH:
        return AuthenticationError(f"Authentication failed against the database server: {text}")
    if code in _VTRPC_CONNECTION:
        return ConnectionError(f"The database is not available ({code}): {text}")
    return DatabaseError(text or f"database error {code}", db_code=code or None)


def error_from_mysql(errno: int, message: str, *, sqlstate: str | None = None) -> PrismaEdgeError:
    """Map a MySQL error number and its (server-generated, English) message to our error class."""
    meta = {"db_message": message, "sqlstate": sqlstate}
    code = str(errno)
    if errno in _UNIQUE:
        table, index = _duplicate_key(message)
        target = (index,) if index else ()
        what = f"the constraint: `{index}`" if index else "a unique constraint"
        return UniqueConstraintError(
            f"Unique constraint failed on {what}", db_code=code, target=target, index=index, table=table, **meta
        )
    if errno in _FOREIGN_KEY:
        constraint, columns = _foreign_key(message)
        field = ", ".join(columns) if columns else (f"{constraint} (index)" if constraint else None)
        shown = f": `{field}`" if field else ""
        return ForeignKeyError(
            f"Foreign key constraint violated{shown}",
            db_code=code, field_name=field, constraint=constraint, columns=columns, **meta,
        )
    if errno in _NULL:
        return NullConstraintError.for_column(_first_quoted(message), db_code=code, **meta)
    if errno == 1406:
        return ValueTooLongError.for_column(_first_quoted(message), db_code=code, **meta)
    if errno in _WRITE_CONFLICT:
        return WriteConflictError.retry(db_code=code, **meta)
    if errno in _AUTH:
        return AuthenticationError(f"Authentication failed against the database server: {message}", **meta)
    if errno in _CONNECTION:
        return ConnectionError(f"Database connection problem (MySQL {errno}): {message}", **meta)
    return DatabaseError(f"{message} (MySQL error {errno})", db_code=code, **meta)


def _duplicate_key(message: str) -> tuple[str | None, str | None]:
    """(table, index) from "Duplicate entry '..' for key 'tbl.idx'" (MySQL 8) or "'idx'" (MariaDB).

    The entry value comes first and may itself contain "for key '", so the last occurrence wins.
    """
    at = message.rfind("for key '")
    if at == -1:
        return None, None
    key = message[at + len("for key '") :].rstrip()
    key = key[:-1] if key.endswith("'") else key
    if "." in key:
        table, index = key.split(".", 1)
        return table, index
    return None, key


def _foreign_key(message: str) -> tuple[str | None, tuple[str, ...]]:
    """(constraint, columns) from MySQL's "... CONSTRAINT `c` FOREIGN KEY (`a`, `b`) REFERENCES ..."."""
    m = _FK_DETAIL.search(message)
    if m is None:
        return None, ()
    columns = tuple(c.replace("``", "`") for c in _BACKTICKED.findall(m.group(2)))
    return m.group(1).replace("``", "`"), columns


def _first_quoted(message: str) -> str | None:
    """The first '...' name in "Column 'x' cannot be null" / "Data too long for column 'x' at row 1"."""
    m = _QUOTED_NAME.search(message)
    return m.group(1) if m else None
