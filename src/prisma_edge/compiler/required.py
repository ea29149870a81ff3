"""A read that must find its record INSIDE the transaction: `find_*_or_raise` in `db.batch([...])`.

Awaited alone, `find_unique_or_raise` reads and the client raises P2025 on no record. Inside a
batch that is too late: on PostgreSQL and SQLite the batch is one round trip (Neon over HTTP:
one request) that has committed by the time the client sees an empty result, so the batch's
other writes would stay although Prisma's `$transaction([...])` rolls them back. So in a batch
the read is followed by a guard statement that fails the batch itself when the read finds
nothing (writes/guards.py's technique, with the read as its rows):

    SELECT CASE WHEN EXISTS (<read>) THEN 1
                ELSE CAST('PRISMA_EDGE_P2025:' || (SELECT COUNT(*) FROM (<read>) f) AS INT) END

Where the database has no failing expression (MySQL casts never fail) the read step carries
`require="found"` instead, which the executor checks between statements, so the batch then
runs step by step inside a transaction (client/batching.py).
"""

from __future__ import annotations

from sqlglot import exp

from .plan import NOT_FOUND_MARKER, Plan, Step
from .sql.dialects import Rules, ident
from .writes.guards import fail_unless_rows

MESSAGE = "No record was found for a query."  # Prisma 7's wording for *OrThrow


def in_sql(rules: Rules) -> bool:
    """Whether `rules` can fail a statement on purpose (PostgreSQL casts, SQLite JSON paths)."""
    return rules.guards or rules.name == "sqlite"


def required_read(plan: Plan, read: exp.Select, rules: Rules) -> Plan:
    """`plan` (one read step) with the guard after it, or its step marked `require="found"`."""
    step = plan.steps[0]
    if not in_sql(rules):
        return Plan((Step(step.statement, require="found", result=True),), plan.result, plan.shape, plan.reverse,
                    plan.slots, MESSAGE)
    rows = exp.Select(expressions=[exp.Literal.number(1)]).from_(
        exp.Subquery(this=read.copy(), alias=exp.TableAlias(this=ident("pe_found"))), copy=False)
    guard = exp.Select(expressions=[exp.alias_(fail_unless_rows(NOT_FOUND_MARKER, rows, rules), "ok", quoted=True)])
    return Plan((step, Step(rules.render(guard), side_effect=True)), plan.result, plan.shape, plan.reverse,
                plan.slots, MESSAGE)
