"""PostgreSQL nested writes in Prisma's order of steps: statements of CTEs, all in one request.

Why. The data-modifying CTEs of one statement all see the snapshot taken when the statement
began: none sees another's changes, and two modifications of one row in one statement keep only
one. Prisma runs a nested write one step at a time, each step seeing the earlier ones. So the
program's nodes are grouped into statements: a node starts a new statement when it reads or
writes a table that an earlier node of the current statement wrote (inserts into one table may
share a statement: an insert reads nothing), or follows a delete (whose cascades happen at the
end of its statement), or filters through relations after any write, or checks a required record (P2025) next to
writes (so errors come in the order of the steps). Every statement rides in
the same request (a Neon HTTP transaction batch; one pipelined transaction on neon_ws / TCP).

How keys travel. A node whose row a later statement needs is *exported* by its own statement:
`set_config('prisma_edge.n<K>', '1' | '0', true)` (found a row or not) and, per column read later,
`set_config('prisma_edge.n<K>_<j>', 'v' || value::text, true)` ('' for NULL), transaction-local,
like the read-back's key. The later statement *imports* it as a CTE of the same name `n<K>`:
    n<K> AS (SELECT CAST(substr(NULLIF(current_setting('prisma_edge.n<K>_0'), ''), 2) AS uuid) AS "id"
             WHERE current_setting('prisma_edge.n<K>') = '1')
cast to the column's own type (`@db.Uuid`, BigInt, an enum...), so the rest of the SQL reads
`(SELECT "id" FROM n<K>)` and `EXISTS (SELECT 1 FROM n<K>)` exactly as within one statement.
Every export sets every one of its settings, so a value left by an earlier write of the same
transaction is never read.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from ...schema.model import Field, Model
from .. import ir
from ..plan import CONNECT_COUNT_MARKER
from ..sql.context import Context, and_all, table
from ..sql.dialects import col, fn, ident
from .guards import failure
from .program import Node, Src
from .sqlite_static import where_fields

PREFIX = "prisma_edge.n"


def _tables(node: Node) -> tuple[set[str], set[str], bool]:
    """(tables read, tables written, reads through relations) of one node."""
    if node.join is not None:
        t = node.join[0]
        return ({t} if node.kind == "join_delete" else set()), {t}, False
    assert node.model is not None
    t = node.model.db_name
    opaque = any(where_fields(c) is None for c in (node.where, *node.exclude) if c is not None)
    if node.kind == "insert":
        return set(), {t}, False
    reads = {t} | ({node.linked[0]} if node.linked else set())
    if node.kind in ("lookup", "restrict"):
        return reads, set(), opaque
    return reads, {t}, opaque  # update, delete


def split(nodes: list[Node]) -> list[int]:
    """The statement (0, 1, ...) each node runs in, in the program's order."""
    out: list[int] = []
    group, after_delete, guarded = 0, False, False
    written: dict[str, bool] = {}  # table -> written by inserts only (so far, in this statement)
    for node in nodes:
        reads, writes, opaque = _tables(node)
        inserts = node.kind in ("insert", "join_insert")
        clash = (
            bool(reads & written.keys())
            or any(t in written and not (inserts and written[t]) for t in writes)
            or after_delete
            or (opaque and bool(written))
            # a required record checked between writes: its P2025 and their errors keep Prisma's order
            or ((node.require or node.kind == "restrict") and bool(written))
            or (guarded and bool(writes))
        )
        if clash and out:
            group, after_delete, written, guarded = group + 1, False, {}, False
        out.append(group)
        guarded = guarded or node.require or node.kind == "restrict"
        for t in writes:
            written[t] = written.get(t, True) and inserts
        after_delete = after_delete or node.kind == "delete"
    return out


def references(node: Node) -> set[int]:
    """Earlier nodes this node's SQL reads (`nK`)."""
    srcs = [s for _, s in (*node.values, *node.match)] + ([node.join[2], node.join[4]] if node.join else [])
    srcs += [node.linked[2]] if node.linked else []
    out = {s.node for s in srcs if s.node is not None}
    out |= {k for k in (node.when_missing, node.when_found, node.either) if k is not None}
    return out


def needed_columns(ctx: Context, nodes: list[Node], root: int) -> dict[int, list[str]]:
    """Per node: the db column names later nodes (and the read-back of `root`) read from its row."""
    need: dict[int, set[str]] = {i: set() for i in range(len(nodes))}
    for node in nodes:
        srcs = [s for _, s in (*node.values, *node.match)] + (
            [node.join[2], node.join[4]] if node.join else []
        )
        srcs += [node.linked[2]] if node.linked else []
        for s in srcs:
            if s.node is not None and s.field is not None:
                m = nodes[s.node].model
                assert m is not None
                need[s.node].add(ctx.field(m, s.field).db_name)
    root_model = nodes[root].model
    assert root_model is not None
    need[root] |= {ctx.field(root_model, n).db_name for n in root_model.primary_key}
    for i in range(len(nodes) - 1, -1, -1):  # an either-union reads the same columns of its lookup
        k = nodes[i].either
        if k is not None:
            need[k] |= need[i]
    return {i: sorted(c) for i, c in need.items()}


def _setting(name: str) -> exp.Expression:
    return fn("current_setting", exp.Literal.string(name))


def export(k: int, model: Model, columns: list[str]) -> list[exp.Expression]:
    """set_config calls that hand node k's row (or its absence) to the next statements."""
    src = exp.Table(this=ident(f"n{k}"))
    found = exp.Exists(this=exp.Select(expressions=[exp.Literal.number(1)]).from_(src.copy(), copy=False))
    flag = exp.Case(ifs=[exp.If(this=found, true=exp.Literal.string("1"))], default=exp.Literal.string("0"))
    out = [fn("set_config", exp.Literal.string(f"{PREFIX}{k}"), flag, exp.true())]
    for j, c in enumerate(columns):
        first = exp.Subquery(
            this=exp.Select(expressions=[exp.Column(this=ident(c))])
            .from_(src.copy(), copy=False)
            .limit(exp.Literal.number(1), copy=False)
        )
        text = exp.DPipe(
            this=exp.Literal.string("v"), expression=exp.Cast(this=first, to=exp.DataType.build("text"))
        )
        value = exp.Coalesce(this=text, expressions=[exp.Literal.string("")])
        out.append(fn("set_config", exp.Literal.string(f"{PREFIX}{k}_{j}"), value, exp.true()))
    return out


def import_cte(ctx: Context, k: int, model: Model, columns: list[str]) -> exp.Select:
    """The CTE `n<k>` of a later statement: node k's exported row, typed as its columns."""
    by_db = {f.db_name: f for f in model.scalar_fields}
    items: list[exp.Expression] = []
    for j, c in enumerate(columns):
        f = by_db[c]
        raw = fn(
            "substr",
            exp.Nullif(this=_setting(f"{PREFIX}{k}_{j}"), expression=exp.Literal.string("")),
            exp.Literal.number(2),
        )
        enum = ctx.schema.enum(f.type) if f.kind == "enum" else None
        typed = ctx.rules.cast_param(raw, f, enum.db_name if enum else None)
        items.append(exp.alias_(typed, c, quoted=True))
    if not items:
        items = [exp.alias_(exp.Literal.number(1), "pe_row", quoted=True)]
    return exp.Select(expressions=items).where(
        exp.EQ(this=_setting(f"{PREFIX}{k}"), expression=exp.Literal.string("1")), copy=False
    )


class _Array:
    """A field seen as an array of its values (the cast of a column array, compiler/nested_lists.py)."""

    def __init__(self, f: Field) -> None:
        self.type, self.kind, self.is_list = f.type, f.kind, True
        self.native_type = getattr(f, "native_type", None)  # `@db.Uuid` values: a uuid[]


def rows_select(ctx: Context, node: Node, value: Callable[[Src, Field], exp.Expression]) -> exp.Select:
    """The records of a `rows` insert node: `SELECT r.c0, ..., <parent key> FROM unnest(CAST($1 AS
    text[]), ...) WITH ORDINALITY AS r(c0, ..., pe_ord) ORDER BY r.pe_ord`, each array cast to its
    column's type as a single value would be; the order makes ids follow the input's order."""
    arrays: list[exp.Expression] = []
    items: list[exp.Expression] = []
    for f, s in node.values:
        if s.slot is not None and s.slot.is_list:
            enum = ctx.schema.enum(f.type) if f.kind == "enum" else None
            arrays.append(ctx.rules.cast_param(ctx.param(s.slot), _Array(f), enum.db_name if enum else None))  # type: ignore[arg-type]
            items.append(col("pe_rows", f"c{len(arrays) - 1}"))
        else:
            items.append(value(s, f))
    names = [ident(f"c{j}") for j in range(len(arrays))] + [ident("pe_ord")]
    source = exp.Unnest(expressions=arrays, alias=exp.TableAlias(this=ident("pe_rows"), columns=names), offset=True)
    return exp.Select(expressions=items).from_(source, copy=False).order_by(col("pe_rows", "pe_ord"), copy=False)


def each_found(ctx: Context, m: Model, node: Node, runs: list[exp.Expression]) -> exp.Select:
    """The P2018 check of a connect list (`node.where`: `key IN <one list>`): fails, as one check
    per record does, with "1 expected, 0 found" when a key of the list has no row (a key is
    unique: it has one row or none; a key named twice is fine, as in Prisma 7). The count in the
    message is counted (of the first missing key's rows, so 0), not a literal the planner folds."""
    c = node.where
    assert isinstance(c, ir.Compare) and isinstance(c.value, tuple) and node.restrict is not None
    f = ctx.field(m, c.field)
    enum = ctx.schema.enum(f.type) if f.kind == "enum" else None
    array = ctx.rules.cast_param(ctx.param(c.value[0]), _Array(f), enum.db_name if enum else None)  # type: ignore[arg-type]

    def rows_for(key: exp.Expression) -> exp.Select:
        a = ctx.alias()
        return exp.Select(expressions=[exp.Literal.number(1)]).from_(table(m.db_name, a), copy=False).where(
            exp.EQ(this=col(a, f.db_name), expression=key), copy=False)

    listed = exp.Unnest(expressions=[array], alias=exp.TableAlias(this=ident("pe_keys"), columns=[ident("v")]))
    missing = exp.Select(expressions=[col("pe_keys", "v")]).from_(listed, copy=False).where(
        exp.Not(this=exp.Exists(this=rows_for(col("pe_keys", "v")))), copy=False)
    first = exp.Subquery(this=missing.copy().limit(exp.Literal.number(1), copy=False))
    ok: exp.Expression = exp.Case(ifs=[exp.If(this=exp.Exists(this=missing), true=failure(
        f"{CONNECT_COUNT_MARKER}:{node.restrict}", rows_for(first), ctx.rules))], default=exp.Literal.number(1))
    if runs:  # on a branch that did not run: nothing to check
        ok = exp.Case(ifs=[exp.If(this=exp.Not(this=exp.Paren(this=and_all(runs))), true=exp.Literal.number(1))], default=ok)
    return exp.Select(expressions=[exp.alias_(ok, "ok", quoted=True)])
