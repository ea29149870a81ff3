"""SQLite update / delete / upsert as static plans: statements with no values passed between them.

The step-by-step SQLite programs (locate the row, then write it by the key just read) need the
client between statements: a transaction held open across requests on libSQL, several calls
elsewhere. When the unique `where` reads only the model's own columns and the write leaves those
columns alone, the row can be found again by the same `where` inside each statement, so the
whole operation is one batch (one request on libSQL, one atomic `batch()` on D1):

    update: SELECT <fail P2025 unless the row exists>; [onUpdate emulation];
            UPDATE t SET ... WHERE pk IN (<locate>); SELECT <selection> WHERE pk IN (<locate>)
    delete: SELECT <fail P2025 ...>; SELECT <selection> ...; [onDelete emulation]; DELETE ... IN (<locate>)
    upsert: [emulation]; UPDATE ... IN (<locate>); INSERT ... SELECT <values> WHERE NOT EXISTS (<locate>);
            SELECT <selection> WHERE pk IN (<locate>) OR (NOT EXISTS (<locate>) AND rowid = last_insert_rowid())

Each function returns None when that does not hold (the caller keeps the step-by-step plan):
a `where` with relation or Json filters, a write that changes what `where` reads (unless the new
key is known), an emulated Restrict check (it must stop the transaction), an empty create.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlglot import exp

from ...schema.model import Field, Model
from .. import ir
from ..plan import NOT_FOUND_MARKER, Plan, Step
from ..sql.context import Context, and_all, table
from ..sql.dialects import col, fn, ident
from ..sql.where import condition
from .emulation import emulate_delete, emulate_update
from .guards import fail_unless_rows
from .program import Node, Src

if TYPE_CHECKING:
    from .builder import WriteBuilder


def where_fields(cond: ir.Cond | None) -> set[str] | None:
    """The model's own fields a filter reads, or None when it reads more (relations, Json paths)."""
    if cond is None or isinstance(cond, ir.Const):
        return set()
    if isinstance(cond, ir.Compare):
        other = {cond.value.field} if isinstance(cond.value, ir.ColumnRef) else set()
        return {cond.field} | other
    if isinstance(cond, ir.Not):
        return where_fields(cond.cond)
    if isinstance(cond, ir.And | ir.Or):
        out: set[str] = set()
        for c in cond.conds:
            part = where_fields(c)
            if part is None:
                return None
            out |= part
        return out
    return None


def _checks_free(steps: list[Step]) -> bool:
    return all(s.require is None and s.when is None for s in steps)


class StaticWrites:
    """The static forms above, built with a WriteBuilder's pieces."""

    def __init__(self, wb: WriteBuilder) -> None:
        self.wb = wb
        self.ctx = wb.ctx
        self.rules = wb.rules

    def _locate(self, model: Model, where: ir.Cond) -> exp.Select:
        return self.wb.locate(model, where, lock=False)[0]

    def _in_located(self, model: Model, alias: str | None, where: ir.Cond) -> exp.Expression:
        """`pk IN (SELECT pk ... WHERE <where> LIMIT 1)`, on `alias` (or the bare table)."""
        cols: list[exp.Expression] = [col(alias, self.ctx.field(model, n).db_name) if alias else exp.Column(this=ident(self.ctx.field(model, n).db_name))
                                      for n in model.primary_key]
        lhs = cols[0] if len(cols) == 1 else exp.Tuple(expressions=cols)
        return exp.In(this=lhs, query=exp.Subquery(this=self._locate(model, where)))

    def _guard(self, model: Model, where: ir.Cond) -> Step:
        ok = fail_unless_rows(NOT_FOUND_MARKER, self._locate(model, where), self.rules)
        return Step(self.rules.render(exp.Select(expressions=[ok])))

    def _read(self, model: Model, selection: ir.Selection | None, alias: str, locate: exp.Expression) -> tuple[Step, object]:
        sel = selection or ir.Selection(tuple(f.name for f in model.scalar_fields))
        read, shape, _ = self.wb.reads.select(model, self.wb.selection_read(model, sel), alias=alias, extra_where=locate)
        return Step(self.rules.render(read), result=True), shape

    def update(self, op: ir.Update) -> Plan | None:
        model = self.ctx.model(op.model)
        fields = where_fields(op.where)
        if fields is None:
            return None
        sets = {a.field for a in op.values}
        given = {a.field: a for a in op.values if a.op == "set" and a.value is not None}
        new_key = all(n in given for n in model.primary_key)
        if sets & fields and not new_key:
            return None
        emulated = emulate_update(self.ctx, model, self.wb.key_select(model, op.where), self.wb.new_values(model, op.values))
        if not _checks_free(emulated):
            return None
        steps = [self._guard(model, op.where), *emulated]
        if op.values:
            upd = exp.Update(this=exp.Table(this=ident(model.db_name)), expressions=self.wb.set_items(model, op.values, None),
                             where=exp.Where(this=self._in_located(model, None, op.where)))
            steps.append(Step(self.rules.render(upd)))
        if new_key:
            locate = and_all([exp.EQ(this=col("tu", self.ctx.field(model, n).db_name), expression=self.wb.value_expr(model, given[n]))
                              for n in model.primary_key])
        else:
            locate = self._in_located(model, "tu", op.where)
        assert locate is not None
        read, shape = self._read(model, op.selection, "tu", locate)
        return self.wb.plan([*steps, read], "one", shape, "No record was found for an update.")  # type: ignore[arg-type]

    def delete(self, op: ir.Delete) -> Plan | None:
        model = self.ctx.model(op.model)
        if where_fields(op.where) is None:
            return None
        emulated = emulate_delete(self.ctx, model, self.wb.key_select(model, op.where))
        if not _checks_free(emulated):
            return None
        read, shape = self._read(model, op.selection, "td", self._in_located(model, "td", op.where))
        dele = exp.Delete(this=exp.Table(this=ident(model.db_name)), where=exp.Where(this=self._in_located(model, None, op.where)))
        steps = [self._guard(model, op.where), read, *emulated, Step(self.rules.render(dele))]
        return self.wb.plan(steps, "one", shape, "No record was found for a delete.")  # type: ignore[arg-type]

    def upsert(self, op: ir.Upsert) -> Plan | None:
        model = self.ctx.model(op.model)
        fields = where_fields(op.where)
        if fields is None or not op.create or {a.field for a in op.update} & fields:
            return None
        emulated = emulate_update(self.ctx, model, self.wb.key_select(model, op.where), self.wb.new_values(model, op.update))
        if not _checks_free(emulated):
            return None
        steps = list(emulated)
        if op.update:
            upd = exp.Update(this=exp.Table(this=ident(model.db_name)), expressions=self.wb.set_items(model, op.update, None),
                             where=exp.Where(this=self._in_located(model, None, op.where)))
            steps.append(Step(self.rules.render(upd)))
        missing = exp.Not(this=exp.Exists(this=self._locate(model, op.where)))
        cols = [exp.Column(this=ident(self.ctx.field(model, a.field).db_name)) for a in op.create]
        body = exp.Select(expressions=[self.wb.value_expr(model, a) for a in op.create]).where(missing, copy=False)
        steps.append(Step(self.rules.render(exp.Insert(this=exp.Schema(this=exp.Table(this=ident(model.db_name)), expressions=cols),
                                                       expression=body))))
        inserted = exp.And(this=missing.copy(), expression=exp.EQ(this=col("tu", "rowid"), expression=fn("last_insert_rowid")))
        locate = exp.Or(this=self._in_located(model, "tu", op.where), expression=exp.Paren(this=inserted))
        read, shape = self._read(model, op.selection, "tu", locate)
        return self.wb.plan([*steps, read], "one", shape)  # type: ignore[arg-type]


class StaticNestedCreate:
    """A nested create on SQLite as ONE static batch, or None.

    Nodes are rendered in order, as the step-by-step program runs them, but a value of an
    earlier node is read inside the statement that needs it instead of being passed by the
    client: a connected record by its lookup, `(SELECT col FROM t WHERE <unique where> LIMIT 1)`;
    an inserted record's given values as the same values, and what the database generated
    (the autoincrement key, defaults) from the table's newest row,
    `(SELECT col FROM t WHERE rowid = (SELECT max(rowid) FROM t))`: SQLite gives a new row a
    rowid above every existing one, and a write holds the database's only write lock. A
    connect that must find its record is a statement that fails (P2025) when it does not.
    Returns None where that reading could differ from the step-by-step one: a later insert into
    the same table before the read, a write to a looked-up table between lookup and use, or
    branches (connect_or_create), which need the client to see whether a lookup found a row.
    """

    def __init__(self, wb: WriteBuilder, nodes: list[Node]) -> None:
        self.wb, self.ctx, self.rules, self.nodes = wb, wb.ctx, wb.rules, nodes

    def _stable(self, src_node: int, at: int) -> bool:
        """Whether node `src_node`'s row still reads the same at position `at`."""
        source = self.nodes[src_node]
        assert source.model is not None
        table_name = source.model.db_name
        for n in self.nodes[src_node + 1:at]:
            touched = n.model.db_name if n.model is not None else (n.join[0] if n.join else None)
            if touched != table_name:
                continue
            if source.kind == "insert" and n.kind == "insert" or source.kind == "lookup" and n.kind in ("update", "delete"):
                return False
        return True

    def value(self, src: Src, fld: Field, at: int) -> exp.Expression | None:
        if src.null:
            return exp.Null()
        if src.slot is not None:
            enum = self.ctx.schema.enum(fld.type) if fld.kind == "enum" else None
            return self.rules.cast_param(self.ctx.param(src.slot), fld, enum.db_name if enum else None)
        assert src.node is not None and src.field is not None
        if not self._stable(src.node, at):
            return None
        node = self.nodes[src.node]
        assert node.model is not None
        target = self.ctx.field(node.model, src.field)
        if node.kind == "insert":
            given = next((s for f, s in node.values if f.name == src.field), None)
            if given is not None:
                return self.value(given, target, src.node)
            if node.ignore_conflict:
                return None
            newest = exp.Select(expressions=[fn("max", exp.Column(this=ident("rowid")))]).from_(exp.Table(this=ident(node.model.db_name)), copy=False)
            cond: exp.Expression | None = exp.EQ(this=exp.Column(this=ident("rowid")), expression=exp.Subquery(this=newest))
            q = exp.Select(expressions=[exp.Column(this=ident(target.db_name))]).from_(exp.Table(this=ident(node.model.db_name)), copy=False)
            return exp.Subquery(this=q.where(cond, copy=False))
        a = self.ctx.alias()
        found = self.lookup(src.node, at, a)
        if found is None:
            return None
        found.set("expressions", [col(a, target.db_name)])
        return exp.Subquery(this=found)

    def lookup(self, i: int, at: int, a: str) -> exp.Select | None:
        """SELECT * FROM t AS a WHERE <lookup i's conditions> LIMIT 1, read at position `at`."""
        node = self.nodes[i]
        assert node.model is not None
        conds = []
        for f, s in node.match:
            v = self.value(s, f, at)
            if v is None:
                return None
            conds.append(exp.EQ(this=col(a, f.db_name), expression=v))
        if node.where is not None:
            conds.append(condition(self.ctx, node.model, a, node.where))
        q = exp.Select(expressions=[exp.Star()]).from_(table(node.model.db_name, a), copy=False)
        return q.where(and_all(conds) or exp.true(), copy=False).limit(exp.Literal.number(1), copy=False)

    def plan(self, model: Model, root: int, selection: ir.Selection, message: str) -> Plan | None:
        steps: list[Step] = []
        for i, node in enumerate(self.nodes):
            if node.when_missing is not None or node.when_found is not None or node.either is not None or node.exclude:
                return None
            stmt = self.node_sql(i, node)
            if stmt is None:
                return None
            if stmt is not True:
                steps.append(Step(self.rules.render(stmt)))
        keys = [self.value(Src(node=root, field=n), self.ctx.field(model, n), len(self.nodes)) for n in model.primary_key]
        if any(k is None for k in keys):
            return None
        locate = and_all([exp.EQ(this=col("tr", self.ctx.field(model, n).db_name), expression=k)  # type: ignore[arg-type]
                          for n, k in zip(model.primary_key, keys, strict=True)])
        read, shape, _ = self.wb.reads.select(model, ir.Read(model.name, ir.Window(), selection, single=True), alias="tr", extra_where=locate)
        steps.append(Step(self.rules.render(read), result=True))
        return self.wb.plan(steps, "one", shape, message)

    def node_sql(self, i: int, node: Node) -> exp.Expression | bool | None:
        """The statement for node i; True for none needed (an optional lookup); None: not static."""
        m = node.model
        if node.kind == "lookup":
            if not node.require:
                return True
            found = self.lookup(i, i + 1, self.ctx.alias())
            return None if found is None else exp.Select(expressions=[fail_unless_rows(NOT_FOUND_MARKER, found, self.rules)])
        if node.rows and m is not None:  # many records from column arrays: not next to a record of their own table
            if any(src.node is not None and getattr(self.nodes[src.node].model, "db_name", None) in (m.db_name, None)
                   for _, src in node.values):
                return None
            body = rows_values(self.ctx, node, lambda src, f: self.value(src, f, i))
            if body is None:
                return None
            ins = exp.Insert(this=exp.Schema(this=exp.Table(this=ident(m.db_name)), expressions=[exp.Column(this=ident(f.db_name)) for f, _ in node.values]),
                             expression=body)
            if node.ignore_conflict:
                ins.set("conflict", exp.OnConflict(action=exp.var("DO NOTHING")))
            return ins
        values = []
        for f, s in (node.values if node.kind in ("insert", "update") else []):
            v = self.value(s, f, i)
            if v is None:
                return None
            values.append((f, v))
        if node.kind == "insert" and m is not None:
            if not values:  # a row of database defaults
                return exp.Insert(this=exp.Table(this=ident(m.db_name)), default=True)
            ins = exp.Insert(this=exp.Schema(this=exp.Table(this=ident(m.db_name)), expressions=[exp.Column(this=ident(f.db_name)) for f, _ in values]),
                             expression=exp.Values(expressions=[exp.Tuple(expressions=[v for _, v in values])]))
            if node.ignore_conflict:
                ins.set("conflict", exp.OnConflict(action=exp.var("DO NOTHING")))
            return ins
        if node.kind == "update" and m is not None and node.where is None and not node.ops and not node.require and node.match \
                and not node.exclude:
            conds = []
            for f, s in node.match:
                v = self.value(s, f, i)
                if v is None:
                    return None
                conds.append(exp.EQ(this=exp.Column(this=ident(f.db_name)), expression=v))
            return exp.Update(this=exp.Table(this=ident(m.db_name)), where=exp.Where(this=and_all(conds)),
                              expressions=[exp.EQ(this=exp.Column(this=ident(f.db_name)), expression=v) for f, v in values])
        if node.kind == "join_insert" and node.join is not None:
            tbl, col_a, src_a, col_b, src_b = node.join
            pair = [self.value(src_a, _JoinField(col_a), i), self.value(src_b, _JoinField(col_b), i)]  # type: ignore[arg-type]
            if any(v is None for v in pair):
                return None
            ins = exp.Insert(this=exp.Schema(this=exp.Table(this=ident(tbl)), expressions=[exp.Column(this=ident(col_a)), exp.Column(this=ident(col_b))]),
                             expression=exp.Values(expressions=[exp.Tuple(expressions=pair)]))
            ins.set("conflict", exp.OnConflict(action=exp.var("DO NOTHING")))
            return ins
        return None


class _JoinField:
    """Stands in for a Field when writing implicit m-n join-table columns (no casts needed)."""

    def __init__(self, name: str) -> None:
        self.name = self.db_name = name
        self.type = "Join"
        self.kind = "scalar"
        self.is_list = False


def rows_values(ctx: Context, node: Node, value: Callable[[Src, Field], exp.Expression | None]) -> exp.Select | None:
    """SQLite: the records of a `rows` insert node (compiler/nested_lists.py), one JSON array
    parameter per column read by `json_each` and joined on the element's index: `SELECT r0.value,
    ..., <parent key> FROM json_each(?, '$[0]') AS r0 JOIN json_each(?, '$[0]') AS r1 ON r1.key =
    r0.key ... ORDER BY r0.key` (ids follow the input's order). None when a value is not static."""
    items: list[exp.Expression] = []
    q = exp.Select()
    k = 0
    for f, s in node.values:
        if s.slot is None or not s.slot.is_list:
            v = value(s, f)
            if v is None:
                return None
            items.append(v)
            continue
        name = f"pe_r{k}"
        each = exp.Table(this=exp.Anonymous(this="json_each", expressions=[ctx.pack((s.slot,)), exp.Literal.string("$[0]")]),
                         alias=exp.TableAlias(this=ident(name)))
        q = q.from_(each, copy=False) if k == 0 else q.join(
            each, on=exp.EQ(this=col(name, "key"), expression=col("pe_r0", "key")), copy=False)
        items.append(col(name, "value"))
        k += 1
    q.set("expressions", items)
    # `WHERE true`: SQLite's parser reads an ON CONFLICT after a join's last table as its ON otherwise
    return q.where(exp.true(), copy=False).order_by(col("pe_r0", "key"), copy=False)
