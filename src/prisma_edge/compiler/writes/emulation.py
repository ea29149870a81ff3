"""`relationMode = "prisma"`: referential actions done by the client (PlanetScale has no foreign keys).

Before the rows of a model are deleted, every relation whose foreign key points at that model
applies its `onDelete` action to the related rows, in the same transaction (same batch on
PostgreSQL), as statements placed before the delete:
- Cascade: delete the related rows (their own related rows first, recursively);
- SetNull: set the foreign key to NULL;
- Restrict / NoAction: fail with P2014 if any related row exists (a check that fails the
  statement where the rules say `guards` (PostgreSQL, D1); a step that must find nothing elsewhere).
"Which parent rows" is a key subquery built from the delete's own filter, so every emulation
statement is static: no extra round trip on Neon HTTP.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from ...errors import UnsupportedError
from ...schema.model import Field, Model
from ..plan import RESTRICT_MARKER, Step
from ..sql.context import Context, table
from ..sql.dialects import col, ident
from .guards import fail_if_rows

MAX_DEPTH = 8

KeySelect = Callable[[list[str]], exp.Select]  # SELECT <these columns> FROM parent WHERE <which rows>


def incoming(ctx: Context, model: Model) -> list[tuple[Model, Field]]:
    """(child model, child's FK relation field) for every relation whose FK points at `model`."""
    out = []
    for m in ctx.schema.models:
        for f in m.fields:
            rel = f.relation
            if rel is not None and rel.holds_fk and rel.to_model == model.name and rel.join_table is None:
                out.append((m, f))
    return out


def emulate_delete(ctx: Context, model: Model, parent_keys: KeySelect, depth: int = 0) -> list[Step]:
    """Steps that apply onDelete actions for the parent rows `parent_keys` selects."""
    if ctx.schema.relation_mode != "prisma" or depth > MAX_DEPTH:
        return []
    steps: list[Step] = []
    for child, f in incoming(ctx, model):
        rel = f.relation
        assert rel is not None
        action = rel.on_delete or ("SetNull" if not all(_field(child, n).is_required for n in rel.fields) else "Restrict")
        fk_cols = [exp.Column(this=ident(_field(child, n).db_name)) for n in rel.fields]
        matches = pointing_at(ctx, parent_keys, fk_cols, [_field(model, n).db_name for n in rel.references])

        if action == "Cascade":
            steps += emulate_delete(ctx, child, rows_of(ctx, child, matches), depth + 1)
            steps.append(Step(ctx.rules.render(exp.Delete(this=exp.Table(this=ident(child.db_name)), where=exp.Where(this=matches(None)))),
                              side_effect=True))
        elif action in ("SetNull", "SetDefault"):
            steps += set_null(ctx, child, rel.fields, fk_cols, matches, depth)
        else:  # Restrict, NoAction
            steps.append(restrict_check(ctx, rel.name, child, model, matches))
    return steps


def rows_of(ctx: Context, child: Model, matches: Callable[[str | None], exp.Expression]) -> KeySelect:
    """A key select of the related rows `matches` picks (for actions that recurse)."""

    def keys(columns: list[str]) -> exp.Select:
        a = ctx.alias()
        return exp.Select(expressions=[col(a, c) for c in columns]).from_(table(child.db_name, a), copy=False).where(
            matches(a), copy=False)

    return keys


def set_null(ctx: Context, child: Model, fk_fields: tuple[str, ...], fk_cols: list[exp.Column],
             matches: Callable[[str | None], exp.Expression], depth: int) -> list[Step]:
    """SetNull: clear the foreign key, after applying the onUpdate of relations that reference
    those very columns (they change to NULL); their old values are read first."""
    steps: list[Step] = []
    if depth < MAX_DEPTH:
        steps += emulate_update(ctx, child, rows_of(ctx, child, matches), {n: exp.Null() for n in fk_fields}, depth + 1)
    sets = [exp.EQ(this=c.copy(), expression=exp.Null()) for c in fk_cols]
    steps.append(Step(ctx.rules.render(exp.Update(this=exp.Table(this=ident(child.db_name)), expressions=sets,
                                                  where=exp.Where(this=matches(None)))), side_effect=True))
    return steps


def restrict_check(ctx: Context, relation: str, child: Model, model: Model,
                   matches: Callable[[str | None], exp.Expression]) -> Step:
    """A step that fails (P2014) when any related row still points at the parent rows."""
    a = ctx.alias()
    related = exp.Select(expressions=[exp.Literal.number(1)]).from_(table(child.db_name, a), copy=False).where(matches(a), copy=False)
    if ctx.rules.guards:  # the statement itself fails, so the batch it rides in rolls back
        marker = f"{RESTRICT_MARKER}:{relation}:{child.name}:{model.name}"
        return Step(ctx.rules.render(exp.Select(expressions=[fail_if_rows(marker, related, ctx.rules)])), side_effect=True)
    q = exp.Select(expressions=[exp.Literal.number(1)]).where(exp.Exists(this=related), copy=False)
    return Step(ctx.rules.render(q), require=f"none:{relation}:{child.name}:{model.name}", side_effect=True)


def emulate_update(ctx: Context, model: Model, parent_keys: KeySelect, new_values: dict[str, exp.Expression | None],
                   depth: int = 0) -> list[Step]:
    """Steps that apply onUpdate actions when an update changes fields other models reference.

    `new_values`: field name -> the expression of its new value (None when it is computed,
    e.g. `increment`, which a Cascade cannot follow).
    """
    if ctx.schema.relation_mode != "prisma":
        return []
    steps: list[Step] = []
    for child, f in incoming(ctx, model):
        rel = f.relation
        assert rel is not None
        changed = [(fk, ref) for fk, ref in zip(rel.fields, rel.references, strict=True) if ref in new_values]
        if not changed:
            continue
        action = rel.on_update or "Cascade"
        fk_cols = [exp.Column(this=ident(_field(child, n).db_name)) for n in rel.fields]
        matches = pointing_at(ctx, parent_keys, fk_cols, [_field(model, n).db_name for n in rel.references])

        if action == "Cascade":
            sets = []
            for fk, ref in changed:
                value = new_values[ref]
                if value is None:
                    raise UnsupportedError(f"onUpdate: Cascade cannot follow a computed change of `{model.name}.{ref}`")
                sets.append(exp.EQ(this=exp.Column(this=ident(_field(child, fk).db_name)), expression=value.copy()))
            if depth < MAX_DEPTH:  # the child's keys change too: its own dependents follow first
                steps += emulate_update(ctx, child, rows_of(ctx, child, matches),
                                        {fk: new_values[ref] for fk, ref in changed}, depth + 1)
            steps.append(Step(ctx.rules.render(exp.Update(this=exp.Table(this=ident(child.db_name)), expressions=sets,
                                                          where=exp.Where(this=matches(None)))), side_effect=True))
        elif action in ("SetNull", "SetDefault"):
            steps += set_null(ctx, child, rel.fields, fk_cols, matches, depth)
        else:
            steps.append(restrict_check(ctx, rel.name, child, model, matches))
    return steps


def pointing_at(ctx: Context, parent_keys: KeySelect, fk_cols: list[exp.Column],
                ref_cols: list[str]) -> Callable[[str | None], exp.Expression]:
    """`matches(alias)`: the related row's foreign key is one of the parent rows' referenced keys."""

    def matches(alias: str | None) -> exp.Expression:
        keys = parent_keys_for(ctx, parent_keys, ref_cols)
        cols = [col(alias, c.name) if alias else c.copy() for c in fk_cols]
        lhs = cols[0] if len(cols) == 1 else exp.Tuple(expressions=cols)
        return exp.In(this=lhs, query=exp.Subquery(this=keys))

    return matches


def parent_keys_for(ctx: Context, parent_keys: KeySelect, ref_cols: list[str]) -> exp.Select:
    """The referenced columns of the parent rows, in a derived table (MySQL then accepts it
    inside a DELETE/UPDATE of the same table)."""
    d = ctx.alias()
    inner = parent_keys(ref_cols)
    return exp.Select(expressions=[col(d, c) for c in ref_cols]).from_(
        exp.Subquery(this=inner, alias=exp.TableAlias(this=ident(d))), copy=False)


def _field(model: Model, name: str) -> Field:
    f = model.field(name)
    assert f is not None
    return f

