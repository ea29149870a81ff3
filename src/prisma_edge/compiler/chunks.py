"""`create_many` plans independent of the row count (issue 15 item 4): rows in chunks of a fixed
ladder of sizes, each size rendered once, the chunks' statements joined into one plan.

The IR holds one slot per value, so every row count was another cache key and another render
(50 row counts: 50 renders). Here the rows of each column group are cut, in order, into chunks
of 512, 256, ... 2, 1 rows (the binary digits of the count), each chunk is an `ir.CreateMany` of
its own with slots numbered from 0 (its cache key: 1..50 rows need 6 plans), and `compose`
joins the chunk plans' statements, renumbering their parameters, into ONE static plan: one batch,
one round trip, one transaction, as the split by parameter limit (`writes/builder.py`) already
was. Every INSERT keeps its own `ON CONFLICT DO NOTHING` / `INSERT IGNORE`, so duplicates are
skipped as in one statement; the affected counts add up and the returned rows come in row order.
Only static chunk plans with plain parameters are joined (not `*_and_return` with relations,
which reads back through references): those keep the plan of their whole op.
"""

from __future__ import annotations

from typing import Any

import attrs

from . import ir
from .plan import Pack, Plan, Ref, Statement

CHUNK_TOP = 512  # the largest chunk: larger counts take several (at most 1 statement per 512 rows more)
# The rules keys whose statements travel together (a batch, a pipeline: one round trip for all).
# Not "mysql": PlanetScale's HTTP API takes one statement per request, and a request costs more
# than a render, so a MySQL create_many stays one statement (one plan per row count).
SHARED_ROUND_TRIP = ("postgres", "sqlite", "d1")


def chunk_sizes(n: int) -> list[int]:
    """`n` as a sum of ladder sizes, largest first (its binary digits, with CHUNK_TOP at most)."""
    sizes = [CHUNK_TOP] * (n // CHUNK_TOP)
    rest = n % CHUNK_TOP
    return sizes + [1 << b for b in range(rest.bit_length() - 1, -1, -1) if rest >> b & 1]


def chunked(op: ir.CreateMany, values: list[Any], dialect: str) -> list[tuple[ir.CreateMany, list[Any]]] | None:
    """The op as chunks of ladder sizes, each with its own values; None to keep it whole."""
    if dialect not in SHARED_ROUND_TRIP or op.returning is not None and op.returning.relations:
        return None
    out: list[tuple[ir.CreateMany, list[Any]]] = []
    used = 0
    for columns, rows in op.groups:
        start = 0
        for size in chunk_sizes(len(rows)):
            vals: list[Any] = []
            renumbered = []
            for row in rows[start:start + size]:
                new_row: list[ir.Slot | None] = []
                for s in row:
                    if s is not None:
                        vals.append(values[s.index])
                        if s.index != len(vals) - 1:
                            s = ir.Slot(len(vals) - 1, s.type, s.is_list, s.role)
                    new_row.append(s)
                renumbered.append(tuple(new_row))
            start += size
            used += len(vals)
            out.append((attrs.evolve(op, groups=((columns, tuple(renumbered)),)), vals))
    if len(out) < 2 or used != len(values):  # one chunk is the op itself; values no slot names: keep it
        return None
    return out


class Joined:
    """The last joined plans, by the identity of their chunk plans (a lookup that hashes no IR)."""

    def __init__(self, maxsize: int = 128) -> None:
        self.maxsize = maxsize
        self._plans: dict[tuple[int, ...], tuple[list[Plan], Plan | None]] = {}

    def get(self, plans: list[Plan], counts: list[int]) -> Plan | None:
        key = (*map(id, plans), *counts)
        hit = self._plans.get(key)
        if hit is not None and all(a is b for a, b in zip(hit[0], plans, strict=True)):
            return hit[1]
        joined = compose(plans, counts)
        if len(self._plans) >= self.maxsize:
            self._plans.clear()
        self._plans[key] = (plans, joined)  # holding the chunk plans keeps their ids theirs
        return joined


def compose(plans: list[Plan], counts: list[int]) -> Plan | None:
    """The chunk plans (binding `counts` values each) as one plan: steps in order, parameters
    renumbered; None when one of them is not a static plan of plain parameters."""
    first = plans[0]
    steps = []
    slots: list[ir.Slot] = []
    offset = 0
    for p, n in zip(plans, counts, strict=True):
        if not p.static or p.result != first.result or p.shape != first.shape or any(
                isinstance(x, Pack | Ref) for s in p.steps for x in s.statement.params):
            return None
        for s in p.steps:
            params = tuple(offset + x for x in s.statement.params)  # type: ignore[operator]
            steps.append(attrs.evolve(s, statement=Statement(s.statement.sql, params, s.statement.source)))
        slots.extend(ir.Slot(offset + s.index, s.type, s.is_list, s.role) for s in p.slots)
        offset += n
    return attrs.evolve(first, steps=tuple(steps), slots=tuple(slots))
