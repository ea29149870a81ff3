"""Statements that fail on purpose, so a batch rolls back as a whole (PostgreSQL, SQLite).

PostgreSQL has no RAISE outside PL/pgSQL; a cast of non-numeric text to int fails the statement
with the text in the error message, which the client maps back to a Prisma code (P2025, P2014).
SQLite has no RAISE outside triggers and casts never fail there; `json_extract` with a path that
is not a JSON path fails with the path in the message ("JSON path error near '<text>'").
Either way the input includes a row count, so the planner cannot fold (and raise) it up front.
"""

from __future__ import annotations

from sqlglot import exp

from ..sql.dialects import ident

# Texts of the errors raised on purpose (found again in the database's message by the client).


def rows_of(table_name: str) -> exp.Select:
    return exp.Select(expressions=[exp.Star()]).from_(exp.Table(this=ident(table_name)), copy=False)


def count_of(rows: exp.Select) -> exp.Subquery:
    """(SELECT COUNT(*) FROM <rows' FROM> WHERE <rows' WHERE>)"""
    q = rows.copy()
    q.set("expressions", [exp.Count(this=exp.Star())])
    return exp.Subquery(this=q)


def failure(marker: str, rows: exp.Select, dialect: str = "postgres") -> exp.Expression:
    """An expression that fails the statement, naming `marker`, when evaluated."""
    text = exp.DPipe(this=exp.Literal.string(f"{marker}:"), expression=count_of(rows))
    if dialect == "sqlite":
        return exp.Anonymous(this="json_extract", expressions=[exp.Literal.string("{}"), text])
    return exp.Cast(this=text, to=exp.DataType.build("int"))


def fail_unless_rows(marker: str, rows: exp.Select, dialect: str = "postgres") -> exp.Case:
    """1 when `rows` has any row; otherwise fail with `marker`."""
    return exp.Case(ifs=[exp.If(this=exp.Exists(this=rows.copy()), true=exp.Literal.number(1))],
                    default=failure(marker, rows, dialect))


def fail_if_rows(marker: str, rows: exp.Select) -> exp.Case:
    """Fail with `marker` when `rows` has any row; otherwise 1."""
    return exp.Case(ifs=[exp.If(this=exp.Exists(this=rows.copy()), true=failure(marker, rows))], default=exp.Literal.number(1))
