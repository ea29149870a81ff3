"""Dynamic plans -> static ones, for a database whose batch cannot pass values between statements (D1).

Theory of operation. Cloudflare D1 runs `batch([...])` in order and atomically (any failing
statement rolls the whole batch back), but has no interactive transaction and no way to feed
one statement's result into the next. SQLite's dynamic plans need exactly that: an update finds
its row's key first, a nested create inserts a parent and gives its new id to the children,
connect-or-create inserts only when the lookup found nothing. This pass rewrites such a plan,
statement by statement, into one static batch that does the same inside the database:

- a step whose first row later steps read (a `Ref`), or whose existence they test (`when`,
  `require="found"`), is *captured*: its row goes into a scratch table with the batch,
  `INSERT INTO "_prisma_edge_refs" ("step", "v0", ...) SELECT <step>, <the columns read> ...`
  (for an INSERT: the row at `last_insert_rowid()`, when `changes()` says it was inserted);
- a `Ref` becomes a subquery of that table: `(SELECT "v0" FROM "_prisma_edge_refs" WHERE "step" = 3)`;
- `when="found:k"` / `"missing:k"` becomes `[NOT] EXISTS (SELECT 1 FROM "_prisma_edge_refs" WHERE "step" = k)`
  in the statement's WHERE (an INSERT ... VALUES becomes INSERT ... SELECT ... WHERE);
- `require="found"` / `"affected"` becomes a guard statement that fails the batch (P2025).

The batch starts with `CREATE TABLE IF NOT EXISTS "_prisma_edge_refs"` and ends by emptying it,
so between batches the table exists and is empty; a failed batch rolls its rows back with the
rest. Its value columns have no declared type, so SQLite keeps each value exactly as it was
(integer, text, blob, real). At most `VALUE_COLUMNS` columns of one step can be read later (a
composite key of that many columns); more is refused when the plan is built.
"""

from __future__ import annotations

import attrs
from sqlglot import exp

from ...errors import UnsupportedError
from ..plan import NOT_FOUND_MARKER, Plan, Ref, Step
from ..sql.dialects import Rules, fn, ident, parse_key
from .guards import failure

REFS = "_prisma_edge_refs"
VALUE_COLUMNS = 8


def lower(plan: Plan, rules: Rules) -> Plan:
    """The same operation as ONE static batch (see the module docstring); static plans only lose
    the sqlglot trees their statements kept for this pass."""
    if plan.static:
        return attrs.evolve(plan, steps=tuple(attrs.evolve(s, statement=attrs.evolve(s.statement, source=None))
                                              for s in plan.steps))
    return _Lowering(plan, rules).run()


class _Lowering:
    def __init__(self, plan: Plan, rules: Rules) -> None:
        self.plan, self.rules = plan, rules
        self.read: dict[int, set[int]] = {}  # step -> the columns of its first row later steps read
        tested: set[int] = set()
        for i, st in enumerate(plan.steps):
            for p in st.statement.params:
                if isinstance(p, Ref):
                    if p.column == -2:
                        raise UnsupportedError("`*_and_return` with relations in `select`/`include` cannot run as one D1 batch")
                    if p.column < 0:
                        raise UnsupportedError("an insert id passed between statements cannot be lowered for D1")
                    for s in (p.step, p.alt):
                        if s is not None:
                            self.read.setdefault(s, set()).add(p.column)
            if st.when is not None:
                tested.add(int(st.when.partition(":")[2]))
            if st.require == "found":
                tested.add(i)
            if st.require and st.require.startswith("none:"):
                raise AssertionError("rules with static_plans build Restrict checks as guards")
        self.captured = set(self.read) | tested
        self.slot: dict[int, dict[int, int]] = {}
        for s, cols in self.read.items():
            if len(cols) > VALUE_COLUMNS:
                raise UnsupportedError(f"a write that passes more than {VALUE_COLUMNS} key columns between its "
                                       "statements cannot run as one D1 batch")
            self.slot[s] = {c: j for j, c in enumerate(sorted(cols))}

    def run(self) -> Plan:
        out: list[Step] = []
        if self.captured:
            out.append(self.helper(_create_refs()))
        for i, st in enumerate(self.plan.steps):
            source = st.statement.source
            assert source is not None, "rules with static_plans keep each statement's tree"
            e = self.with_refs(source.copy())
            cond = self.condition(st.when)
            if isinstance(e, exp.Select):
                if i in self.captured:
                    out.append(self.helper(self.capture_select(i, e.copy(), cond)))
                if st.require == "found":
                    out.append(self.helper(self.guard_found(i, cond)))
                if st.result or i not in self.captured:  # a result, or a guard (Restrict) that fails by itself
                    rendered = self.rules.render(e.where(cond, copy=False) if cond is not None else e)
                    out.append(attrs.evolve(st, statement=rendered, when=None, require=None))
            elif isinstance(e, exp.Insert):
                returning = e.args.get("returning")
                if not st.result:
                    e.set("returning", None)
                out.append(attrs.evolve(st, statement=self.rules.render(_conditional_insert(e, cond)), when=None,
                                        require=None))
                if i in self.captured:
                    out.append(self.helper(self.capture_insert(i, e, returning)))
            else:
                assert isinstance(e, exp.Update | exp.Delete), type(e).__name__
                if cond is not None:
                    e.set("where", exp.Where(this=exp.And(this=exp.Paren(this=e.args["where"].this), expression=cond)
                                             if e.args.get("where") else cond))
                out.append(attrs.evolve(st, statement=self.rules.render(e), when=None, require=None))
                if st.require == "affected":
                    out.append(self.helper(self.guard_changed(cond)))
        if self.captured:
            out.append(self.helper(exp.Delete(this=exp.Table(this=ident(REFS)))))
        lowered = attrs.evolve(self.plan, steps=tuple(out))
        assert lowered.static, "the lowered plan still passes values between statements"
        return lowered

    def helper(self, e: exp.Expression) -> Step:
        """A statement of ours (scratch table, capture, guard): not counted in affected rows."""
        return Step(self.rules.render(e), side_effect=True)

    # ---- the scratch table ----------------------------------------------------------------

    def value_of(self, step: int, column: int) -> exp.Expression:
        q = exp.Select(expressions=[exp.column(f"v{self.slot[step][column]}", quoted=True)]).from_(
            exp.Table(this=ident(REFS)), copy=False).where(_is_step(step), copy=False)
        return exp.Subquery(this=q)

    def with_refs(self, e: exp.Expression) -> exp.Expression:
        """Every Ref placeholder replaced by a read of the scratch table."""
        for ph in list(e.find_all(exp.Placeholder)):
            key = parse_key(str(ph.this))
            if not isinstance(key, Ref):
                continue
            value = self.value_of(key.step, key.column)
            if key.alt is not None:  # the step's row if it has one, else the alternative's
                value = exp.Case(ifs=[exp.If(this=_captured(key.step), true=value)],
                                 default=self.value_of(key.alt, key.column))
            ph.replace(value)
        return e

    def condition(self, when: str | None) -> exp.Expression | None:
        if when is None:
            return None
        kind, _, k = when.partition(":")
        found = _captured(int(k))
        return found if kind == "found" else exp.Not(this=found)

    def capture_select(self, i: int, q: exp.Select, cond: exp.Expression | None) -> exp.Expression:
        cols = sorted(self.read.get(i, ()))
        q.set("expressions", [exp.Literal.number(i), *(q.expressions[c] for c in cols)])
        if cond is not None:
            q = q.where(cond, copy=False)
        if q.args.get("limit") is None:
            q = q.limit(exp.Literal.number(1), copy=False)
        return _insert_refs(len(cols), q)

    def capture_insert(self, i: int, ins: exp.Insert, returning: exp.Expression | None) -> exp.Expression:
        """The row the INSERT just wrote: `last_insert_rowid()`, if `changes()` says it wrote one."""
        cols = sorted(self.read.get(i, ()))
        target = ins.this.this if isinstance(ins.this, exp.Schema) else ins.this
        assert isinstance(target, exp.Table)
        if cols and returning is None:
            raise AssertionError("an INSERT whose row later statements read returns its columns")
        picked = [returning.expressions[c] for c in cols] if returning is not None else []
        alias = "pe_new"
        values = [exp.Column(this=c.this.copy(), table=ident(alias)) for c in picked]
        q = exp.Select(expressions=[exp.Literal.number(i), *values]).from_(
            exp.Table(this=target.this.copy(), alias=exp.TableAlias(this=ident(alias))), copy=False)
        q = q.where(exp.And(this=exp.EQ(this=exp.Column(this=exp.to_identifier("rowid"), table=ident(alias)),
                                        expression=fn("last_insert_rowid")),
                            expression=exp.EQ(this=fn("changes"), expression=exp.Literal.number(1))), copy=False)
        return _insert_refs(len(cols), q)

    # ---- guards: statements that fail the batch ------------------------------------------

    def guard_found(self, i: int, cond: exp.Expression | None) -> exp.Expression:
        rows = exp.Select(expressions=[exp.Star()]).from_(exp.Table(this=ident(REFS)), copy=False).where(_is_step(i), copy=False)
        ok: exp.Expression = _captured(i)
        if cond is not None:  # a step that did not run has nothing to find
            ok = exp.Or(this=exp.Not(this=cond), expression=ok)
        return exp.Select(expressions=[exp.Case(ifs=[exp.If(this=ok, true=exp.Literal.number(1))],
                                                default=failure(NOT_FOUND_MARKER, rows, self.rules))])

    def guard_changed(self, cond: exp.Expression | None) -> exp.Expression:
        """Fails unless the statement just before changed a row (`changes()`)."""
        changed = exp.GT(this=fn("changes"), expression=exp.Literal.number(0))
        ok: exp.Expression = changed if cond is None else exp.Or(this=exp.Not(this=cond), expression=changed)
        text = exp.DPipe(this=exp.Literal.string(f"{NOT_FOUND_MARKER}:"), expression=fn("changes"))
        return exp.Select(expressions=[exp.Case(ifs=[exp.If(this=ok, true=exp.Literal.number(1))],
                                                default=self.rules.fail_with(text))])


def _create_refs() -> exp.Create:
    cols = [exp.ColumnDef(this=ident("step"), kind=exp.DataType.build("INTEGER"),
                          constraints=[exp.ColumnConstraint(kind=exp.PrimaryKeyColumnConstraint())])]
    cols += [exp.ColumnDef(this=ident(f"v{j}")) for j in range(VALUE_COLUMNS)]  # no type: values kept as they are
    return exp.Create(kind="TABLE", exists=True, this=exp.Schema(this=exp.Table(this=ident(REFS)), expressions=cols))


def _insert_refs(n: int, q: exp.Select) -> exp.Insert:
    cols = [exp.Column(this=ident("step")), *(exp.Column(this=ident(f"v{j}")) for j in range(n))]
    return exp.Insert(this=exp.Schema(this=exp.Table(this=ident(REFS)), expressions=cols), expression=q)


def _is_step(i: int) -> exp.Expression:
    return exp.EQ(this=exp.Column(this=ident("step")), expression=exp.Literal.number(i))


def _captured(i: int) -> exp.Expression:
    """EXISTS (SELECT 1 FROM "_prisma_edge_refs" WHERE "step" = i): step i ran and found (or wrote) its row."""
    q = exp.Select(expressions=[exp.Literal.number(1)]).from_(exp.Table(this=ident(REFS)), copy=False)
    return exp.Exists(this=q.where(_is_step(i), copy=False))


def _conditional_insert(ins: exp.Insert, cond: exp.Expression | None) -> exp.Insert:
    """INSERT ... VALUES (row) -> INSERT ... SELECT row WHERE cond (SQLite: the WHERE also keeps an
    ON CONFLICT clause unambiguous)."""
    if cond is None:
        return ins
    values = ins.expression
    if ins.args.get("default") or not isinstance(values, exp.Values) or len(values.expressions) != 1:
        raise UnsupportedError("a conditional insert of a record with no values to write cannot run as one D1 batch")
    row = values.expressions[0]
    ins.set("expression", exp.Select(expressions=list(row.expressions)).where(cond, copy=False))
    return ins
