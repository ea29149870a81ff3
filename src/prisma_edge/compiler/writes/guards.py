"""Statements that fail on purpose, so a batch rolls back as a whole (PostgreSQL, SQLite, D1).

Neither PostgreSQL (outside PL/pgSQL) nor SQLite (outside triggers) has a RAISE a plain statement
can use, so each dialect fails through an expression whose error message carries our text
(`Rules.fail_with`): PostgreSQL casts non-numeric text to int; SQLite, whose casts never fail,
reads a JSON path that does not start with `$` ("JSON path error near '<text>'"). The client
finds the text in the database's message and maps it back to a Prisma code (P2025, P2014).
The text includes a row count, so no planner can fold (and raise) it before the statement runs.
"""

from __future__ import annotations

from sqlglot import exp

from ..sql.dialects import Rules, ident


def rows_of(table_name: str) -> exp.Select:
    return exp.Select(expressions=[exp.Star()]).from_(exp.Table(this=ident(table_name)), copy=False)


def count_of(rows: exp.Select) -> exp.Subquery:
    """(SELECT COUNT(*) FROM <rows' FROM> WHERE <rows' WHERE>)"""
    q = rows.copy()
    q.set("expressions", [exp.Count(this=exp.Star())])
    return exp.Subquery(this=q)


def failure(marker: str, rows: exp.Select, rules: Rules) -> exp.Expression:
    """An expression that fails the statement, naming `marker`, when evaluated."""
    return rules.fail_with(exp.DPipe(this=exp.Literal.string(f"{marker}:"), expression=count_of(rows)))


def fail_unless_rows(marker: str, rows: exp.Select, rules: Rules) -> exp.Case:
    """1 when `rows` has any row; otherwise fail with `marker`."""
    return exp.Case(ifs=[exp.If(this=exp.Exists(this=rows.copy()), true=exp.Literal.number(1))],
                    default=failure(marker, rows, rules))


def fail_if_rows(marker: str, rows: exp.Select, rules: Rules) -> exp.Case:
    """Fail with `marker` when `rows` has any row; otherwise 1."""
    return exp.Case(ifs=[exp.If(this=exp.Exists(this=rows.copy()), true=failure(marker, rows, rules))],
                    default=exp.Literal.number(1))


def fail_unless_count(marker: str, rows: exp.Select, n: int, rules: Rules) -> exp.Case:
    """1 when `rows` has exactly `n` rows; otherwise fail with `marker` (and the count found)."""
    return exp.Case(ifs=[exp.If(this=exp.EQ(this=count_of(rows), expression=exp.Literal.number(n)), true=exp.Literal.number(1))],
                    default=failure(marker, rows, rules))


def any_of(conds: list[exp.Expression]) -> exp.Expression:
    out = conds[0]
    for c in conds[1:]:
        out = exp.Or(this=out, expression=c)
    return out
