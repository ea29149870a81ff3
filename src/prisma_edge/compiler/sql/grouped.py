"""Included lists whose cost follows the result: the children of ALL selected parents at once.

A correlated subquery per parent scans the child table once per parent where its foreign key has
no index (Prisma's DDL creates none; PlanetScale has no foreign keys at all): 20 parents over
200,000 children cost 20 scans. Instead, the relation becomes one grouped derived table, joined
to the parent's FROM by its key:

    LEFT JOIN (SELECT s.k0, AGG(s.j) AS j FROM (SELECT c.fk AS k0, ROW_NUMBER() OVER w AS rn,
               JSON_ARRAY(ROW_NUMBER() OVER w, v1, ...) AS j FROM C AS c
               WHERE c.fk IN (<the parents' keys>) AND <filters>) AS s
               [WHERE s.rn > skip AND s.rn - skip <= take] GROUP BY s.k0) AS g ON g.k0 = parent.id

`<the parents' keys>` is the parent query itself again (its FROM, WHERE, ORDER BY and LIMIT), so
the child table is read once, and only the selected parents' children are numbered and
aggregated. The derived table references no outer row, so the same SQL runs on PostgreSQL,
SQLite, MySQL 8 and MariaDB. Nested lists repeat the construction inside the derived table, with
the child query as their parents' keys. On SQLite a cursor or `distinct` on the list keeps the
correlated form (select.py), as does a list whose parent set is not known (under a to-one relation).

On MySQL/MariaDB, whose only other form numbers EVERY child row in a window (no correlated derived
tables on MariaDB), and on PostgreSQL, whose other form scans the child table per parent without
the foreign-key index (`distinct`: its ranking per parent), the grouped form also takes a cursor
and `distinct` (`own_scope`: "the same parent" is the child row's own foreign key, so nothing
refers to the parent row; `distinct` ranks the parents' children in one derived table), and a list
under a to-one relation (select.py gives the to-one's rows a parent set: `key IN (SELECT fk FROM
<its parent set>)`). On PostgreSQL `g` then joins the to-one's parent's FROM (`lifted`). On MySQL
`g` is read by a scalar subquery, `(SELECT g.j FROM (...) AS g WHERE g.k0 =
parent.id)`, not joined: the derived table references no outer row, so it is materialised once,
and the parents' ORDER BY ... LIMIT keeps its index whatever MariaDB guesses of g's size. The SQL
is the same on MariaDB 10.11 (run here) and MySQL 8 (window functions, JSON_ARRAYAGG, derived
tables, EXISTS, scalar subqueries: checked against MySQL 8.0's documentation only).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs
from sqlglot import exp

from .. import ir
from ..plan import RelationShape
from .context import and_all, table
from .dialects import col, ident
from .where import condition

if TYPE_CHECKING:
    from ...schema.model import Model
    from .select import ReadBuilder


def eligible(rb: ReadBuilder, alias: str, rs: ir.RelationSelection, child: str,
             pairs: list[tuple[exp.Column, exp.Column]]) -> bool:
    """The grouped form needs the parent's row set, and a window without per-parent cursor/distinct
    (on MySQL: with them too, for a direct relation, whose child rows carry the parent's key)."""
    if alias not in rb.parent_sets:
        return False
    if rb.rules.name in EVERY_SHAPE and rb.set_depth.get(alias, 0) >= SET_DEPTH:
        return False
    if rs.window.cursor is None and not rs.window.distinct:
        return True
    return rb.rules.name in EVERY_SHAPE and all(mine.table == child for mine, _ in pairs)


# Dialects whose grouped form also takes a cursor, `distinct` and lists under a to-one relation:
# their other forms read the whole child table (MySQL: numbers every child row; PostgreSQL
# without the foreign-key index: a scan per parent, `distinct`'s ranking one per parent and row).
EVERY_SHAPE = frozenset({"mysql", "postgres"})


# Each grouped level repeats its parents' query (its parent set) inside its own: where (EVERY_SHAPE)
# to-one relations pass parent sets on too, an include chain past this many levels takes the
# window form below it instead, so the SQL stays shallow enough for sqlglot and the server.
SET_DEPTH = 6


def own_scope(pairs: list[tuple[exp.Column, exp.Column]]) -> Callable[[str], exp.Expression | None]:
    """"Belongs to the same parent as the child row" for another alias of the child table (the
    cursor row), by the child's own foreign key: no reference to the parent row, so it can sit
    inside the grouped derived table."""

    def scope(other: str) -> exp.Expression | None:
        return and_all([exp.EQ(this=col(other, mine.name), expression=mine.copy()) for mine, _ in pairs])

    return scope


def distinct_source(rb: ReadBuilder, target: Model, child: str, window: ir.Window, terms: list[ir.OrderBy],
                    parent_alias: str, pairs: list[tuple[exp.Column, exp.Column]]) -> tuple[exp.Expression, exp.Expression]:
    """`distinct` in ONE pass over the parents' children: the child table becomes a derived table
    of their rows (the list's `where` applied) that ranks each row within its parent and group of
    equal `distinct` values; (that source under the child's alias, the condition "first of its
    group"). Ranked by the plain-column order terms, as `ReadBuilder.distinct_condition` does."""
    inner = rb.ctx.alias()
    partition = [col(inner, mine.name) for mine, _ in pairs] + [rb.ctx.column(inner, target, n) for n in window.distinct]
    plain = [t for t in terms if len(t.path) == 1 and not t.count_of and t.relevance is None]
    rank = exp.Window(this=exp.RowNumber(), partition_by=partition,
                      order=exp.Order(expressions=rb.order_by(target, inner, plain)))
    every = exp.Column(this=exp.Star(), table=ident(inner))
    conds = [keys_in(rb, parent_alias, [(col(inner, mine.name), theirs) for mine, theirs in pairs])]
    if window.where is not None:
        conds.append(condition(rb.ctx, target, inner, window.where))
    q = exp.Select(expressions=[every, exp.alias_(rank, DISTINCT_RANK, quoted=True)])
    q = q.from_(table(target.db_name, inner), copy=False).where(and_all(conds), copy=False)
    src = exp.Subquery(this=q, alias=exp.TableAlias(this=ident(child)))
    return src, exp.EQ(this=col(child, DISTINCT_RANK), expression=exp.Literal.number(1))


DISTINCT_RANK = "pe_distinct_rank"


def keys_in(rb: ReadBuilder, parent_alias: str, pairs: list[tuple[exp.Column, exp.Column]]) -> exp.Expression:
    """`child.fk IN (SELECT parent.key FROM <parent set>)` (a tuple for composite keys).

    Under a to-one relation whose own columns are the keys asked for, the keys are its parent's
    columns instead (`post.author.posts`: `posts.authorId IN (SELECT post.authorId FROM <posts>)`):
    no join back through the to-one's table, which MariaDB would probe once per child row."""
    via = rb.key_via.get(parent_alias)
    if via is not None and all(theirs.name in via[1] for _, theirs in pairs):
        return keys_in(rb, via[0], [(mine, via[1][theirs.name]) for mine, theirs in pairs])
    keys = rb.parent_sets[parent_alias].copy()
    keys.set("expressions", [theirs.copy() for _, theirs in pairs])
    if rb.rules.name == "mysql":  # MySQL: no LIMIT in an IN subquery, but in a derived table inside it
        names = [exp.alias_(e, f"k{i}", quoted=True) for i, e in enumerate(keys.expressions)]
        keys.set("expressions", names)
        x = rb.ctx.alias()
        keys = exp.Select(expressions=[col(x, f"k{i}") for i in range(len(pairs))]).from_(
            exp.Subquery(this=keys, alias=exp.TableAlias(this=ident(x))), copy=False
        )
    mine = [m.copy() for m, _ in pairs]
    this: exp.Expression = mine[0] if len(mine) == 1 else exp.Tuple(expressions=mine)
    return exp.In(this=this, query=exp.Subquery(this=keys))


def lifted(rb: ReadBuilder, alias: str, keys: list[exp.Column]) -> tuple[str, list[exp.Column]]:
    """Where `g` joins: past each to-one relation whose own columns are the keys, its parent's FROM
    with the parent's columns. Joined inside the to-one's correlated subquery, PostgreSQL pushes
    the key into `g` and reads the child table once per row of the to-one's parent."""
    via = rb.key_via.get(alias)
    while via is not None and all(k.name in via[1] for k in keys):
        alias, keys = via[0], [via[1][k.name].copy() for k in keys]
        via = rb.key_via.get(alias)
    return alias, [k.copy() for k in keys]


def grouped_list(
    rb: ReadBuilder,
    model_alias: str,
    rs: ir.RelationSelection,
    f_type: str,
    child: str,
    src: exp.Expression,
    joins: list[exp.Join],
    pairs: list[tuple[exp.Column, exp.Column]],
) -> tuple[exp.Expression, RelationShape]:
    """The relation's value: `COALESCE(g.j, '[]')`, with the LEFT JOIN of `g` queued on the parent."""
    ctx, rules = rb.ctx, rb.rules
    target = ctx.model(f_type)
    terms = rb.order_terms(target, child, rs.window)
    ordered = rb.order_by(target, child, terms)
    scope = own_scope(pairs) if rs.window.cursor is not None else None
    if rs.window.distinct:  # EVERY_SHAPE only (eligible): the ranking's source holds the keys and `where`
        src, first = distinct_source(rb, target, child, rs.window, terms, model_alias, pairs)
        rest = attrs.evolve(rs.window, where=None, distinct=())
        conds = [first, *rb.window_conditions(target, child, rest, terms, scope)]
    else:
        conds = [keys_in(rb, model_alias, pairs), *rb.window_conditions(target, child, rs.window, terms, scope)]
    where = and_all(conds)
    assert where is not None
    # this list's rows are the parent set of its own nested lists (a superset: no per-parent window)
    base = exp.Select().from_(src.copy(), copy=False)
    for j in joins:
        base = base.join(j.copy(), copy=False)
    rb.parent_sets[child] = base.where(where.copy(), copy=False)
    rb.set_depth[child] = rb.set_depth.get(model_alias, 0) + 1
    values, shape = rb.projections(target, child, rs.selection, nested=True)
    partition = [m.copy() for m, _ in pairs]

    def number() -> exp.Window:
        return exp.Window(
            this=exp.RowNumber(),
            partition_by=[c.copy() for c in partition],
            order=exp.Order(expressions=[o.copy() for o in ordered]),
        )

    projections: list[exp.Expression] = [
        *[exp.alias_(c.copy(), f"k{i}", quoted=True) for i, c in enumerate(partition)],
        exp.alias_(number(), "rn", quoted=True),
        exp.alias_(rules.json_array([number(), *values]), "j", quoted=True),
    ]
    inner = exp.Select(expressions=projections).from_(src, copy=False)
    for j in joins:
        inner = inner.join(j, copy=False)
    inner = rb.attach_joins(inner, child).where(where, copy=False)
    s = ctx.alias()
    keys = [col(s, f"k{i}") for i in range(len(pairs))]
    grouped = exp.Select(
        expressions=[
            *[k.copy() for k in keys],
            exp.alias_(rules.json_agg(rules.nested_json(col(s, "j"))), "j", quoted=True),
        ]
    )
    grouped = grouped.from_(exp.Subquery(this=inner, alias=exp.TableAlias(this=ident(s))), copy=False)
    window: list[exp.Expression] = []
    skip = ctx.param(rs.window.skip) if rs.window.skip is not None else None
    if skip is not None:
        window.append(exp.GT(this=col(s, "rn"), expression=skip))
    if rs.window.take is not None:
        # `rn - skip <= take`: the parameters take their type from rn (PostgreSQL has none for `$1 + $2`)
        rank: exp.Expression = (
            col(s, "rn") if skip is None else exp.Sub(this=col(s, "rn"), expression=skip.copy())
        )
        window.append(exp.LTE(this=rank, expression=ctx.param(rs.window.take)))
    if window:
        grouped = grouped.where(and_all(window), copy=False)
    grouped = grouped.group_by(*keys, copy=False)
    g = ctx.alias()
    on = and_all(
        [exp.EQ(this=col(g, f"k{i}"), expression=theirs.copy()) for i, (_, theirs) in enumerate(pairs)]
    )
    source = exp.Subquery(this=grouped, alias=exp.TableAlias(this=ident(g)))
    j: exp.Expression = col(g, "j")
    if rules.name == "mysql":
        # a scalar subquery over the (once materialised) derived table, not a LEFT JOIN: where
        # MariaDB expects few grouped rows it joins them by a join buffer, which gives up the
        # parents' ORDER BY ... LIMIT by index and sorts the WHOLE parent table (cursor with a
        # negative take, cursor with distinct: 40,000 users read for 20)
        j = exp.Subquery(this=exp.Select(expressions=[j]).from_(source, copy=False).where(on, copy=False))
    else:
        host, keys_there = lifted(rb, model_alias, [theirs for _, theirs in pairs])
        on = and_all([exp.EQ(this=col(g, f"k{i}"), expression=k) for i, k in enumerate(keys_there)])
        rb.pending_joins.setdefault(host, []).append(exp.Join(this=source, side="LEFT", on=on))
    value = exp.Coalesce(this=j, expressions=[rules.empty_json_array()])
    return value, RelationShape(True, shape, rs.window.take_negative)
