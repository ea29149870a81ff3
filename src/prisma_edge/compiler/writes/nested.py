"""Nested writes -> a small write program -> SQL: one statement on PostgreSQL, steps elsewhere.

Theory of operation. A create or update with relation writes is first flattened into a list of
`Node`s in dependency order (a record whose foreign key points at another is written after it):
inserts, lookups (connect targets, the record being updated), updates and deletes of related
rows, and join-table rows for implicit many-to-many. A node that yields a row exposes its
columns to later nodes through `Src.node`.

PostgreSQL renders the program as ONE statement of data-modifying CTEs (`n0`, `n1`, ...); a
later node reads an earlier one's columns with `(SELECT col FROM nK)`. A node that must find a
row gets a guard CTE that fails the statement (P2025) when it finds none, so nothing is applied.
The statement ends by storing the root's primary key in transaction-local settings
(`set_config(..., true)`), and a second statement in the same batch reads the root back with its
selection by those keys: 2 statements, one request on Neon HTTP, one transaction.

SQLite and MySQL render the same nodes as steps run in one transaction: `INSERT ... RETURNING`
(SQLite) or INSERT + SELECT by `LAST_INSERT_ID()` (MySQL); references become `Ref`s to the
earlier step's first row; connect-or-create inserts run only when the lookup found nothing.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
from sqlglot import exp

from ...errors import UnsupportedError
from ...schema.model import Field, Model
from .. import ir
from ..plan import (
    CONNECT_COUNT_MARKER,
    NOT_CONNECTED_MARKER,
    NOT_FOUND_MARKER,
    RESTRICT_MARKER,
    Plan,
    Ref,
    Step,
)
from ..sql.context import Context, and_all, table
from ..sql.dialects import col, fn, ident, param
from ..sql.select import ReadBuilder
from ..sql.where import condition
from . import pg_steps
from .builder import WriteBuilder, empty_insert
from .guards import any_of as _or
from .guards import count_of, fail_if_rows, fail_unless_count, fail_unless_rows, rows_of
from .program import Node, Program, Src
from .sqlite_static import StaticNestedCreate, _JoinField, rows_values


class NestedBuilder:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.rules = ctx.rules
        self.writes = WriteBuilder(ctx)
        self.reads = ReadBuilder(ctx)

    def plan(self, op: ir.NestedWrite) -> Plan:
        prog = Program(self.ctx)
        self._key_changes = {a.field: a for a in op.root.values} if op.kind == "update" else {}
        model = self.ctx.model(op.model)
        if op.kind == "create":
            root = prog.insert(op.root, [])
        elif op.kind == "upsert":
            assert op.where is not None and op.update is not None
            found = prog.add(Node("lookup", model, where=op.where))
            prog.branch = ("found", found)
            prog.update_at(model, found, op.update)
            prog.branch = ("missing", found)
            root = prog.insert(op.root, [])
            prog.branch = None
            prog.nodes[root].either = found  # the result: the found record, else the created one
        else:
            assert op.where is not None
            root = prog.add(Node("lookup", model, where=op.where, require=True, not_found="No record was found for an update."))
            prog.update_at(model, root, op.root)
        msg = f"A record needed by the nested write on `{model.name}` was not found."
        if self.rules.name == "postgres":
            return self.postgres(prog, model, root, op.selection, msg)
        if self.rules.name == "sqlite" and op.kind == "create":  # one static batch where that reads the same
            static = StaticNestedCreate(self.writes, prog.nodes).plan(model, root, op.selection, msg)
            if static is not None:
                return static
        return self.sequential(prog, model, root, op.selection, msg)

    def key_after(self, model: Model, old: Callable[[str], exp.Expression]) -> list[exp.Expression]:
        """The root's primary key after its own update: a `set` gives the new value, an atomic op
        is applied to the old one (so the read-back finds the record whose key just changed)."""
        from .builder import _ARITH

        changes = self._key_changes
        out = []
        for n in model.primary_key:
            a = changes.get(n)
            if a is None or a.value is None:
                out.append(old(n))
            elif a.op == "set":
                out.append(self.ctx.param(a.value))
            else:
                out.append(_ARITH[a.op](this=old(n), expression=self.ctx.param(a.value)))
        return out

    # ---- PostgreSQL: one statement of CTEs ------------------------------------------------

    def pg_value(self, src: Src, fld: Field) -> exp.Expression:
        if src.null:
            return exp.Null()
        if src.slot is not None:
            enum = self.ctx.schema.enum(fld.type) if fld.kind == "enum" else None
            return self.rules.cast_param(self.ctx.param(src.slot), fld, enum.db_name if enum else None)
        assert src.node is not None and src.field is not None
        model = self._node_models[src.node]
        q = exp.Select(expressions=[exp.Column(this=ident(self.ctx.field(model, src.field).db_name))]).from_(
            exp.Table(this=ident(f"n{src.node}")), copy=False)
        return exp.Subquery(this=q)

    def postgres(self, prog: Program, model: Model, root: int, selection: ir.Selection, msg: str) -> Plan:
        """Statements of CTEs in Prisma's order (pg_steps.py), then the read-back: one request."""
        self._node_models = {i: n.model for i, n in enumerate(prog.nodes) if n.model is not None}
        self._kinds = [n.kind for n in prog.nodes]
        self._either = [n.either is not None for n in prog.nodes]
        self._group = pg_steps.split(prog.nodes)
        self._details: list[str] = []
        need = pg_steps.needed_columns(self.ctx, prog.nodes, root)
        later: dict[int, set[int]] = {}  # node -> the later statements that read it
        for i, node in enumerate(prog.nodes):
            for k in pg_steps.references(node):
                if self._group[k] != self._group[i]:
                    later.setdefault(k, set()).add(self._group[i])
        steps: list[Step] = []
        for g in range(self._group[-1] + 1):
            ctes: list[tuple[str, exp.Expression]] = []
            guards: list[str] = []
            for k in sorted(k for k, gs in later.items() if g in gs):
                m = self._node_models[k]
                ctes.append((f"n{k}", pg_steps.import_cte(self.ctx, k, m, need[k])))
            mine = [i for i, grp in enumerate(self._group) if grp == g]
            for i in mine:
                node = prog.nodes[i]
                body = self.pg_node(i, node)
                if node.either is not None:  # connect_or_create: the found row, else the created one
                    ctes.append((f"i{i}", body))
                    cols = [exp.Column(this=ident(c)) for c in need[i]] or [exp.alias_(exp.Literal.number(1), "pe_row", quoted=True)]
                    body = exp.Union(this=exp.Select(expressions=[c.copy() for c in cols]).from_(exp.Table(this=ident(f"n{node.either}")), copy=False),
                                     expression=exp.Select(expressions=[c.copy() for c in cols]).from_(exp.Table(this=ident(f"i{i}")), copy=False),
                                     distinct=False)
                ctes.append((f"n{i}", body))
                if node.kind == "restrict":
                    guards.append(f"n{i}")
                if node.require:
                    name = f"g{i}"
                    marker = NOT_FOUND_MARKER
                    if node.not_found is not None:  # Prisma's detail for this record: details[k]
                        marker = f"{NOT_FOUND_MARKER}#{len(self._details)}"
                        self._details.append(node.not_found)
                    ok = fail_unless_rows(marker, rows_of(f"n{i}"), self.rules)
                    if runs_if := self._pg_missing(node):  # a node on a branch that did not run needs nothing
                        ok = exp.Case(ifs=[exp.If(this=exp.Not(this=exp.Paren(this=and_all(runs_if))), true=exp.Literal.number(1))],
                                      default=ok)
                    ctes.append((name, exp.Select(expressions=[exp.alias_(ok, "ok", quoted=True)])))
                    guards.append(name)
            items: list[exp.Expression] = []
            for k in mine:
                if k in later:
                    items += pg_steps.export(k, self._node_models[k], need[k])
            if root in mine:
                after = self.key_after(model, lambda n: col(f"n{root}", self.ctx.field(model, n).db_name))
                items += [fn("set_config", exp.Literal.string(f"prisma_edge.k{j}"),
                             exp.Cast(this=value, to=exp.DataType.build("text")), exp.true()) for j, value in enumerate(after)]
            q = exp.Select(expressions=[exp.alias_(e, f"k{j}", quoted=True) for j, e in enumerate(items)] or [exp.Literal.number(1)])
            sources = ([f"n{root}"] if root in mine else []) + guards
            for j, s in enumerate(sources):
                q = q.from_(exp.Table(this=ident(s)), copy=False) if j == 0 else q.join(exp.Table(this=ident(s)), join_type="cross", copy=False)
            if guards:
                q = q.where(and_all([exp.EQ(this=col(g, "ok"), expression=exp.Literal.number(1)) for g in guards]), copy=False)
            for name, body in ctes:
                q = q.with_(ident(name), as_=body, copy=False)
            steps.append(Step(self.rules.render(q)))
        locate = and_all([exp.EQ(this=col("tr", self.ctx.field(model, n).db_name), expression=self.key_param(model, n, j))
                          for j, n in enumerate(model.primary_key)])
        read, shape, _ = self.reads.select(model, ir.Read(model.name, ir.Window(), selection, single=True), alias="tr", extra_where=locate)
        plan = self.writes.plan([*steps, Step(self.rules.render(read), result=True)], "one", shape, msg)
        return attrs.evolve(plan, details=tuple(self._details))

    def linked(self, m: Model, key: exp.Expression | None, node: Node,
               value: Callable[[Src, Any], exp.Expression]) -> list[exp.Expression]:
        """`key IN (SELECT <other> FROM <join> WHERE <parent's column> = <parent key>)`: rows of an
        implicit m-n relation linked to the parent (nested update/delete/upsert through m-n)."""
        if node.linked is None or key is None:
            return []
        tbl, mine, src, other, _ = node.linked
        q = exp.Select(expressions=[exp.Column(this=ident(other))]).from_(exp.Table(this=ident(tbl)), copy=False).where(
            exp.EQ(this=exp.Column(this=ident(mine)), expression=value(src, _JoinField(mine))), copy=False)
        return [exp.In(this=key, query=exp.Subquery(this=q))]

    def key_param(self, model: Model, name: str, j: int) -> exp.Expression:
        """The root's key `name` as the first statement stored it, cast to the column's own type."""
        f = self.ctx.field(model, name)
        enum = self.ctx.schema.enum(f.type) if f.kind == "enum" else None
        return self.rules.cast_param(fn("current_setting", exp.Literal.string(f"prisma_edge.k{j}")), f, enum.db_name if enum else None)

    def pg_node(self, i: int, node: Node) -> exp.Expression:
        m = node.model
        if node.kind == "restrict":  # a guard: fails with P2014 when a row matches (P2017 when none does)
            assert m is not None and node.restrict is not None
            if node.each:  # a list of keys: P2018 unless each has its row (compiler/nested_lists.py)
                return pg_steps.each_found(self.ctx, m, node, self._pg_missing(node))
            a = self.ctx.alias()
            if node.connected or node.expect is not None:
                runs = self._pg_missing(node)
                rows = exp.Select(expressions=[exp.Literal.number(1)]).from_(table(m.db_name, a), copy=False).where(
                    and_all(self._pg_match(m, a, node, branch=False)) or exp.true(), copy=False)
                ok: exp.Expression = (fail_unless_count(f"{CONNECT_COUNT_MARKER}:{node.restrict}", rows, node.expect, self.rules)
                                      if node.expect is not None else fail_unless_rows(f"{NOT_CONNECTED_MARKER}:{node.restrict}", rows, self.rules))
                if runs:  # on a branch that did not run: nothing to check
                    ok = exp.Case(ifs=[exp.If(this=exp.Not(this=exp.Paren(this=and_all(runs))), true=exp.Literal.number(1))], default=ok)
                return exp.Select(expressions=[exp.alias_(ok, "ok", quoted=True)])
            rows = exp.Select(expressions=[exp.Literal.number(1)]).from_(table(m.db_name, a), copy=False).where(
                and_all(self._pg_match(m, a, node)) or exp.true(), copy=False)
            return exp.Select(expressions=[exp.alias_(fail_if_rows(f"{RESTRICT_MARKER}:{node.restrict}", rows, self.rules), "ok", quoted=True)])
        if node.kind == "lookup":
            assert m is not None
            a = self.ctx.alias()
            q = exp.Select(expressions=[exp.Column(this=exp.Star(), table=ident(a))]).from_(table(m.db_name, a), copy=False)
            conds = [exp.EQ(this=col(a, f.db_name), expression=self.pg_value(s, f)) for f, s in node.match]
            conds += self.linked(m, col(a, self.ctx.field(m, node.linked[4]).db_name) if node.linked else None, node, self.pg_value)
            if node.where is not None:
                conds.append(condition(self.ctx, m, a, node.where))
            q = q.where(and_all([*conds, *self._pg_missing(node)]) or exp.true(), copy=False)
            return q.limit(exp.Literal.number(1), copy=False)
        if node.kind == "insert":
            assert m is not None
            cols = [exp.Column(this=ident(f.db_name)) for f, _ in node.values]
            missing = self._pg_missing(node)
            if not cols:
                if missing:
                    raise UnsupportedError(f"connect_or_create of a `{m.name}` with no values to write is not supported")
                ins0 = empty_insert("postgres", m.db_name)
                ins0.set("returning", exp.Returning(expressions=[exp.Star()]))
                return ins0
            body = pg_steps.rows_select(self.ctx, node, self.pg_value) if node.rows else exp.Select(
                expressions=[self.pg_value(s, f) for f, s in node.values])
            # Sibling CTEs run in no set order; reading the previous insert first makes PostgreSQL
            # insert rows in input order (ids ascend as in Prisma).
            prev = next((k for k in range(i - 1, -1, -1) if self._kinds[k] == "insert" and self._group[k] == self._group[i]), None)
            if prev is not None:
                seen = exp.Subquery(this=exp.Select(expressions=[exp.Count(this=exp.Star())]).from_(
                    exp.Table(this=ident(f"i{prev}" if self._either[prev] else f"n{prev}")), copy=False))
                missing = [*missing, exp.GTE(this=seen, expression=exp.Literal.number(0))]
            if missing:
                body = body.where(and_all(missing), copy=False)
            tbl = exp.Table(this=ident(m.db_name))
            ins = exp.Insert(this=exp.Schema(this=tbl, expressions=cols) if cols else tbl, expression=body,
                             returning=exp.Returning(expressions=[exp.Star()]))
            if node.ignore_conflict:
                ins.set("conflict", exp.OnConflict(action=exp.var("DO NOTHING")))
            return ins
        if node.kind in ("update", "delete"):
            assert m is not None
            a = self.ctx.alias()
            conds = self._pg_match(m, a, node)
            if node.kind == "delete":
                return exp.Delete(this=table(m.db_name, a), where=exp.Where(this=and_all(conds) or exp.true()),
                                  returning=exp.Returning(expressions=[exp.Column(this=exp.Star(), table=ident(a))]))
            sets = []
            for f, s in node.values:
                value = self.pg_value(s, f)
                op = node.ops.get(f.name)
                if op:
                    from .builder import _ARITH

                    value = _ARITH[op](this=col(a, f.db_name), expression=value)
                sets.append(exp.EQ(this=exp.Column(this=ident(f.db_name)), expression=value))
            return exp.Update(this=table(m.db_name, a), expressions=sets, where=exp.Where(this=and_all(conds) or exp.true()),
                              returning=exp.Returning(expressions=[exp.Column(this=exp.Star(), table=ident(a))]))
        assert node.join is not None
        tbl, col_a, src_a, col_b, src_b = node.join
        fa, fb = _JoinField(col_a), _JoinField(col_b)
        if node.kind == "join_insert":
            body = exp.Select(expressions=[self.pg_value(src_a, fa), self.pg_value(src_b, fb)])  # type: ignore[arg-type]
            body = body.where(and_all([exp.Not(this=exp.Is(this=self.pg_value(src_b, fb), expression=exp.Null())),  # type: ignore[arg-type]
                                       *self._pg_missing(node)]), copy=False)
            ins = exp.Insert(this=exp.Schema(this=exp.Table(this=ident(tbl)), expressions=[exp.Column(this=ident(col_a)), exp.Column(this=ident(col_b))]),
                             expression=body, returning=exp.Returning(expressions=[exp.Star()]))
            ins.set("conflict", exp.OnConflict(action=exp.var("DO NOTHING")))
            return ins
        a = self.ctx.alias()
        conds = [exp.EQ(this=col(a, col_a), expression=self.pg_value(src_a, fa))]  # type: ignore[arg-type]
        if not src_b.null:
            conds.append(exp.EQ(this=col(a, col_b), expression=self.pg_value(src_b, fb)))  # type: ignore[arg-type]
        return exp.Delete(this=table(tbl, a), where=exp.Where(this=and_all(conds)),
                          returning=exp.Returning(expressions=[exp.Column(this=exp.Star(), table=ident(a))]))

    def _pg_missing(self, node: Node) -> list[exp.Expression]:
        """The node's run condition: lookup K found nothing (when_missing) / found its row (when_found)."""
        out: list[exp.Expression] = []
        for k, negate in ((node.when_missing, True), (node.when_found, False)):
            if k is not None:
                e: exp.Expression = exp.Exists(this=exp.Select(expressions=[exp.Literal.number(1)]).from_(
                    exp.Table(this=ident(f"n{k}")), copy=False))
                out.append(exp.Not(this=e) if negate else e)
        return out

    def _pg_match(self, m: Model, a: str, node: Node, branch: bool = True) -> list[exp.Expression]:
        conds: list[exp.Expression] = [exp.EQ(this=col(a, f.db_name), expression=self.pg_value(s, f)) for f, s in node.match]
        conds += self.linked(m, col(a, self.ctx.field(m, node.linked[4]).db_name) if node.linked else None, node, self.pg_value)
        if node.where is not None:
            conds.append(condition(self.ctx, m, a, node.where))
        if node.exclude:
            conds.append(exp.Not(this=exp.Paren(this=and_all([]) or _or([condition(self.ctx, m, a, c) for c in node.exclude]))))
        if branch:
            conds += self._pg_missing(node)
        return conds

    # ---- SQLite / MySQL: steps in one transaction -----------------------------------------

    def sequential(self, prog: Program, model: Model, root: int, selection: ir.Selection, msg: str) -> Plan:
        steps: list[Step] = []
        row_step: dict[int, int] = {}  # node -> step whose first row is the node's row
        lookup_step: dict[int, int] = {}
        # MySQL: an inserted row whose only column anyone reads is its autoincrement key needs no
        # SELECT after the INSERT: the INSERT's insertId is that key (one request saved per row).
        referenced: dict[int, set[str]] = {root: set(model.primary_key)}
        for n in prog.nodes:
            srcs = [s for _, s in (*n.values, *n.match)] + ([n.join[2], n.join[4]] if n.join else []) + ([n.linked[2]] if n.linked else [])
            for src in srcs:
                if src.node is not None and src.field is not None:
                    referenced.setdefault(src.node, set()).add(src.field)
        by_insert_id: set[int] = set()

        def value(src: Src, f: Field) -> exp.Expression:
            if src.null:
                return exp.Null()
            if src.slot is not None:
                return self.ctx.param(src.slot)
            assert src.node is not None and src.field is not None
            n = prog.nodes[src.node]
            assert n.model is not None
            if src.node in by_insert_id:
                return param(Ref(row_step[src.node], -1))
            idx = [x.name for x in n.model.scalar_fields].index(src.field)
            if n.either is not None:  # the found row if any, else the created one
                return param(Ref(row_step[n.either], idx, row_step[src.node]))
            return param(Ref(row_step[src.node], idx))

        def when(node: Node) -> str | None:
            if node.when_found is not None:
                return f"found:{lookup_step[node.when_found]}"
            return f"missing:{lookup_step[node.when_missing]}" if node.when_missing is not None else None

        def row_select(m: Model, alias: str, conds: list[exp.Expression], lock: bool = False) -> exp.Select:
            q = exp.Select(expressions=[col(alias, f.db_name) for f in m.scalar_fields]).from_(table(m.db_name, alias), copy=False)
            q = q.where(and_all(conds) or exp.true(), copy=False).limit(exp.Literal.number(1), copy=False)
            if lock and self.rules.name == "mysql":
                q.set("locks", [exp.Lock(update=True)])
            return q

        for i, node in enumerate(prog.nodes):
            m = node.model
            if node.kind == "lookup":
                assert m is not None
                a = self.ctx.alias()
                lconds = [exp.EQ(this=col(a, f.db_name), expression=value(s, f)) for f, s in node.match]
                lconds += self.linked(m, col(a, self.ctx.field(m, node.linked[4]).db_name) if node.linked else None, node, value)
                if node.where is not None:
                    lconds.append(condition(self.ctx, m, a, node.where))
                steps.append(Step(self.rules.render(row_select(m, a, lconds, lock=True)),
                                  when=when(node), require="found" if node.require else None, not_found=node.not_found))
                row_step[i] = lookup_step[i] = len(steps) - 1
            elif node.kind == "insert":
                assert m is not None
                cols = [exp.Column(this=ident(f.db_name)) for f, _ in node.values]
                tbl = exp.Table(this=ident(m.db_name))
                vals = rows_values(self.ctx, node, value) if node.rows else exp.Values(expressions=[exp.Tuple(expressions=[value(s, f) for f, s in node.values])])
                ins = exp.Insert(this=exp.Schema(this=tbl, expressions=cols), expression=vals) if cols else empty_insert(self.rules.name, m.db_name)
                if node.ignore_conflict:
                    if self.rules.name == "mysql":
                        ins.set("ignore", True)
                    else:
                        ins.set("conflict", exp.OnConflict(action=exp.var("DO NOTHING")))
                if self.rules.name == "sqlite":
                    ins.set("returning", exp.Returning(expressions=[exp.Column(this=ident(f.db_name)) for f in m.scalar_fields]))
                    steps.append(Step(self.rules.render(ins), when=when(node)))
                elif self._by_insert_id(m, node, referenced.get(i, set())):
                    steps.append(Step(self.rules.render(ins), when=when(node)))
                    by_insert_id.add(i)
                else:
                    steps.append(Step(self.rules.render(ins), when=when(node)))
                    a = self.ctx.alias()
                    given = {f.name: s for f, s in node.values}
                    conds = []
                    for n in m.primary_key:
                        f = self.ctx.field(m, n)
                        if n in given:
                            conds.append(exp.EQ(this=col(a, f.db_name), expression=value(given[n], f)))
                        elif f.default is not None and f.default.kind == "autoincrement":
                            conds.append(exp.EQ(this=col(a, f.db_name), expression=fn("LAST_INSERT_ID")))
                        else:
                            raise UnsupportedError(f"cannot read back a nested `{m.name}` on MySQL: give `{n}` a value")
                    steps.append(Step(self.rules.render(row_select(m, a, conds)), when=when(node)))
                row_step[i] = len(steps) - 1
            elif node.kind == "restrict":
                assert m is not None and node.restrict is not None
                a = self.ctx.alias()
                rconds = [exp.EQ(this=col(a, f.db_name), expression=value(s, f)) for f, s in node.match]
                rconds += self.linked(m, col(a, self.ctx.field(m, node.linked[4]).db_name) if node.linked else None, node, value)
                if node.where is not None:
                    rconds.append(condition(self.ctx, m, a, node.where))
                if node.exclude:
                    rconds.append(exp.Not(this=exp.Paren(this=_or([condition(self.ctx, m, a, c) for c in node.exclude]))))
                rows = exp.Select(expressions=[exp.Literal.number(1)]).from_(table(m.db_name, a), copy=False).where(
                    and_all(rconds) or exp.true(), copy=False)
                if node.expect is not None:  # P2018 unless every record a connect names exists
                    guard = fail_unless_count(f"{CONNECT_COUNT_MARKER}:{node.restrict}", rows, node.expect, self.rules)
                    steps.append(Step(self.rules.render(exp.Select(expressions=[guard if self.rules.guards else count_of(rows)])),
                                      when=when(node), require=None if self.rules.guards else f"count:{node.restrict}"))
                elif node.connected:  # P2017 unless the record is one of the parent's
                    if self.rules.guards:
                        steps.append(Step(self.rules.render(exp.Select(expressions=[
                            fail_unless_rows(f"{NOT_CONNECTED_MARKER}:{node.restrict}", rows, self.rules)])), when=when(node)))
                    else:
                        steps.append(Step(self.rules.render(exp.Select(expressions=[exp.Literal.number(1)]).where(exp.Exists(this=rows), copy=False)),
                                          when=when(node), require=f"some:{node.restrict}"))
                elif self.rules.guards:  # the statement fails by itself (D1 lowers the plan to one batch)
                    steps.append(Step(self.rules.render(exp.Select(expressions=[fail_if_rows(f"{RESTRICT_MARKER}:{node.restrict}", rows, self.rules)])),
                                      when=when(node)))
                else:
                    steps.append(Step(self.rules.render(exp.Select(expressions=[exp.Literal.number(1)]).where(exp.Exists(this=rows), copy=False)),
                                      when=when(node), require=f"none:{node.restrict}"))
            elif node.kind in ("update", "delete"):
                assert m is not None
                conds = [exp.EQ(this=exp.Column(this=ident(f.db_name)), expression=value(s, f)) for f, s in node.match]
                conds += self.linked(m, exp.Column(this=ident(self.ctx.field(m, node.linked[4]).db_name)) if node.linked else None, node, value)
                a = self.ctx.alias()
                if node.where is not None or node.exclude:
                    # filters go through a key subquery so they can use the model's alias
                    inner_conds = [condition(self.ctx, m, a, node.where)] if node.where is not None else []
                    if node.exclude:
                        inner_conds.append(exp.Not(this=exp.Paren(this=_or([condition(self.ctx, m, a, c) for c in node.exclude]))))
                    keys = exp.Select(expressions=[col(a, self.ctx.field(m, n).db_name) for n in m.primary_key]).from_(
                        table(m.db_name, a), copy=False).where(and_all(inner_conds), copy=False)
                    if self.rules.name == "mysql":  # MySQL cannot read the table it changes, except via a derived table
                        d = self.ctx.alias()
                        keys = exp.Select(expressions=[exp.Star()]).from_(exp.Subquery(this=keys, alias=exp.TableAlias(this=ident(d))), copy=False)
                    pk_cols = [exp.Column(this=ident(self.ctx.field(m, n).db_name)) for n in m.primary_key]
                    lhs = pk_cols[0] if len(pk_cols) == 1 else exp.Tuple(expressions=pk_cols)
                    conds.append(exp.In(this=lhs, query=exp.Subquery(this=keys)))
                where = exp.Where(this=and_all(conds) or exp.true())
                if node.kind == "delete":
                    stmt: exp.Expression = exp.Delete(this=exp.Table(this=ident(m.db_name)), where=where)
                else:
                    sets = []
                    for f, s in node.values:
                        v = value(s, f)
                        op = node.ops.get(f.name)
                        if op:
                            from .builder import _ARITH

                            v = _ARITH[op](this=exp.Column(this=ident(f.db_name)), expression=v)
                        sets.append(exp.EQ(this=exp.Column(this=ident(f.db_name)), expression=v))
                    stmt = exp.Update(this=exp.Table(this=ident(m.db_name)), expressions=sets, where=where)
                steps.append(Step(self.rules.render(stmt), when=when(node), require="affected" if node.require else None,
                                  not_found=node.not_found))
            else:
                assert node.join is not None
                tbl, col_a, src_a, col_b, src_b = node.join
                fa, fb = _JoinField(col_a), _JoinField(col_b)
                if node.kind == "join_insert":
                    ins = exp.Insert(this=exp.Schema(this=exp.Table(this=ident(tbl)), expressions=[exp.Column(this=ident(col_a)), exp.Column(this=ident(col_b))]),
                                     expression=exp.Values(expressions=[exp.Tuple(expressions=[value(src_a, fa), value(src_b, fb)])]))  # type: ignore[arg-type]
                    if self.rules.name == "mysql":
                        ins.set("ignore", True)
                    else:
                        ins.set("conflict", exp.OnConflict(action=exp.var("DO NOTHING")))
                    steps.append(Step(self.rules.render(ins), when=when(node)))
                else:
                    conds = [exp.EQ(this=exp.Column(this=ident(col_a)), expression=value(src_a, fa))]  # type: ignore[arg-type]
                    if not src_b.null:
                        conds.append(exp.EQ(this=exp.Column(this=ident(col_b)), expression=value(src_b, fb)))  # type: ignore[arg-type]
                    steps.append(Step(self.rules.render(exp.Delete(this=exp.Table(this=ident(tbl)), where=exp.Where(this=and_all(conds)))),
                                      when=when(node)))
        # read the root back with its selection (by key: given, generated or the insertId)
        after = self.key_after(model, lambda n: value(Src(node=root, field=n), self.ctx.field(model, n)))
        locate = and_all([exp.EQ(this=col("tr", self.ctx.field(model, n).db_name), expression=v)
                          for n, v in zip(model.primary_key, after, strict=True)])
        read, shape, _ = self.reads.select(model, ir.Read(model.name, ir.Window(), selection, single=True), alias="tr", extra_where=locate)
        steps.append(Step(self.rules.render(read), result=True))
        return self.writes.plan(steps, "one", shape, msg)


    @staticmethod
    def _by_insert_id(m: Model, node: Node, wanted: set[str]) -> bool:
        if node.either is not None or node.ignore_conflict or len(m.primary_key) != 1:
            return False
        pk = m.field(m.primary_key[0])
        assert pk is not None
        auto = pk.default is not None and pk.default.kind == "autoincrement"
        return auto and pk.name not in {f.name for f, _ in node.values} and wanted <= {pk.name}
