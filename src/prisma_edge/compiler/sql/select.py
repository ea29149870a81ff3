"""Reads -> ONE SELECT, relations included as correlated JSON-aggregation subqueries.

Theory of operation. The top level selects the model's scalar columns from `M AS t0` directly
(typed values straight from the driver). Each included relation becomes one more column:
- a list relation: `(SELECT COALESCE(AGG(s.j), '[]') FROM (SELECT JSON_ARRAY(ROW_NUMBER() OVER
  (ORDER BY ...), v1, v2, ...) AS j FROM C AS t1 WHERE <correlation> AND <filters> ORDER BY ...
  LIMIT ... OFFSET ...) AS s)`; the ordinal lets the decoder restore order, since not every
  database orders an aggregate by its input (MySQL, SQLite < 3.44);
- a to-one relation: `(SELECT JSON_ARRAY(0, v1, ...) FROM C AS t1 WHERE <correlation> LIMIT 1)`;
- `_count`: `JSON_ARRAY((SELECT COUNT(*) ...), ...)`.
Nested relations repeat the same construction inside the JSON arrays, to any depth.

Ordering always ends with the primary key, so results and cursors are deterministic. A negative
`take` inverts the ordering and the decoder reverses the rows back.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from ...schema.model import Model
from .. import ir
from ..plan import Column, RecordShape, RelationShape
from . import grouped
from .context import Context, and_all, or_all, table
from .dialects import col, ident
from .where import condition

BIG_LIMIT = {"sqlite": -1, "mysql": 18446744073709551615}


class ReadBuilder:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.rules = ctx.rules
        # alias -> a SELECT (no projections) of the rows that alias ranges over, for grouped includes
        self.parent_sets: dict[str, exp.Select] = {}
        # alias -> LEFT JOINs of grouped includes, added to the FROM that declares the alias
        self.pending_joins: dict[str, list[exp.Join]] = {}
        # to-one alias -> (its parent's alias, {its column: the parent's column}) (grouped.keys_in)
        self.key_via: dict[str, tuple[str, dict[str, exp.Column]]] = {}
        self.set_depth: dict[str, int] = {}  # alias -> how many parent sets its own one nests

    def attach_joins(self, q: exp.Select, alias: str) -> exp.Select:
        for j in self.pending_joins.pop(alias, []):
            q = q.join(j, copy=False)
        return q

    # ---- ordering ----------------------------------------------------------------------

    def order_terms(self, model: Model, alias: str, window: ir.Window) -> list[ir.OrderBy]:
        """The window's order plus the primary key as tie-break (inverted for negative take)."""
        terms = list(window.order)
        have = {t.path for t in terms if t.relevance is None}
        tie = model.primary_key or tuple(  # a view without a key: its plain columns (an ORDER BY needs one)
            f.name for f in model.scalar_fields if not f.is_list and f.type not in ("Json", "Bytes"))
        terms += [ir.OrderBy((n,)) for n in tie if (n,) not in have]
        if window.take_negative:
            terms = [
                ir.OrderBy(t.path, not t.descending, {"first": "last", "last": "first"}.get(t.nulls or "", None), t.count_of,
                           t.relevance)
                for t in terms
            ]
        return terms

    def order_value(self, model: Model, alias: str, term: ir.OrderBy) -> exp.Expression:
        """The expression a term orders by: a column, a to-one related column, or a count."""
        if term.relevance is not None:  # `_relevance` (sql/fulltext.py)
            from .fulltext import relevance

            cols: list[exp.Expression] = [self.ctx.column(alias, model, n) for n in term.path]
            return relevance(self.rules.name, cols, self.ctx.param(term.relevance))
        if len(term.path) == 1 and not term.count_of:
            return self.ctx.column(alias, model, term.path[0])
        f = self.ctx.field(model, term.path[0])
        child, src, joins, corr = self.ctx.relation_from(alias, f)
        target = self.ctx.model(f.type)
        if term.count_of and len(term.path) == 1:
            value: exp.Expression = exp.Count(this=exp.Star())
        else:
            value = self.order_value(target, child, ir.OrderBy(term.path[1:], term.descending, term.nulls, term.count_of))
        q = exp.Select(expressions=[value]).from_(src, copy=False)
        for j in joins:
            q = q.join(j, copy=False)
        q = q.where(corr, copy=False)
        if not term.count_of:
            q = q.limit(exp.Literal.number(1), copy=False)
        return exp.Subquery(this=q)

    def order_by(self, model: Model, alias: str, terms: list[ir.OrderBy]) -> list[exp.Ordered]:
        out: list[exp.Ordered] = []
        for t in terms:
            value = self.order_value(model, alias, t)
            if t.nulls and not self.rules.supports_nulls_ordering:
                # emulate NULLS FIRST/LAST: order by "is null" first
                isnull = exp.Case(ifs=[exp.If(this=exp.Is(this=value.copy(), expression=exp.Null()), true=exp.Literal.number(1))],
                                  default=exp.Literal.number(0))
                out.append(exp.Ordered(this=isnull, desc=t.nulls == "first"))
                out.append(exp.Ordered(this=value, desc=t.descending))
            elif t.nulls:
                out.append(exp.Ordered(this=value, desc=t.descending, nulls_first=t.nulls == "first"))
            else:  # the database's own default, stated so the renderer keeps it
                out.append(exp.Ordered(this=value, desc=t.descending, nulls_first=self.rules.nulls_first_default(t.descending)))
        return out

    # ---- filters of a window ------------------------------------------------------------

    def window_conditions(self, model: Model, alias: str, window: ir.Window, terms: list[ir.OrderBy],
                          scope: Callable[[str], exp.Expression | None] | None = None) -> list[exp.Expression]:
        """`scope(alias)`: for a nested list, the condition that a row belongs to the parent (the
        cursor row must be one of the parent's rows, else the list is empty, as in Prisma)."""
        conds: list[exp.Expression] = []
        if window.where is not None:
            conds.append(condition(self.ctx, model, alias, window.where))
        if window.cursor is not None:
            conds.append(self.cursor_condition(model, alias, window.cursor, terms, scope))
        if window.distinct:
            conds.append(self.distinct_condition(model, alias, window, terms, scope))
        return conds

    def cursor_condition(self, model: Model, alias: str, cursor: ir.Cursor, terms: list[ir.OrderBy],
                         scope: Callable[[str], exp.Expression | None] | None = None) -> exp.Expression:
        """Rows at or after the cursor row in the given order (inclusive), Prisma's semantics.

        Each order term is compared with the same term evaluated on the cursor row, so ordering
        by to-one relation fields and by relation counts works too.
        """

        def cursor_row(c: str) -> exp.Expression:
            return and_all([exp.EQ(this=self.ctx.column(c, model, f), expression=self.ctx.param(s)) for f, s in cursor.fields])  # type: ignore[return-value]

        def cursor_value(t: ir.OrderBy) -> exp.Expression:
            c = self.ctx.alias()
            q = exp.Select(expressions=[self.order_value(model, c, t)]).from_(table(model.db_name, c), copy=False)
            return exp.Subquery(this=q.where(cursor_row(c), copy=False))

        # existence of the cursor row (among the parent's rows for a nested list): none -> empty result
        c = self.ctx.alias()
        in_scope = scope(c) if scope is not None else None
        exists = exp.Exists(this=exp.Select(expressions=[exp.Literal.number(1)]).from_(table(model.db_name, c), copy=False)
                            .where(cursor_row(c) if in_scope is None else exp.And(this=cursor_row(c), expression=in_scope), copy=False))
        branches: list[exp.Expression] = []
        equal_prefix: list[exp.Expression] = []
        given = dict(cursor.fields)
        for t in terms:
            mine = self.order_value(model, alias, t)
            cmp = exp.LT if t.descending else exp.GT
            nulls_first = t.nulls == "first" if t.nulls else self.rules.nulls_first_default(t.descending)
            if len(t.path) == 1 and not t.count_of and t.relevance is None and t.path[0] in given:
                # a cursor field: the cursor row's value is the parameter (the row exists, `exists`),
                # never NULL (nor a required field's rows), and known to the planner (a subquery's
                # value is not: PostgreSQL then guesses a third of the rows after it and reads them
                # through the key's index)
                value = self.ctx.param(given[t.path[0]])
                after_it: exp.Expression = cmp(this=mine, expression=value)
                if not nulls_first and not self.ctx.field(model, t.path[0]).is_required:
                    after_it = exp.Or(this=after_it, expression=exp.Is(this=mine.copy(), expression=exp.Null()))
                branches.append(and_all([*[e.copy() for e in equal_prefix], exp.Paren(this=after_it)]))  # type: ignore[list-item]
                equal_prefix.append(exp.EQ(this=mine.copy(), expression=value.copy()))
                continue
            theirs = cursor_value(t)
            # NULLs sort at one end: a NULL is after every value when they come last, before when first
            null_side = (mine.copy(), theirs.copy()) if not nulls_first else (theirs.copy(), mine.copy())
            after = exp.Paren(this=exp.Or(this=cmp(this=mine, expression=theirs),
                                          expression=exp.And(this=exp.Is(this=null_side[0], expression=exp.Null()),
                                                             expression=exp.Not(this=exp.Is(this=null_side[1], expression=exp.Null())))))
            same = exp.Paren(this=exp.Or(this=exp.EQ(this=mine.copy(), expression=theirs.copy()),
                                         expression=exp.And(this=exp.Is(this=mine.copy(), expression=exp.Null()),
                                                            expression=exp.Is(this=theirs.copy(), expression=exp.Null()))))
            branches.append(and_all([*[e.copy() for e in equal_prefix], after]))  # type: ignore[list-item]
            equal_prefix.append(same)
        branches.append(and_all(equal_prefix))  # type: ignore[arg-type]
        return exp.And(this=exists, expression=or_all(branches))

    def distinct_condition(self, model: Model, alias: str, window: ir.Window, terms: list[ir.OrderBy],
                           scope: Callable[[str], exp.Expression | None] | None = None) -> exp.Expression:
        """Keep the first row (in order) of each group of equal `distinct` values (within the
        parent's rows, for a nested list)."""
        inner = self.ctx.alias()
        # nested: rank within each parent too (its foreign key columns), so the derived table
        # needs no correlation (MariaDB allows none)
        parent_cols = getattr(scope, "columns", ()) if scope is not None else ()
        partition = [col(inner, c) for c in parent_cols] + [self.ctx.column(inner, model, n) for n in window.distinct]
        # many-to-many: the parent's key is in the join table; rank within each parent through it
        via: tuple[exp.Join, str, list[tuple[exp.Column, exp.Column]]] | None = getattr(scope, "via", None)
        parent_keys: list[tuple[exp.Expression, exp.Column]] = []  # (inner side, this row's side)
        join = None
        if via is not None:
            jt = self.ctx.alias()
            join = _realias(via[0], {via[1]: jt, alias: inner})
            parent_keys = [(col(jt, mine.name), mine) for mine, _ in via[2]]
            partition = [k.copy() for k, _ in parent_keys] + partition
        rn = exp.Window(this=exp.RowNumber(), partition_by=partition,
                        order=exp.Order(expressions=self.order_by(model, inner, [t for t in terms if len(t.path) == 1 and not t.count_of])))
        pk = model.primary_key
        projections = [exp.alias_(self.ctx.column(inner, model, n), f"k{i}", quoted=True) for i, n in enumerate(pk)]
        projections += [exp.alias_(k.copy(), f"p{i}", quoted=True) for i, (k, _) in enumerate(parent_keys)]
        projections.append(exp.alias_(rn, "rn", quoted=True))
        q = exp.Select(expressions=projections).from_(table(model.db_name, inner), copy=False)
        if join is not None:
            q = q.join(join, copy=False)
        if window.where is not None:
            q = q.where(condition(self.ctx, model, inner, window.where), copy=False)
        d = self.ctx.alias()
        match = and_all([exp.EQ(this=col(d, "rn"), expression=exp.Literal.number(1)),
                         *[exp.EQ(this=col(d, f"k{i}"), expression=self.ctx.column(alias, model, n)) for i, n in enumerate(pk)],
                         *[exp.EQ(this=col(d, f"p{i}"), expression=mine.copy()) for i, (_, mine) in enumerate(parent_keys)]])
        outer = exp.Select(expressions=[exp.Literal.number(1)]).from_(
            exp.Subquery(this=q, alias=exp.TableAlias(this=ident(d))), copy=False).where(match, copy=False)
        return exp.Exists(this=outer)

    def paginate(self, q: exp.Select, window: ir.Window) -> exp.Select:
        if window.take is not None:
            q = q.limit(self.ctx.param(window.take), copy=False)
        if window.skip is not None:
            if window.take is None and self.rules.name in BIG_LIMIT:
                q = q.limit(exp.Literal.number(BIG_LIMIT[self.rules.name]), copy=False)
            q = q.offset(self.ctx.param(window.skip), copy=False)
        return q

    # ---- selections ---------------------------------------------------------------------

    def projections(self, model: Model, alias: str, sel: ir.Selection, nested: bool) -> tuple[list[exp.Expression], RecordShape]:
        exprs: list[exp.Expression] = []
        cols: list[Column] = []
        for name in sel.scalars:
            f = self.ctx.field(model, name)
            value: exp.Expression = col(alias, f.db_name)
            value = self.rules.json_safe(value, f) if nested else self.rules.top_level(value, f)
            exprs.append(value)
            enum = self.ctx.schema.enum(f.type) if f.kind == "enum" else None
            mapped = tuple((v.db_name, v.name) for v in enum.values if v.db_name != v.name) if enum else ()
            cols.append(Column(name, "scalar", f"Enum:{f.type}" if enum else f.type, f.is_list, enum_map=mapped))
        for rs in sel.relations:
            sub, shape = self.relation_subquery(model, alias, rs)
            exprs.append(self.rules.nested_json(sub) if nested else sub)
            cols.append(Column(rs.field, "relation", relation=shape))
        if sel.counts:
            counts = [self.count_subquery(model, alias, c) for c in sel.counts]
            arr = self.rules.json_array(counts)
            exprs.append(arr)
            cols.append(Column("_count", "counts", counts=tuple(c.field for c in sel.counts)))
        return exprs, RecordShape(tuple(cols))

    def count_subquery(self, model: Model, alias: str, c: ir.CountSelection) -> exp.Expression:
        f = self.ctx.field(model, c.field)
        child, src, joins, corr = self.ctx.relation_from(alias, f)
        q = exp.Select(expressions=[exp.Count(this=exp.Star())]).from_(src, copy=False)
        for j in joins:
            q = q.join(j, copy=False)
        where = corr
        if c.where is not None:
            where = exp.And(this=corr, expression=condition(self.ctx, self.ctx.model(f.type), child, c.where))
        return exp.Subquery(this=q.where(where, copy=False))

    def relation_subquery(self, model: Model, alias: str, rs: ir.RelationSelection) -> tuple[exp.Expression, RelationShape]:
        f = self.ctx.field(model, rs.field)
        target = self.ctx.model(f.type)
        child, src, joins, pairs = self.ctx.relation_keys(alias, f)
        if f.is_list and grouped.eligible(self, alias, rs, child, pairs):
            return grouped.grouped_list(self, alias, rs, f.type, child, src, joins, pairs)
        if (not f.is_list and self.rules.name in grouped.EVERY_SHAPE and alias in self.parent_sets and not joins
                and self.set_depth.get(alias, 0) < grouped.SET_DEPTH):
            # the to-one's rows as a parent set, so lists under it take the grouped form too
            # (their other forms read the whole child table; grouped.py)
            self.parent_sets[child] = exp.Select().from_(src.copy(), copy=False).where(grouped.keys_in(self, alias, pairs), copy=False)
            self.key_via[child] = (alias, {mine.name: theirs for mine, theirs in pairs})
            self.set_depth[child] = self.set_depth.get(alias, 0) + 1
        corr = and_all([exp.EQ(this=mine, expression=theirs) for mine, theirs in pairs])
        assert corr is not None
        values, shape = self.projections(target, child, rs.selection, nested=True)
        if not f.is_list:
            row = self.rules.json_array([exp.Literal.number(0), *values])
            q = exp.Select(expressions=[row]).from_(src, copy=False)
            for j in joins:
                q = q.join(j, copy=False)
            q = self.attach_joins(q, child)
            if rs.window.where is not None:
                corr = exp.And(this=corr, expression=condition(self.ctx, target, child, rs.window.where))
            q = q.where(corr, copy=False).limit(exp.Literal.number(1), copy=False)
            return exp.Subquery(this=q), RelationShape(False, shape)
        if not self.rules.correlated_derived_tables:
            return self._partitioned(target, child, src, joins, values, shape, rs, pairs)
        terms = self.order_terms(target, child, rs.window)
        ordered = self.order_by(target, child, terms)
        conds = [corr, *self.window_conditions(target, child, rs.window, terms, self._scope(child, pairs, joins=joins))]
        ordinal = exp.Window(this=exp.RowNumber(), order=exp.Order(expressions=[o.copy() for o in ordered]))
        row = exp.alias_(self.rules.json_array([ordinal, *values]), "j", quoted=True)
        inner = exp.Select(expressions=[row]).from_(src, copy=False)
        for j in joins:
            inner = inner.join(j, copy=False)
        inner = inner.where(and_all(conds), copy=False).order_by(*ordered, copy=False)
        inner = self.paginate(inner, rs.window)
        s = self.ctx.alias()
        agg = self.rules.json_agg(self.rules.nested_json(col(s, "j")))
        outer = exp.Select(expressions=[exp.Coalesce(this=agg, expressions=[self.rules.empty_json_array()])]).from_(
            exp.Subquery(this=inner, alias=exp.TableAlias(this=ident(s))), copy=False
        )
        return exp.Subquery(this=outer), RelationShape(True, shape, rs.window.take_negative)

    @staticmethod
    def _scope(child: str, pairs: list[tuple[exp.Column, exp.Column]], correlate: bool = True,
               joins: list[exp.Join] | None = None) -> Callable[[str], exp.Expression | None]:
        """Belongs-to-the-parent for another alias of the related table (direct relations only);
        `.columns` names the related table's foreign key columns; for many-to-many, `.via` is
        (the join to the join table, its alias, the pairs), so `distinct` can rank per parent."""

        direct = all(mine.table == child for mine, _ in pairs)  # m-n: the key is in the join table

        def scope(alias: str) -> exp.Expression | None:
            if not direct or not correlate:
                return None
            return and_all([exp.EQ(this=col(alias, mine.name), expression=theirs.copy()) for mine, theirs in pairs])

        scope.columns = tuple(mine.name for mine, _ in pairs) if direct else ()  # type: ignore[attr-defined]
        if not direct and joins and len(joins) == 1:
            scope.via = (joins[0], pairs[0][0].table, pairs)  # type: ignore[attr-defined]
        return scope

    def _partitioned(self, target: Model, child: str, src: exp.Expression, joins: list[exp.Join], values: list[exp.Expression],
                     shape: RecordShape, rs: ir.RelationSelection, pairs: list[tuple[exp.Column, exp.Column]]) -> tuple[exp.Expression, RelationShape]:
        """MySQL/MariaDB form. MariaDB allows no derived table that references the outer row, and
        MySQL 8's JSON_ARRAYAGG takes no ORDER BY; so an UNcorrelated derived table numbers every
        related row within its parent (ROW_NUMBER() OVER (PARTITION BY fk ORDER BY ...)), and the
        correlated outer query keeps this parent's rows inside the take/skip window:

            (SELECT JSON_ARRAYAGG(s.j) FROM (SELECT JSON_ARRAY(ROW_NUMBER() OVER w, ...) AS j,
                ROW_NUMBER() OVER w AS rn, c.fk AS k0 FROM C AS c WHERE <filters>) AS s
             WHERE s.k0 = parent.id AND s.rn > skip AND s.rn <= skip + take)
        """
        terms = self.order_terms(target, child, rs.window)
        ordered = self.order_by(target, child, terms)
        partition = [mine for mine, _ in pairs]

        def number() -> exp.Window:
            return exp.Window(this=exp.RowNumber(), partition_by=[c.copy() for c in partition],
                              order=exp.Order(expressions=[o.copy() for o in ordered]))

        projections: list[exp.Expression] = [
            exp.alias_(self.rules.json_array([number(), *values]), "j", quoted=True),
            exp.alias_(number(), "rn", quoted=True),
            *[exp.alias_(c.copy(), f"k{i}", quoted=True) for i, c in enumerate(partition)],
        ]
        inner = exp.Select(expressions=projections).from_(src, copy=False)
        for j in joins:
            inner = inner.join(j, copy=False)
        # the derived table must not reference the parent (MariaDB): rank per parent by its foreign
        # key for `distinct`, but no correlated cursor scope here
        uncorrelated = self._scope(child, pairs, correlate=False, joins=joins)
        filters = and_all(self.window_conditions(target, child, rs.window, terms, uncorrelated))
        if filters is not None:
            inner = inner.where(filters, copy=False)
        s = self.ctx.alias()
        conds: list[exp.Expression] = [exp.EQ(this=col(s, f"k{i}"), expression=parent) for i, (_, parent) in enumerate(pairs)]
        skip = self.ctx.param(rs.window.skip) if rs.window.skip is not None else None
        if skip is not None:
            conds.append(exp.GT(this=col(s, "rn"), expression=skip))
        if rs.window.take is not None:
            upper: exp.Expression = self.ctx.param(rs.window.take)
            if skip is not None:
                upper = exp.Add(this=upper, expression=skip.copy())
            conds.append(exp.LTE(this=col(s, "rn"), expression=upper))
        agg = self.rules.json_agg(col(s, "j"))
        outer = exp.Select(expressions=[exp.Coalesce(this=agg, expressions=[self.rules.empty_json_array()])]).from_(
            exp.Subquery(this=inner, alias=exp.TableAlias(this=ident(s))), copy=False
        ).where(and_all(conds), copy=False)
        return exp.Subquery(this=outer), RelationShape(True, shape, rs.window.take_negative)

    # ---- top level ----------------------------------------------------------------------

    def select(self, model: Model, read: ir.Read, *, source: exp.Expression | None = None, alias: str | None = None,
               extra_where: exp.Expression | None = None) -> tuple[exp.Select, RecordShape, bool]:
        """The whole read as one SELECT; `source` replaces the model's table (a CTE for writes)."""
        alias = alias or self.ctx.alias()
        window = read.window
        terms = self.order_terms(model, alias, window)
        q = exp.Select().from_(source if source is not None else table(model.db_name, alias), copy=False)
        conds = self.window_conditions(model, alias, window, terms)
        if extra_where is not None:
            conds.append(extra_where)
        where = and_all(conds)
        if where is not None:
            q = q.where(where, copy=False)
        q = q.order_by(*self.order_by(model, alias, terms), copy=False)
        if read.single:  # find_first honours skip (and a negative take inverted the order above)
            q = q.limit(exp.Literal.number(1), copy=False)
            if window.skip is not None:
                q = q.offset(self.ctx.param(window.skip), copy=False)
        else:
            q = self.paginate(q, window)
        if source is None or source.alias_or_name == alias:  # else the alias is declared by the caller's join
            self.parent_sets[alias] = q.copy()
        exprs, shape = self.projections(model, alias, read.selection, nested=False)
        names = [c.name for c in shape.columns]
        q.set("expressions", [exp.alias_(e, f"c{i}_{n}", quoted=True) for i, (e, n) in enumerate(zip(exprs, names, strict=True))])
        q = self.attach_joins(q, alias)
        return q, shape, window.take_negative

    def count(self, model: Model, cq: ir.CountQuery) -> exp.Select:
        alias = self.ctx.alias()
        window = cq.window
        terms = self.order_terms(model, alias, window)
        conds = self.window_conditions(model, alias, window, terms)
        paginated = window.take is not None or window.skip is not None
        if cq.fields:
            aggs = [exp.alias_(exp.Count(this=exp.Star()) if n == "_all" else exp.Count(this=col("s" if paginated else alias, self.ctx.field(model, n).db_name)),
                               n, quoted=True) for n in cq.fields]
        else:
            aggs = [exp.Count(this=exp.Star())]
        if not paginated:
            q = exp.Select(expressions=aggs).from_(table(model.db_name, alias), copy=False)
            where = and_all(conds)
            return q.where(where, copy=False) if where is not None else q
        inner = exp.Select(expressions=[exp.Star()]).from_(table(model.db_name, alias), copy=False)
        where = and_all(conds)
        if where is not None:
            inner = inner.where(where, copy=False)
        inner = self.paginate(inner.order_by(*self.order_by(model, alias, terms), copy=False), window)
        return exp.Select(expressions=aggs).from_(exp.Subquery(this=inner, alias=exp.TableAlias(this=ident("s"))), copy=False)


def _realias(e: exp.Expression, aliases: dict[str, str]) -> exp.Join:
    """A copy of join `e` with its table aliases renamed (`aliases`: old -> new)."""
    out = e.copy()
    for c in out.find_all(exp.Column):
        if c.table in aliases:
            c.set("table", ident(aliases[c.table]))
    for t in out.find_all(exp.Table):
        a = t.alias
        if a in aliases:
            t.set("alias", exp.TableAlias(this=ident(aliases[a])))
    assert isinstance(out, exp.Join)
    return out
