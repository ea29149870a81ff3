"""Database errors without a class of their own -> the P-code and wording Prisma 7 gives them.

The adapters map what every caller needs (P2002, P2003, P2011, ...); the rest arrive as
`DatabaseError` with the database's own code. Here, where the model of the query is known, they
become Prisma's answer (as `@prisma/adapter-pg` / `adapter-planetscale` 7.10 and the query
compiler word them): P2020 value out of range, P2007 invalid input, P2021 table / P2022 column
missing (with a hint to create the schema), P2039 any other database error, and P2010 for every
failing raw query.
"""

from __future__ import annotations

import re

from ..errors import (
    ColumnNotFoundError,
    DatabaseError,
    DatabaseQueryError,
    InvalidInputValueError,
    KnownRequestError,
    PrismaEdgeError,
    RawQueryError,
    TableNotFoundError,
    ValueOutOfRangeError,
)
from ..schema.model import Model

PUSH_HINT = (
    "Create it with `prisma-edge db push` (or apply your migrations with `prisma migrate deploy`)"
    " so the database matches the schema."
)

# database code -> kind (PostgreSQL SQLSTATE, MySQL errno, SQLite's message)
_PG = {"22003": "range", "22P02": "input", "42P01": "table", "42703": "column"}
_MYSQL = {
    "1264": "range",
    "1690": "range",
    "1146": "table",
    "1054": "column",
    "1366": "input",
    "1292": "input",
}
_SQLITE = (("no such table: ", "table"), ("no such column: ", "column"), ("has no column named ", "column"))
_QUOTED = re.compile(r"""["'`]([^"'`]+)["'`]""")
_ALIAS = re.compile(r"^t\d+\.")


def _kind(e: DatabaseError) -> tuple[str | None, str]:
    """(kind, the database's message) for one adapter error."""
    code = str(e.db_code or "")
    message = str(e.meta.get("db_message") or e.message)
    if code in _PG:
        return _PG[code], message
    if code in _MYSQL and "MySQL error" in e.message:
        return _MYSQL[code], message
    for marker, kind in _SQLITE:
        if marker in message:
            return kind, message
    return None, message


def _named(message: str, after: str = "") -> str | None:
    if after and after in message:
        return message.split(after, 1)[1].strip().split(" ")[0].strip("\"'`") or None
    m = _QUOTED.search(message)
    return m.group(1) if m else None


def prisma_error(e: PrismaEdgeError, model: Model | None, dialect: str = "") -> PrismaEdgeError:
    """The error Prisma gives for this adapter error (the same object when there is nothing to do)."""
    if type(e) is not DatabaseError:
        return e
    kind, message = _kind(e)
    meta = dict(e.meta)
    code = e.db_code
    if kind == "range":
        return ValueOutOfRangeError(f"Value out of range for the type: {message}", db_code=code, **meta)
    if kind == "input":
        return InvalidInputValueError(f"Invalid input value: {message}", db_code=code, **meta)
    if kind == "table":
        table = _named(message, "no such table: ") or (model.db_name if model else None) or "(not available)"
        if dialect == "postgres" and "." not in table:
            table = f"public.{table}"
        return TableNotFoundError(
            f"The table `{table}` does not exist in the current database. {PUSH_HINT}",
            db_code=code,
            table=table,
            **{k: v for k, v in meta.items() if k != "table"},
        )
    if kind == "column":
        column = _named(message, "no such column: ") or _named(message, "has no column named ")
        if column is None:  # PostgreSQL: `column t0.name does not exist` / `column "name" ... does not exist`
            words = message.split(" ")
            column = words[1].strip('"') if len(words) > 1 else "(not available)"
        if model is not None:
            if _ALIAS.match(column):
                column = _ALIAS.sub(f"{model.db_name}.", column)
            elif "." not in column:
                column = f"{model.db_name}.{column}"
        return ColumnNotFoundError(
            f"The column `{column}` does not exist in the current database. {PUSH_HINT}",
            db_code=code,
            column=column,
            **{k: v for k, v in meta.items() if k != "column"},
        )
    if code and dialect in ("postgres", "mysql"):
        return DatabaseQueryError(
            f"Database error. Code: `{code}`. Message: `{message}`", db_code=code, **meta
        )
    return e


def raw_error(e: PrismaEdgeError) -> PrismaEdgeError:
    """Prisma's P2010 for a raw query the database refused (not for a lost connection)."""
    code = getattr(e, "db_code", None) or e.meta.get("db_code")
    if code is None or not isinstance(e, KnownRequestError | DatabaseError) and e.code != "P1001":
        return e
    message = str(e.meta.get("db_message") or e.message)
    return RawQueryError(
        f"Raw query failed. Code: `{code}`. Message: `{message}`",
        db_code=code,
        **{k: v for k, v in e.meta.items() if k not in ("db_message", "db_code")},
        db_message=message,
    )
