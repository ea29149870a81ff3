"""Run a Plan on a connection: bind values, choose batch or step-by-step, shape the result.

A static plan goes out as one `query` (one statement) or one `batch` (one round trip, one
transaction). A dynamic plan (later statements need earlier results, or run conditionally)
runs inside one transaction, step by step; adapters that cannot hold a transaction open
(Neon over HTTP) never receive one, because PostgreSQL plans are single statements.
"""

from __future__ import annotations

import json
from typing import Any

from ..compiler.plan import (
    CONNECT_COUNT_MARKER,
    NOT_CONNECTED_MARKER,
    NOT_FOUND_MARKER,
    RESTRICT_MARKER,
    Pack,
    Plan,
    Ref,
    Statement,
    Step,
)
from ..errors import (
    ConnectedRecordsNotFoundError,
    PrismaEdgeError,
    RecordNotFoundError,
    RecordsNotConnectedError,
    RelationViolationError,
)
from ..fetch_adapters.base import Connection, Query, ResultSet
from .codec import bind, pack_values
from .decoders import decode_row, decode_rows, records_for


def _query(stmt: Statement, bound: dict[int, Any], results: list[ResultSet | None]) -> Query:
    params: list[Any] = []
    for p in stmt.params:
        if isinstance(p, Pack):
            params.append(pack_values([bound[i] for i in p.slots]))
            continue
        if isinstance(p, Ref):
            rs = results[p.step] if p.step < len(results) else None
            if (rs is None or not rs.rows and p.column != -1) and p.alt is not None:
                rs = results[p.alt] if p.alt < len(results) else None
            if p.column == -2:  # every row of the step, as one JSON array (writes/returning.py)
                params.append(json.dumps([list(r) for r in (rs.rows if rs is not None else [])]))
                continue
            if p.column == -1:  # the step's insertId
                assert rs is not None and rs.last_insert_id is not None, "an INSERT reported no insert id"
                params.append(rs.last_insert_id)
                continue
            assert rs is not None and rs.rows, "a dependent step ran without its source row"
            params.append(rs.rows[0][p.column])
        else:
            params.append(bound[p])
    return Query(stmt.sql, tuple(params))


def _should_run(step: Step, results: list[ResultSet | None]) -> bool:
    if step.when is None:
        return True
    cond, _, idx = step.when.partition(":")
    rs = results[int(idx)]
    found = rs is not None and bool(rs.rows)
    return found if cond == "found" else not found


def not_found_from(e: PrismaEdgeError, message: str, details: tuple[str, ...] = ()) -> PrismaEdgeError:
    """A statement that failed on purpose (required record missing -> P2025; Restrict -> P2014;
    a nested delete of a record not connected to its parent -> P2017)."""
    text = str(e)
    if CONNECT_COUNT_MARKER in text:
        rel, kind, n, found = (text.split(CONNECT_COUNT_MARKER + ":", 1)[1].split(":") + ["", "", "", ""])[:4]
        return connect_count_error(rel, kind, n, "".join(c for c in found if c.isdigit()))
    if NOT_CONNECTED_MARKER in text:
        return not_connected_error(*(text.split(NOT_CONNECTED_MARKER + ":", 1)[1].split(":") + ["", "", ""])[:3])
    if NOT_FOUND_MARKER in text:
        k = text.split(NOT_FOUND_MARKER, 1)[1]
        if k.startswith("#") and (n := k[1:].split(":", 1)[0]).isdigit() and int(n) < len(details):
            return RecordNotFoundError.because(details[int(n)])
        return RecordNotFoundError.because(message)
    if RESTRICT_MARKER in text:
        rel, child, parent = (text.split(RESTRICT_MARKER + ":", 1)[1].split(":") + ["", "", ""])[:3]
        return restrict_error(rel, child, parent)
    return e


def restrict_error(relation: str, child: str, parent: str) -> RelationViolationError:
    return RelationViolationError(f"The change you are trying to make would violate the required relation '{relation}' "
                                  f"between the `{child}` and `{parent}` models.")


def connect_count_error(relation: str, kind: str, expected: str, found: str) -> ConnectedRecordsNotFoundError:
    return ConnectedRecordsNotFoundError(f"The required connected records were not found. Expected {expected} records to be "
                                         f"connected after connect operation on {kind} relation '{relation}', found {found}.")


def not_connected_error(relation: str, parent: str, child: str) -> RecordsNotConnectedError:
    return RecordsNotConnectedError(f"The records for relation `{relation}` between the `{parent}` and `{child}` "
                                    "models are not connected.")


def static_queries(plan: Plan, values: list[Any], dialect: str) -> list[Query]:
    bound = bind(values, plan.slots, dialect)
    return [_query(s.statement, bound, []) for s in plan.steps]


def check_static(plan: Plan, results: list[ResultSet]) -> None:
    for step, rs in zip(plan.steps, results, strict=True):
        if step.require == "found" and not (rs.rows or rs.records):
            raise RecordNotFoundError.because(step.not_found or plan.not_found)
        if step.require and step.require.startswith("none:") and rs.rows:
            raise restrict_error(*step.require.split(":")[1:4])
        if step.require and step.require.startswith("some:") and not rs.rows:
            raise not_connected_error(*step.require.split(":")[1:4])
        if step.require and step.require.startswith("count:") and str(rs.rows[0][0]) != step.require.split(":")[3]:
            raise connect_count_error(*step.require.split(":")[1:4], str(rs.rows[0][0]))


async def execute_plan(conn: Connection, plan: Plan, values: list[Any], *, in_transaction: bool = False) -> Any:
    try:
        return await _execute_plan(conn, plan, values, in_transaction)
    except PrismaEdgeError as e:
        mapped = not_found_from(e, plan.not_found, plan.details)
        if mapped is e:
            raise
        raise mapped from e


async def _execute_plan(conn: Connection, plan: Plan, values: list[Any], in_transaction: bool) -> Any:
    bound = bind(values, plan.slots, conn.dialect)
    results: list[ResultSet | None]
    if plan.static:
        queries = [_query(s.statement, bound, []) for s in plan.steps]
        if len(queries) == 1 and plan.result in ("many", "one") and plan.shape is not None and plan.steps[0].result:
            # the adapter may build the records as it reads the rows (see fetch_adapters.base.Records)
            queries[0] = Query(queries[0].sql, queries[0].params, records_for(plan.shape))
        static = [await conn.query(queries[0])] if len(queries) == 1 else list(await conn.batch(queries))
        check_static(plan, static)
        results = list(static)
    elif in_transaction or not plan.atomic:
        results = await _run_steps(conn, plan, bound)
    else:
        transaction = getattr(conn, "transaction", None)
        assert transaction is not None, "dynamic plans need a connection that can open a transaction"
        async with transaction() as tx:
            results = await _run_steps(tx, plan, bound)
    return shape_result(plan, results)


async def _run_steps(conn: Connection, plan: Plan, bound: dict[int, Any]) -> list[ResultSet | None]:
    results: list[ResultSet | None] = []
    for step in plan.steps:
        if not _should_run(step, results):
            results.append(None)
            continue
        rs = await conn.query(_query(step.statement, bound, results))
        if step.require == "found" and not rs.rows or step.require == "affected" and not rs.rows_affected:
            raise RecordNotFoundError.because(step.not_found or plan.not_found)
        if step.require and step.require.startswith("none:") and rs.rows:
            raise restrict_error(*step.require.split(":")[1:4])
        if step.require and step.require.startswith("some:") and not rs.rows:
            raise not_connected_error(*step.require.split(":")[1:4])
        if step.require and step.require.startswith("count:") and str(rs.rows[0][0]) != step.require.split(":")[3]:
            raise connect_count_error(*step.require.split(":")[1:4], str(rs.rows[0][0]))
        results.append(rs)
    return results


def shape_result(plan: Plan, results: list[ResultSet | None]) -> Any:
    if plan.result == "returned":  # *_and_return: the rows every result step returned, in order
        assert plan.shape is not None
        return [decode_row(plan.shape, r) for s, rs in zip(plan.steps, results, strict=True) if s.result and rs is not None
                for r in rs.rows]
    if plan.result == "affected":
        return sum(rs.rows_affected for s, rs in zip(plan.steps, results, strict=True) if rs is not None and not s.side_effect)
    # the last result step that found rows, else the last that ran (a static plan runs every
    # branch: the branch not taken finds nothing)
    ran = [r for s, r in zip(plan.steps, results, strict=True) if s.result and r is not None]
    rs = next((r for r in reversed(ran) if r.rows or r.records), ran[-1] if ran else None)
    if rs is not None and rs.records is not None and plan.result in ("many", "one"):  # built by the adapter
        if plan.result == "one":
            return rs.records[0] if rs.records else None
        if plan.reverse:
            rs.records.reverse()
        return rs.records
    rows = rs.rows if rs is not None else ()
    if plan.result == "count":
        return int(rows[0][0]) if rows else 0
    if plan.result == "count_fields":
        assert rs is not None
        return {c: int(v) for c, v in zip(rs.columns, rows[0], strict=True)} if rows else {}
    assert plan.shape is not None
    if plan.result in ("aggregate", "aggregate_count", "groups"):
        groups = [_nest(decode_row(plan.shape, r)) for r in rows]
        if plan.result == "groups":
            return groups
        agg = groups[0] if groups else {}
        return agg
    if plan.result == "one":
        return decode_row(plan.shape, rows[0]) if rows else None
    out = decode_rows(plan.shape, rows)
    if plan.reverse:
        out.reverse()
    return out


def _nest(flat: dict[str, Any]) -> dict[str, Any]:
    """{"_sum.views": 3, "country": "x"} -> {"_sum": {"views": 3}, "country": "x"}."""
    out: dict[str, Any] = {}
    for key, value in flat.items():
        fn, dot, field = key.partition(".")
        if dot:
            out.setdefault(fn, {})[field] = value
        else:
            out[key] = value
    return out
