"""Writes -> plans: one statement on PostgreSQL, a static batch or a short dependent program elsewhere.

PostgreSQL (RETURNING + data-modifying CTEs): every write is ONE statement, e.g.
    WITH "w" AS (UPDATE "User" AS "t0" SET ... WHERE ... RETURNING "t0".*)
    SELECT <the selection, relations included> FROM "w" AS "t1"
Upsert chains an UPDATE CTE and an INSERT ... SELECT ... WHERE NOT EXISTS (SELECT 1 FROM upd).

SQLite: create = INSERT + SELECT of `last_insert_rowid()` (static batch, one transaction);
update / delete / upsert are static batches too where the row can be found again by its `where`
(`sqlite_static.py`); otherwise they locate the row first (step 0, P2025 when missing), then
write by primary key, then read back, all in one transaction.

MySQL (no RETURNING): like SQLite, with `LAST_INSERT_ID()` for autoincrement keys, client-known
keys otherwise, and `FOR UPDATE` on the locating SELECT.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
from sqlglot import exp

from ...errors import UnsupportedError
from ...schema.model import Model
from .. import ir
from ..plan import NOT_FOUND_MARKER, Plan, RecordShape, Ref, Step
from ..sql.context import Context, and_all, table
from ..sql.dialects import col, fn, ident, param
from ..sql.select import ReadBuilder
from ..sql.where import condition
from .emulation import emulate_delete, emulate_update
from .guards import fail_unless_rows, rows_of
from .returning import needs_read_back, read_back
from .sqlite_static import StaticWrites


def _push(this: exp.Expression, expression: exp.Expression) -> exp.Expression:
    """Scalar-list `push` (PostgreSQL): append to the array, a NULL array counting as empty."""
    empty = exp.Cast(this=exp.Literal.string("{}"), to=expression.args["to"].copy()) if isinstance(expression, exp.Cast) else exp.Array()
    return exp.Anonymous(this="array_cat", expressions=[exp.Coalesce(this=this, expressions=[empty]), expression])


def _divide(this: exp.Expression, expression: exp.Expression) -> exp.Expression:
    """`divide` in the column's own type, as Prisma: an Int divides with truncation (33 / 2 = 16, -1 / 2 = 0)."""
    return exp.Div(this=this, expression=expression, typed=True)


_ARITH = {"increment": exp.Add, "decrement": exp.Sub, "multiply": exp.Mul, "divide": _divide, "push": _push}


def empty_insert(dialect: str, table_name: str) -> exp.Insert:
    """A row of database defaults: `DEFAULT VALUES`, or MySQL's `VALUES ()`."""
    tbl = exp.Table(this=ident(table_name))
    if dialect == "mysql":
        return exp.Insert(this=tbl, expression=exp.Values(expressions=[exp.Tuple(expressions=[])]))
    return exp.Insert(this=tbl, default=True)


class WriteBuilder:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.rules = ctx.rules
        self.reads = ReadBuilder(ctx)

    # ---- pieces -------------------------------------------------------------------------

    def value_expr(self, model: Model, a: ir.Assign) -> exp.Expression:
        f = self.ctx.field(model, a.field)
        if a.value is None:
            return exp.Null()
        enum = self.ctx.schema.enum(f.type) if f.kind == "enum" else None
        return self.rules.cast_param(self.ctx.param(a.value), f, enum.db_name if enum else None)

    def set_items(self, model: Model, values: tuple[ir.Assign, ...], alias: str | None) -> list[exp.Expression]:
        if not values:  # `data: {}`: Prisma changes nothing and returns the record; SET needs one item
            key = exp.Column(this=ident(self.ctx.field(model, model.primary_key[0]).db_name))
            return [exp.EQ(this=key, expression=key.copy())]
        items: list[exp.Expression] = []
        for a in values:
            f = self.ctx.field(model, a.field)
            target = exp.Column(this=ident(f.db_name))
            value = self.value_expr(model, a)
            if a.op != "set":
                current = col(alias, f.db_name) if alias else exp.Column(this=ident(f.db_name))
                value = _ARITH[a.op](this=current, expression=value)
            items.append(exp.EQ(this=target, expression=value))
        return items

    def insert(self, model: Model, values: tuple[ir.Assign, ...]) -> exp.Insert:
        cols = [exp.Column(this=ident(self.ctx.field(model, a.field).db_name)) for a in values]
        tbl = exp.Table(this=ident(model.db_name))
        if not values:
            return empty_insert(self.rules.name, model.db_name)
        return exp.Insert(
            this=exp.Schema(this=tbl, expressions=cols),
            expression=exp.Values(expressions=[exp.Tuple(expressions=[self.value_expr(model, a) for a in values])]),
        )

    def selection_read(self, model: Model, selection: ir.Selection) -> ir.Read:
        return ir.Read(model.name, ir.Window(), selection, single=True)

    def plan(self, steps: list[Step], result: str, shape: RecordShape | None, message: str = "") -> Plan:
        rendered = tuple(steps)
        return Plan(rendered, result, shape, False, tuple(self.ctx.slots[i] for i in sorted(self.ctx.slots)),  # type: ignore[arg-type]
                    message or "No record was found for the operation.")

    # ---- PostgreSQL: one statement ------------------------------------------------------

    def pg_returning(self, model: Model, cte: exp.Expression, selection: ir.Selection | None, *,
                     required: bool = False) -> tuple[exp.Expression, RecordShape | None]:
        """WITH w AS (<write> RETURNING *) SELECT <selection> FROM w.

        `required`: the statement itself fails when the write touched no row, so that a batch
        holding it rolls back as a whole (P2025 inside a transaction, not after it):
            g AS (SELECT CASE WHEN EXISTS (SELECT 1 FROM w) THEN 1
                              ELSE CAST('PRISMA_EDGE_P2025:' || (SELECT COUNT(*) FROM w) AS INTEGER) END)
            SELECT ... FROM g LEFT JOIN w ON TRUE
        The cast's input is not a constant, so PostgreSQL cannot fold (and raise) it at plan time.
        """
        alias = self.ctx.alias()
        w = exp.Table(this=ident("w"), alias=exp.TableAlias(this=ident(alias)))
        ctes: list[tuple[str, exp.Expression]] = [("w", cte)]
        src: exp.Expression = w
        if required:
            guard = exp.Select(expressions=[exp.alias_(fail_unless_rows(NOT_FOUND_MARKER, rows_of("w"), self.rules), "ok", quoted=True)])
            ctes.append(("g", guard))
            src = exp.Table(this=ident("g"))
        if selection is None:
            q: exp.Select = exp.Select(expressions=[exp.Count(this=exp.Star())]).from_(src, copy=False)
            shape = None
        else:
            # `g.ok = 1` makes PostgreSQL evaluate the guard (an unused column would be skipped)
            guard_used = exp.EQ(this=col("g", "ok"), expression=exp.Literal.number(1)) if required else None
            q, shape, _ = self.reads.select(model, self.selection_read(model, selection), source=src, alias=alias,
                                            extra_where=guard_used)
            q.set("order", None)
            q.set("limit", None)
        if required:
            q = q.join(w, on=exp.true(), join_type="left", copy=False)
        for name, body in ctes:
            q = q.with_(ident(name), as_=body, copy=False)
        return q, shape

    # ---- create -------------------------------------------------------------------------

    def create(self, op: ir.Create) -> Plan:
        model = self.ctx.model(op.model)
        ins = self.insert(model, op.values)
        sel = op.selection or ir.Selection(tuple(f.name for f in model.scalar_fields))
        if self.rules.name == "postgres":
            ins.set("returning", exp.Returning(expressions=[exp.Star()]))
            q, shape = self.pg_returning(model, ins, sel)
            return self.plan([Step(self.rules.render(q), result=True)], "one", shape)
        locate = self.inserted_row_condition(model, op.values, insert_step=0)
        read, shape, _ = self.reads.select(model, self.selection_read(model, sel), alias="ti", extra_where=locate)
        plan = self.plan([Step(self.rules.render(ins)), Step(self.rules.render(read), result=True)], "one", shape)
        if self.rules.name == "mysql":
            # INSERT (autocommit) then read back by its insertId: 2 requests, no transaction needed
            plan = attrs.evolve(plan, atomic=False)
        return plan

    def inserted_row_condition(self, model: Model, values: tuple[ir.Assign, ...], insert_step: int | None = None) -> exp.Expression:
        """How to find the row just inserted, without RETURNING (alias `ti`).

        MySQL: by the key given or generated in the client, or by the INSERT's `insertId`
        (`Ref(insert_step, -1)`, which works across sessions, unlike LAST_INSERT_ID()).
        """
        if self.rules.name == "sqlite":
            return exp.EQ(this=col("ti", "rowid"), expression=fn("last_insert_rowid"))
        given = {a.field: a for a in values}
        conds: list[exp.Expression] = []
        for name in model.primary_key:
            f = self.ctx.field(model, name)
            if name in given and given[name].value is not None:
                conds.append(exp.EQ(this=col("ti", f.db_name), expression=self.value_expr(model, given[name])))
            elif f.default is not None and f.default.kind == "autoincrement":
                last = param(Ref(insert_step, -1)) if insert_step is not None else fn("LAST_INSERT_ID")
                conds.append(exp.EQ(this=col("ti", f.db_name), expression=last))
            else:
                raise UnsupportedError(
                    f"cannot read back a `{model.name}` created on MySQL: primary key `{name}` has a database-generated "
                    "default; give it a value or use autoincrement()/uuid()/cuid()"
                )
        return and_all(conds)  # type: ignore[return-value]

    def create_many(self, op: ir.CreateMany) -> Plan:
        model = self.ctx.model(op.model)
        if needs_read_back(op.returning):  # to-one relations: write, then read back by key
            assert op.returning is not None
            inserts: list[exp.Insert | exp.Update] = []
            self._create_many_steps(model, attrs.evolve(op, returning=None), inserts)
            return read_back(self, model, [], inserts, op.returning)
        steps = self._create_many_steps(model, op, None)
        if op.returning is not None:
            return self.plan(steps, "returned", self.returning_shape(model, op.returning))
        return self.plan(steps, "affected", None)

    def _create_many_steps(self, model: Model, op: ir.CreateMany, collect: list[exp.Insert | exp.Update] | None) -> list[Step]:
        """The INSERTs of create_many as steps (or, with `collect`, as trees for read_back)."""
        steps: list[Step] = []

        def add(ins: exp.Insert) -> None:
            step = self.insert_step(model, op, ins)  # duplicates and returning clauses
            if collect is not None:
                collect.append(ins)
            else:
                steps.append(step)

        for columns, rows in op.groups:
            tbl = exp.Table(this=ident(model.db_name))
            cols = [exp.Column(this=ident(self.ctx.field(model, c).db_name)) for c in columns]
            if not cols:  # rows of nothing but defaults: one INSERT each
                for _ in rows:
                    add(empty_insert(self.rules.name, model.db_name))
                continue
            # as many rows per INSERT as the rules' parameter limit allows (D1: 100 per statement)
            per_insert = max(1, self.rules.max_params // len(cols))
            for start in range(0, len(rows), per_insert):
                tuples = [exp.Tuple(expressions=[self.value_expr(model, ir.Assign(c, "set", v)) for c, v in zip(columns, row, strict=True)])
                          for row in rows[start:start + per_insert]]
                add(exp.Insert(this=exp.Schema(this=tbl.copy(), expressions=[c.copy() for c in cols]),
                               expression=exp.Values(expressions=tuples)))
        return steps

    def insert_step(self, model: Model, op: ir.CreateMany, ins: exp.Insert) -> Step:
        """One INSERT of create_many, with its duplicates and returning clauses."""
        if op.skip_duplicates:
            if self.rules.name == "mysql":
                ins.set("ignore", True)
            else:
                ins.set("conflict", exp.OnConflict(action=exp.var("DO NOTHING")))
        if op.returning is not None:
            ins.set("returning", self.returning_columns(model, op.returning))
        return Step(self.rules.render(ins), result=op.returning is not None)

    def returning_columns(self, model: Model, sel: ir.Selection) -> exp.Returning:
        if self.rules.name == "mysql":
            raise UnsupportedError("`*_and_return` operations need RETURNING, which MySQL does not have (as in Prisma)")
        return exp.Returning(expressions=[exp.Column(this=ident(self.ctx.field(model, n).db_name)) for n in sel.scalars])

    def returning_shape(self, model: Model, sel: ir.Selection) -> RecordShape:
        _, shape = self.reads.projections(model, "r", sel, nested=False)
        return shape

    # ---- update / delete / upsert -------------------------------------------------------

    def locate(self, model: Model, where: ir.Cond, *, lock: bool) -> tuple[exp.Select, list[str]]:
        """SELECT the primary key of the one row `where` selects (step 0 of non-PG writes)."""
        a = self.ctx.alias()
        pk = list(model.primary_key)
        q = exp.Select(expressions=[self.ctx.column(a, model, n) for n in pk]).from_(table(model.db_name, a), copy=False)
        q = q.where(condition(self.ctx, model, a, where), copy=False).limit(exp.Literal.number(1), copy=False)
        if lock and self.rules.name == "mysql":
            q.set("locks", [exp.Lock(update=True)])
        return q, pk

    def by_key(self, model: Model, alias: str | None, keys: list[exp.Expression]) -> exp.Expression:
        cols = [col(alias, self.ctx.field(model, n).db_name) if alias else exp.Column(this=ident(self.ctx.field(model, n).db_name))
                for n in model.primary_key]
        return and_all([exp.EQ(this=c, expression=k) for c, k in zip(cols, keys, strict=True)])  # type: ignore[return-value]

    def key_after_update(self, model: Model, values: tuple[ir.Assign, ...], step: int) -> list[exp.Expression]:
        """Primary key values after an update: new values where the update sets them."""
        given = {a.field: a for a in values if a.op == "set" and a.value is not None}
        return [self.value_expr(model, given[n]) if n in given else param(Ref(step, i)) for i, n in enumerate(model.primary_key)]

    def update(self, op: ir.Update) -> Plan:
        model = self.ctx.model(op.model)
        sel = op.selection or ir.Selection(tuple(f.name for f in model.scalar_fields))
        msg = "No record was found for an update."  # Prisma 7 wording
        if self.rules.name == "postgres" and not op.values:  # `data: {}`: Prisma reads the record (P2025 if none)
            a = self.ctx.alias()
            found = exp.Select(expressions=[exp.Column(this=exp.Star(), table=ident(a))]).from_(table(model.db_name, a), copy=False)
            found = found.where(condition(self.ctx, model, a, op.where), copy=False).limit(exp.Literal.number(1), copy=False)
            q, shape = self.pg_returning(model, found, sel, required=True)
            return self.plan([Step(self.rules.render(q), require="found", result=True)], "one", shape, msg)
        if self.rules.name == "postgres":
            a = self.ctx.alias()
            upd = exp.Update(this=table(model.db_name, a), expressions=self.set_items(model, op.values, a),
                             where=exp.Where(this=condition(self.ctx, model, a, op.where)),
                             returning=exp.Returning(expressions=[exp.Column(this=exp.Star(), table=ident(a))]))
            q, shape = self.pg_returning(model, upd, sel, required=True)
            emulated = emulate_update(self.ctx, model, self.key_select(model, op.where), self.new_values(model, op.values))
            return self.plan([*emulated, Step(self.rules.render(q), require="found", result=True)], "one", shape, msg)
        if self.rules.name == "sqlite" and (static := StaticWrites(self).update(op)) is not None:
            return static
        find, _ = self.locate(model, op.where, lock=True)
        keys = [param(Ref(0, i)) for i in range(len(model.primary_key))]
        steps = [Step(self.rules.render(find), require="found"),
                 *emulate_update(self.ctx, model, self.key_select(model, op.where), self.new_values(model, op.values))]
        if op.values:
            upd = exp.Update(this=exp.Table(this=ident(model.db_name)), expressions=self.set_items(model, op.values, None),
                             where=exp.Where(this=self.by_key(model, None, keys)))
            steps.append(Step(self.rules.render(upd)))
        read, shape, _ = self.reads.select(model, self.selection_read(model, sel), alias="tu",
                                           extra_where=self.by_key(model, "tu", self.key_after_update(model, op.values, 0)))
        steps.append(Step(self.rules.render(read), result=True))
        return self.plan(steps, "one", shape, msg)

    def delete(self, op: ir.Delete) -> Plan:
        model = self.ctx.model(op.model)
        sel = op.selection or ir.Selection(tuple(f.name for f in model.scalar_fields))
        msg = "No record was found for a delete."  # Prisma 7 wording
        if self.rules.name == "postgres":
            a = self.ctx.alias()
            dele = exp.Delete(this=table(model.db_name, a), where=exp.Where(this=condition(self.ctx, model, a, op.where)),
                              returning=exp.Returning(expressions=[exp.Column(this=exp.Star(), table=ident(a))]))
            q, shape = self.pg_returning(model, dele, sel, required=True)
            emulated = emulate_delete(self.ctx, model, self.key_select(model, op.where))
            return self.plan([*emulated, Step(self.rules.render(q), require="found", result=True)], "one", shape, msg)
        if self.rules.name == "sqlite" and (static := StaticWrites(self).delete(op)) is not None:
            return static
        find, _ = self.locate(model, op.where, lock=True)
        keys = [param(Ref(0, i)) for i in range(len(model.primary_key))]
        read, shape, _ = self.reads.select(model, self.selection_read(model, sel), alias="td", extra_where=self.by_key(model, "td", keys))
        dele = exp.Delete(this=exp.Table(this=ident(model.db_name)), where=exp.Where(this=self.by_key(model, None, keys)))
        emulated = emulate_delete(self.ctx, model, self.key_select(model, op.where))
        steps = [Step(self.rules.render(find), require="found"), Step(self.rules.render(read), result=True), *emulated,
                 Step(self.rules.render(dele))]
        return self.plan(steps, "one", shape, msg)

    def new_values(self, model: Model, values: tuple[ir.Assign, ...]) -> dict[str, exp.Expression | None]:
        """Field -> expression of its new value (None for atomic ops), for onUpdate emulation."""
        return {a.field: (self.value_expr(model, a) if a.op == "set" else None) for a in values}

    def key_select(self, model: Model, where: ir.Cond | None) -> Callable[[list[str]], exp.Select]:
        """A builder of `SELECT <columns> FROM model WHERE where` (fresh aliases each call)."""

        def build(columns: list[str]) -> exp.Select:
            a = self.ctx.alias()
            q = exp.Select(expressions=[exp.alias_(col(a, c), c, quoted=True) for c in columns]).from_(table(model.db_name, a), copy=False)
            return q.where(condition(self.ctx, model, a, where), copy=False) if where is not None else q

        return build

    def upsert(self, op: ir.Upsert) -> Plan:
        model = self.ctx.model(op.model)
        if self.rules.name == "postgres" and op.conflict_field is not None and op.create and not emulate_update(
                self.ctx, model, self.key_select(model, op.where), self.new_values(model, op.update)):
            return self.pg_database_upsert(model, op, op.conflict_field)
        if self.rules.name == "postgres":
            a = self.ctx.alias()
            upd: exp.Expression
            if op.update:
                upd = exp.Update(this=table(model.db_name, a), expressions=self.set_items(model, op.update, a),
                                 where=exp.Where(this=condition(self.ctx, model, a, op.where)),
                                 returning=exp.Returning(expressions=[exp.Column(this=exp.Star(), table=ident(a))]))
            else:  # nothing to update: the existing row, locked like an update would
                upd = exp.Select(expressions=[exp.Column(this=exp.Star(), table=ident(a))]).from_(table(model.db_name, a), copy=False)
                upd = upd.where(condition(self.ctx, model, a, op.where), copy=False)
                upd.set("locks", [exp.Lock(update=True)])
            cols = [exp.Column(this=ident(self.ctx.field(model, x.field).db_name)) for x in op.create]
            none_updated = exp.Not(this=exp.Exists(this=exp.Select(expressions=[exp.Literal.number(1)]).from_(exp.Table(this=ident("w")), copy=False)))
            if not op.create:
                raise UnsupportedError(f"upsert of a `{model.name}` whose create data is empty is not supported on PostgreSQL yet")
            body = exp.Select(expressions=[self.value_expr(model, x) for x in op.create]).where(none_updated, copy=False)
            tbl = exp.Table(this=ident(model.db_name))
            ins = exp.Insert(this=exp.Schema(this=tbl, expressions=cols) if cols else tbl, expression=body,
                             returning=exp.Returning(expressions=[exp.Star()]))
            alias = self.ctx.alias()
            union = exp.Union(this=exp.Select(expressions=[exp.Star()]).from_(exp.Table(this=ident("w")), copy=False),
                              expression=exp.Select(expressions=[exp.Star()]).from_(exp.Table(this=ident("i")), copy=False), distinct=False)
            src = exp.Subquery(this=union, alias=exp.TableAlias(this=ident(alias)))
            read, shape, _ = self.reads.select(model, self.selection_read(model, op.selection), source=src, alias=alias)
            read.set("order", None)
            read.set("limit", None)
            read = read.with_(ident("w"), as_=upd, copy=False).with_(ident("i"), as_=ins, copy=False)
            emulated = emulate_update(self.ctx, model, self.key_select(model, op.where), self.new_values(model, op.update))
            return self.plan([*emulated, Step(self.rules.render(read), result=True)], "one", shape)
        if self.rules.name == "sqlite" and (static := StaticWrites(self).upsert(op)) is not None:
            return static
        find, _ = self.locate(model, op.where, lock=True)
        keys = [param(Ref(0, i)) for i in range(len(model.primary_key))]
        steps = [Step(self.rules.render(find)),
                 *emulate_update(self.ctx, model, self.key_select(model, op.where), self.new_values(model, op.update))]
        if op.update:
            upd = exp.Update(this=exp.Table(this=ident(model.db_name)), expressions=self.set_items(model, op.update, None),
                             where=exp.Where(this=self.by_key(model, None, keys)))
            steps.append(Step(self.rules.render(upd), when="found:0"))
        read, shape, _ = self.reads.select(model, self.selection_read(model, op.selection), alias="tu",
                                           extra_where=self.by_key(model, "tu", self.key_after_update(model, op.update, 0)))
        steps.append(Step(self.rules.render(read), when="found:0", result=True))
        steps.append(Step(self.rules.render(self.insert(model, op.create)), when="missing:0"))
        read2, _, _ = self.reads.select(model, self.selection_read(model, op.selection), alias="ti",
                                        extra_where=self.inserted_row_condition(model, op.create, insert_step=len(steps) - 1))
        steps.append(Step(self.rules.render(read2), when="missing:0", result=True))
        return self.plan(steps, "one", shape)

    def pg_database_upsert(self, model: Model, op: ir.Upsert, field: str) -> Plan:
        """Prisma's database upsert, in its SQL (`ir.Upsert.conflict_field`):
            WITH w AS (INSERT INTO "T" AS t (...) VALUES (...) ON CONFLICT ("f") DO UPDATE SET ... RETURNING *)
            SELECT <selection> FROM w"""
        a = self.ctx.alias()
        ins = self.insert(model, op.create)
        target = ins.this.this if isinstance(ins.this, exp.Schema) else ins.this
        target.set("alias", exp.TableAlias(this=ident(a)))
        ins.set("conflict", exp.OnConflict(conflict_keys=[exp.Column(this=ident(self.ctx.field(model, field).db_name))],
                                           action=exp.var("DO UPDATE"), expressions=self.set_items(model, op.update, a)))
        ins.set("returning", exp.Returning(expressions=[exp.Star()]))
        q, shape = self.pg_returning(model, ins, op.selection)
        return self.plan([Step(self.rules.render(q), result=True)], "one", shape)

    def update_many(self, op: ir.UpdateMany) -> Plan:
        model = self.ctx.model(op.model)
        if not op.values and op.returning is not None:
            q, shape, _ = self.reads.select(model, ir.Read(model.name, ir.Window(where=op.where), op.returning))
            return self.plan([Step(self.rules.render(q), result=True)], "many", shape)
        if not op.values:
            return self.count_matching(model, op.where)
        a = self.ctx.alias()
        upd = exp.Update(this=table(model.db_name, a), expressions=self.set_items(model, op.values, a))
        if op.where is not None:
            upd.set("where", exp.Where(this=condition(self.ctx, model, a, op.where)))
        emulated = emulate_update(self.ctx, model, self.key_select(model, op.where), self.new_values(model, op.values))
        if needs_read_back(op.returning):  # to-one relations: write, then read back by key
            assert op.returning is not None
            return read_back(self, model, emulated, [upd], op.returning)
        if op.returning is not None:
            upd.set("returning", self.returning_columns(model, op.returning))
            return self.plan([*emulated, Step(self.rules.render(upd), result=True)], "returned", self.returning_shape(model, op.returning))
        return self.plan([*emulated, Step(self.rules.render(upd))], "affected", None)

    def delete_many(self, op: ir.DeleteMany) -> Plan:
        plan = self._delete_many(op)
        emulated = emulate_delete(self.ctx, self.ctx.model(op.model), self.key_select(self.ctx.model(op.model), op.where))
        if not emulated:
            return plan
        return self.plan([*emulated, *plan.steps], "affected", None)

    def _delete_many(self, op: ir.DeleteMany) -> Plan:
        model = self.ctx.model(op.model)
        a = self.ctx.alias()
        if self.rules.name == "mysql":  # MySQL: DELETE with an alias needs the multi-table form
            dele = exp.Delete(this=exp.Table(this=ident(model.db_name)))
            if op.where is not None:
                inner = ir.Read(model.name, ir.Window(where=op.where), ir.Selection(model.primary_key))
                sub, _, _ = self.reads.select(model, inner)
                sub.set("order", None)
                d = self.ctx.alias()
                keys = exp.Select(expressions=[col(d, f"c{i}_{n}") for i, n in enumerate(model.primary_key)]).from_(
                    exp.Subquery(this=sub, alias=exp.TableAlias(this=ident(d))), copy=False)
                pk_cols = [exp.Column(this=ident(self.ctx.field(model, n).db_name)) for n in model.primary_key]
                lhs = pk_cols[0] if len(pk_cols) == 1 else exp.Tuple(expressions=pk_cols)
                dele.set("where", exp.Where(this=exp.In(this=lhs, query=exp.Subquery(this=keys))))
            return self.plan([Step(self.rules.render(dele))], "affected", None)
        dele = exp.Delete(this=table(model.db_name, a))
        if op.where is not None:
            dele.set("where", exp.Where(this=condition(self.ctx, model, a, op.where)))
        return self.plan([Step(self.rules.render(dele))], "affected", None)

    def count_matching(self, model: Model, where: ir.Cond | None) -> Plan:
        q = self.reads.count(model, ir.CountQuery(model.name, ir.Window(where=where)))
        return self.plan([Step(self.rules.render(q), result=True)], "count", None)
