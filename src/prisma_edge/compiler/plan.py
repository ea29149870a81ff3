"""Plans: the compiled, cacheable form of one operation.

A Plan is a short list of `Step`s (usually one) plus how to shape the result. A step's statement
binds user values by slot index and, for dependent steps, values from an earlier step's first
row (`dialects.Ref`). A step may run only when an earlier step found rows (`when="found:i"`) or
did not (`when="missing:i"`), and may require rows (`require="found"` -> P2025).

Static plans (no refs, no conditions) run as ONE batch: one round trip, one transaction.
Dynamic plans run inside one transaction, step by step (SQLite locally; MySQL on a session).
Where the database has no interactive transaction (Cloudflare D1), the compiler lowers dynamic
plans to static ones (writes/static.py).

Shapes tell the decoder what each column (top level) or JSON array element (nested) is:
a scalar of a Prisma type, a relation (itself a shape, one or many), or relation counts.
Nested records arrive as JSON arrays `[ordinal, v1, v2, ...]`; the decoder sorts many-relations
by ordinal (reversed for a negative `take`) and drops it.
"""

from __future__ import annotations

from typing import Any, Literal

from attrs import field, frozen

from . import ir

# Statements that fail on purpose carry these in their error text (writes/guards.py makes them);
# the executor turns them into P2025 / P2014 / P2017.
NOT_FOUND_MARKER = "PRISMA_EDGE_P2025"
RESTRICT_MARKER = "PRISMA_EDGE_P2014"
NOT_CONNECTED_MARKER = "PRISMA_EDGE_P2017"
CONNECT_COUNT_MARKER = "PRISMA_EDGE_P2018"


@frozen
class Ref:
    """A parameter taken from column `column` of the first row of statement `step`
    (or of statement `alt` when `step` did not run or found no row)."""

    step: int
    column: int
    alt: int | None = None


@frozen
class Pack:
    """ONE parameter holding the user values of `slots` as a JSON array text, which the SQL reads
    with `json_each` (a long `in` list on D1, whose statements take at most 100 parameters)."""

    slots: tuple[int, ...]


ParamRef = int | Ref | Pack


@frozen
class Statement:
    """Rendered SQL plus, per placeholder in text order, what it binds.

    `source`: the sqlglot tree the SQL was rendered from, kept only where a later pass rewrites
    the plan (rules with `static_plans`: writes/static.py); not part of equality.
    """

    sql: str
    params: tuple[ParamRef, ...] = ()
    source: Any = field(default=None, eq=False, repr=False)


@frozen
class Column:
    """One output value. kind: scalar | relation | counts."""

    name: str
    kind: Literal["scalar", "relation", "counts"]
    type: str = ""  # Prisma type or "Enum:Name" for scalars
    is_list: bool = False  # scalar list
    relation: RelationShape | None = None
    counts: tuple[str, ...] = ()
    enum_map: tuple[tuple[str, str], ...] = ()  # (database value, Prisma name) where @map differs


@frozen
class RecordShape:
    columns: tuple[Column, ...]


@frozen
class RelationShape:
    many: bool
    record: RecordShape
    reverse: bool = False


@frozen
class Step:
    statement: Statement
    when: str | None = None  # "found:<i>" | "missing:<i>"
    require: str | None = None  # "found": no row -> P2025
    result: bool = False  # the rows of this step are the operation's result
    side_effect: bool = False  # emulated referential action: not counted in "affected" results
    not_found: str | None = None  # P2025's detail when `require` fails (else the plan's)


# What the client returns: records, one record (or None), an int count, a dict of counts.
ResultKind = Literal["many", "one", "count", "count_fields", "affected", "aggregate", "aggregate_count", "groups", "returned"]


@frozen
class Plan:
    steps: tuple[Step, ...]
    result: ResultKind
    shape: RecordShape | None = None
    reverse: bool = False  # negative take at top level: rows come in inverted order
    slots: tuple[ir.Slot, ...] = ()  # metadata of every user value bound by the statements
    not_found: str = "No record was found for the operation."  # P2025's detail (see RecordNotFoundError.because)
    # False: a dynamic plan whose steps need no transaction (MySQL create: INSERT, then read back)
    atomic: bool = True
    # P2025 details of guards inside statements: a guard's marker `PRISMA_EDGE_P2025#<k>` names details[k]
    details: tuple[str, ...] = ()

    @property
    def static(self) -> bool:
        # A check that must stop the transaction (Restrict, "affected") runs step by step inside it.
        return all(s.when is None and not _has_refs(s.statement) and s.require in (None, "found") for s in self.steps)


def _has_refs(stmt: Statement) -> bool:
    return any(isinstance(p, Ref) for p in stmt.params)
