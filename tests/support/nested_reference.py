"""A plain reference for nested writes: one Prisma step at a time, with flat operations.

Written to be obviously right rather than fast: every nested operation becomes the few flat
reads and writes Prisma's documentation describes (find the record, then write it), run one after
another inside one transaction (`db.tx()`), so each step sees every earlier one. The order of
steps is prisma-edge's documented one (README "Nested writes, step by step"): inside a create, the
records the new row points at (its own foreign keys) first, then the row, then the rest in the
order the data gives them; inside an update, the row's own values (last instead when they change
a key other rows refer to), then the relation fields in the order given. Within one relation field
the operations run in the input's key order, as Prisma 7 applies them (tests/prisma7 nested_order);
a nested `delete` of a list relation's record that is not the parent's fails with P2017.

Used by tests/test_nested_differential.py, which compares it with the compiled plans.
"""

from __future__ import annotations

from typing import Any

from prisma_edge.errors import (
    ConnectedRecordsNotFoundError,
    RecordNotFoundError,
    RecordsNotConnectedError,
    RelationViolationError,
    UniqueConstraintError,
)
from prisma_edge.schema.model import Field, Model, Schema

LIST_ORDER = (
    "set",
    "disconnect",
    "connect",
    "connectOrCreate",
    "create",
    "createMany",
    "deleteMany",
    "updateMany",
    "update",
    "upsert",
    "delete",
)


def as_list(v: Any) -> list[Any]:
    return list(v) if isinstance(v, list | tuple) else [v]


class Reference:
    def __init__(self, tx: Any, schema: Schema, dialect: str = "sqlite") -> None:
        self.tx = tx
        self.schema = schema
        self.dialect = dialect

    # ---- small helpers ------------------------------------------------------------------

    def d(self, model: Model) -> Any:
        return getattr(self.tx, model.name)

    def model(self, name: str) -> Model:
        m = self.schema.model(name)
        assert m is not None
        return m

    @staticmethod
    def split(model: Model, data: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[Field, Any]]]:
        scalars, rels = {}, []
        for k, v in data.items():
            f = model.field(k)
            assert f is not None, k
            if f.kind == "object":
                rels.append((f, v))
            else:
                scalars[k] = v
        return scalars, rels

    @staticmethod
    def pk(model: Model, row: dict[str, Any]) -> dict[str, Any]:
        return {n: row[n] for n in model.primary_key}

    @staticmethod
    def key(model: Model, row: dict[str, Any]) -> dict[str, Any]:
        """The unique selector of `row` (`a_b: {...}` for a compound key), for update / delete."""
        pk = {n: row[n] for n in model.primary_key}
        return {"_".join(model.primary_key): pk} if len(pk) > 1 else pk

    @staticmethod
    def flat(model: Model, where: dict[str, Any] | None) -> dict[str, Any]:
        """A compound unique selector (`teamId_handle: {...}`) as plain field equalities, for find_first."""
        out: dict[str, Any] = {}
        for k, v in (where or {}).items():
            if model.field(k) is None and isinstance(v, dict) and k not in ("AND", "OR", "NOT"):
                out.update(v)
            elif k == "AND":
                out["AND"] = [Reference.flat(model, c) for c in v]
            else:
                out[k] = v
        return out

    async def find(self, model: Model, where: dict[str, Any] | None) -> dict[str, Any] | None:
        return await self.d(model).find_first(where=self.flat(model, where))

    async def require(self, model: Model, where: dict[str, Any]) -> dict[str, Any]:
        row = await self.find(model, where)
        if row is None:
            raise RecordNotFoundError(f"reference: no {model.name} for {where}")
        return row

    async def reload(self, model: Model, row: dict[str, Any]) -> dict[str, Any]:
        return await self.require(model, self.pk(model, row))

    def opposite(self, f: Field) -> Field:
        rel = f.relation
        assert rel is not None
        o = self.model(f.type).field(rel.opposite_field)
        assert o is not None
        return o

    def child_fk(self, parent: dict[str, Any], f: Field) -> dict[str, Any]:
        """The child's FK values pointing at `parent` (f: the parent's field, child holds the FK)."""
        o = self.opposite(f).relation
        assert o is not None
        return {mine: parent[theirs] for mine, theirs in zip(o.fields, o.references, strict=True)}

    @staticmethod
    def and_(*conds: dict[str, Any] | None) -> dict[str, Any]:
        parts = [c for c in conds if c]
        return {"AND": parts} if len(parts) > 1 else (parts[0] if parts else {})

    # ---- join tables (implicit m-n) -----------------------------------------------------

    def _q(self, name: str) -> str:
        return f"`{name}`" if self.dialect == "mysql" else f'"{name}"'

    def _ph(self, i: int) -> str:
        return f"${i}" if self.dialect == "postgres" else "?"

    async def link(self, f: Field, parent: dict[str, Any], target: dict[str, Any]) -> None:
        rel = f.relation
        assert rel is not None and rel.join_table and rel.self_column and rel.other_column
        mine, other = self.key_value(f, parent, True), self.key_value(f, target, False)
        rows = await self.tx.query_raw(
            f"SELECT 1 AS x FROM {self._q(rel.join_table)} WHERE {self._q(rel.self_column)} = {self._ph(1)} "
            f"AND {self._q(rel.other_column)} = {self._ph(2)}",
            mine,
            other,
        )
        if not rows:
            await self.tx.execute_raw(
                f"INSERT INTO {self._q(rel.join_table)} ({self._q(rel.self_column)}, {self._q(rel.other_column)}) "
                f"VALUES ({self._ph(1)}, {self._ph(2)})",
                mine,
                other,
            )

    async def unlink(self, f: Field, parent: dict[str, Any], target: dict[str, Any] | None) -> None:
        rel = f.relation
        assert rel is not None and rel.join_table and rel.self_column and rel.other_column
        sql = f"DELETE FROM {self._q(rel.join_table)} WHERE {self._q(rel.self_column)} = {self._ph(1)}"
        args = [self.key_value(f, parent, True)]
        if target is not None:
            sql += f" AND {self._q(rel.other_column)} = {self._ph(2)}"
            args.append(self.key_value(f, target, False))
        await self.tx.execute_raw(sql, *args)

    def key_value(self, f: Field, row: dict[str, Any], mine: bool) -> Any:
        rel = f.relation
        assert rel is not None
        model = self.model(f.type) if not mine else None
        key = rel.self_key if mine else rel.other_key
        if model is None:  # the parent's own model: find the field whose column is the key
            return next(v for k, v in row.items() if k == key or k == _field_by_column(self.schema, f, key))
        return row[next(x.name for x in model.fields if x.db_name == key)]

    async def linked_where(self, f: Field, parent: dict[str, Any]) -> dict[str, Any]:
        """A filter on the related model: rows linked to `parent` (through the opposite field)."""
        o = self.opposite(f)
        model_of_parent = self.model(o.type)
        return {o.name: {"some": self.pk(model_of_parent, parent)}}

    # ---- create -------------------------------------------------------------------------

    async def create(
        self, model: Model, data: dict[str, Any], fixed: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        scalars, rels = self.split(model, data)
        scalars.update(fixed or {})
        for f, ops in rels:
            rel = f.relation
            assert rel is not None
            if rel.holds_fk:
                target = await self.to_one_target(f, ops)
                if target is not None:
                    for mine, theirs in zip(rel.fields, rel.references, strict=True):
                        scalars[mine] = target[theirs]
                    await self.free_one_to_one(model, f, target, None)
        row = await self.d(model).create(data=scalars)
        for f, ops in rels:
            assert f.relation is not None
            if not f.relation.holds_fk:
                await self.children(model, row, f, ops, creating=True)
        return await self.reload(model, row)

    async def to_one_target(self, f: Field, ops: dict[str, Any]) -> dict[str, Any] | None:
        target = self.model(f.type)
        if "create" in ops:
            return await self.create(target, ops["create"])
        if "connect" in ops:
            return await self.require(target, ops["connect"])
        if "connectOrCreate" in ops:
            coc = ops["connectOrCreate"]
            return await self.find(target, coc["where"]) or await self.create(target, coc["create"])
        return None

    async def free_one_to_one(
        self, model: Model, f: Field, target: dict[str, Any], me: dict[str, Any] | None
    ) -> None:
        """A 1-1 FK may point at `target` from one row only: another row pointing at it lets go
        (its FK set NULL), or P2014 when that FK is required."""
        rel = f.relation
        assert rel is not None
        if rel.kind != "one_to_one":
            return
        fk = {mine: target[theirs] for mine, theirs in zip(rel.fields, rel.references, strict=True)}
        others = await self.d(model).find_many(where=fk)
        others = [o for o in others if me is None or self.pk(model, o) != self.pk(model, me)]
        if not others:
            return
        if any(model.field(n).is_required for n in rel.fields):  # type: ignore[union-attr]
            raise RelationViolationError(f"reference: {rel.name}")
        for o in others:
            await self.d(model).update(where=self.key(model, o), data={n: None for n in rel.fields})

    # ---- update -------------------------------------------------------------------------

    async def update(self, model: Model, row: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
        scalars, rels = self.split(model, data)
        keys = set(model.primary_key)
        for fld in model.fields:
            if fld.relation is not None:
                keys |= set(fld.relation.fields)
        first = not (set(scalars) & keys)  # Prisma: the row's own values first, unless they change a key
        if scalars and first:
            row = await self.d(model).update(where=self.key(model, row), data=scalars)
        for f, ops in rels:
            rel = f.relation
            assert rel is not None
            if rel.holds_fk:
                await self.fk_side(model, row, f, ops)
            else:
                await self.children(model, row, f, ops, creating=False)
        if scalars and not first:
            row = await self.d(model).update(where=self.key(model, row), data=scalars)
        return await self.reload(model, row)

    async def fk_side(self, model: Model, row: dict[str, Any], f: Field, ops: dict[str, Any]) -> None:
        """A to-one relation whose FK this record holds."""
        rel = f.relation
        assert rel is not None
        target_model = self.model(f.type)
        for op in [o for o in ops if o in LIST_ORDER]:  # in the input's order, as Prisma 7
            row = await self.reload(model, row)
            current = None
            if all(row[m] is not None for m in rel.fields):
                current = await self.find(
                    target_model, {t: row[m] for m, t in zip(rel.fields, rel.references, strict=True)}
                )
            if op in ("create", "connect", "connectOrCreate"):
                target = await self.to_one_target(f, {op: ops[op]})
                if target is not None:
                    await self.free_one_to_one(model, f, target, row)
                    await self.d(model).update(
                        where=self.key(model, row),
                        data={m: target[t] for m, t in zip(rel.fields, rel.references, strict=True)},
                    )
            elif op == "disconnect" and ops[op] is True:
                await self.d(model).update(where=self.key(model, row), data={m: None for m in rel.fields})
            elif op == "update":
                spec = ops["update"]
                data, where = (spec["data"], spec.get("where")) if "data" in spec else (spec, None)
                if current is None or (
                    where
                    and await self.find(target_model, self.and_(self.pk(target_model, current), where)) is None
                ):
                    raise RecordNotFoundError("reference: nested update of a to-one")
                await self.update(target_model, current, data)
            elif op == "upsert":
                spec = ops["upsert"]
                if current is not None and (
                    not spec.get("where")
                    or await self.find(target_model, self.and_(self.pk(target_model, current), spec["where"]))
                ):
                    await self.update(target_model, current, spec["update"])
                else:
                    made = await self.create(target_model, spec["create"])
                    await self.d(model).update(
                        where=self.key(model, row),
                        data={m: made[t] for m, t in zip(rel.fields, rel.references, strict=True)},
                    )
            elif op == "delete" and ops[op] is True:
                if current is None:
                    raise RecordNotFoundError("reference: nested delete of a to-one")
                await self.d(target_model).delete(where=self.key(target_model, current))

    async def children(
        self, model: Model, parent: dict[str, Any], f: Field, ops: dict[str, Any], creating: bool
    ) -> None:
        rel = f.relation
        assert rel is not None
        target = self.model(f.type)
        if rel.join_table is not None:
            await self.many_to_many(parent, f, target, ops)
            return
        fk = self.child_fk(parent, f)
        mine = fk  # filter: children of this parent
        nulls = {k: None for k in fk}
        one = not f.is_list
        for op in [o for o in ops if o in LIST_ORDER]:  # in the input's order, as Prisma 7
            val = ops[op]
            if op == "set":
                keep = [await self.find(target, w) for w in as_list(val)]
                for c in await self.d(target).find_many(where=mine):
                    if all(k is None or self.pk(target, k) != self.pk(target, c) for k in keep):
                        await self.d(target).update(where=self.key(target, c), data=nulls)
                for w in as_list(val):
                    t = await self.require(target, w)
                    await self.d(target).update(where=self.key(target, t), data=fk)
            elif op == "disconnect":
                if one:
                    if val is True:
                        await self.d(target).update_many(where=mine, data=nulls)
                    continue
                for w in as_list(val):
                    await self.d(target).update_many(where=self.flat(target, self.and_(mine, w)), data=nulls)
            elif op == "connect":
                if not one:  # a list relation: every record named must exist (Prisma 7: P2018)
                    found = [await self.find(target, w) for w in as_list(val)]
                    if any(t is None for t in found):
                        raise ConnectedRecordsNotFoundError("reference: a record to connect does not exist")
                for w in as_list(val):
                    t = await self.require(target, w)
                    if one:
                        await self.free_parent_side(target, f, fk, t)
                    await self.d(target).update(where=self.key(target, t), data=fk)
            elif op == "connectOrCreate":
                for coc in as_list(val):
                    t = await self.find(target, coc["where"])
                    if one:
                        await self.free_parent_side(target, f, fk, t)
                    if t is not None:
                        await self.d(target).update(where=self.key(target, t), data=fk)
                    else:
                        await self.create(target, coc["create"], fk)
            elif op == "create":
                for c in as_list(val):
                    if one and not creating:
                        await self.free_parent_side(target, f, fk, None)
                    await self.create(target, c, fk)
            elif op == "createMany":
                for c in as_list(val["data"]):
                    try:
                        await self.create(target, c, fk)
                    except UniqueConstraintError:
                        if not val.get("skipDuplicates"):
                            raise
            elif op == "deleteMany":
                for w in as_list(val):
                    await self.d(target).delete_many(where=self.flat(target, self.and_(mine, w)))
            elif op == "updateMany":
                for spec in as_list(val):
                    await self.d(target).update_many(
                        where=self.and_(mine, spec.get("where")), data=spec["data"]
                    )
            elif op == "update":
                for spec in as_list(val):
                    where, data = (
                        (spec.get("where"), spec["data"]) if (not one or "data" in spec) else (None, spec)
                    )
                    t = await self.require(target, self.and_(mine, where))
                    await self.update(target, t, data)
            elif op == "upsert":
                for spec in as_list(val):
                    t = await self.find(target, self.and_(mine, spec.get("where")))
                    if t is not None:
                        if spec["update"]:
                            await self.d(target).update(where=self.key(target, t), data=spec["update"])
                    else:
                        await self.create(target, spec["create"], fk)
            elif op == "delete":
                for w in as_list(val):
                    if one and w is not True:
                        continue
                    if w is True:
                        t = await self.require(target, mine)
                    elif (t := await self.find(target, self.and_(mine, w))) is None:
                        raise RecordsNotConnectedError(f"reference: {w} is not one of the parent's")
                    await self.d(target).delete(where=self.key(target, t))

    async def free_parent_side(
        self, target: Model, f: Field, fk: dict[str, Any], keep: dict[str, Any] | None
    ) -> None:
        """A to-one (1-1) from the parent side: the child it had lets go before another takes its place."""
        others = [
            c
            for c in await self.d(target).find_many(where=fk)
            if keep is None or self.pk(target, c) != self.pk(target, keep)
        ]
        if not others:
            return
        if any(target.field(n).is_required for n in fk):  # type: ignore[union-attr]
            raise RelationViolationError(f"reference: {f.relation.name if f.relation else ''}")
        for c in others:
            await self.d(target).update(where=self.key(target, c), data={k: None for k in fk})

    async def many_to_many(
        self, parent: dict[str, Any], f: Field, target: Model, ops: dict[str, Any]
    ) -> None:
        linked = await self.linked_where(f, parent)
        for op in [o for o in ops if o in LIST_ORDER]:  # in the input's order, as Prisma 7
            val = ops[op]
            if op == "set":
                await self.unlink(f, parent, None)
                for w in as_list(val):
                    await self.link(f, parent, await self.require(target, w))
            elif op == "disconnect":
                for w in as_list(val):
                    t = await self.find(target, w)
                    if t is not None:
                        await self.unlink(f, parent, t)
            elif op == "connect":
                for w in as_list(val):
                    await self.link(f, parent, await self.require(target, w))
            elif op == "connectOrCreate":
                for coc in as_list(val):
                    t = await self.find(target, coc["where"]) or await self.create(target, coc["create"])
                    await self.link(f, parent, t)
            elif op == "create":
                for c in as_list(val):
                    await self.link(f, parent, await self.create(target, c))
            elif op == "deleteMany":
                for w in as_list(val):
                    await self.d(target).delete_many(where=self.flat(target, self.and_(linked, w)))
            elif op == "updateMany":
                for spec in as_list(val):
                    await self.d(target).update_many(
                        where=self.and_(linked, spec.get("where")), data=spec["data"]
                    )
            elif op == "update":
                for spec in as_list(val):
                    if not spec["data"]:
                        continue
                    t = await self.require(target, self.and_(linked, spec["where"]))
                    await self.update(target, t, spec["data"])
            elif op == "upsert":
                for spec in as_list(val):
                    t = await self.find(target, self.and_(linked, spec["where"]))
                    if t is not None:
                        if spec["update"]:
                            await self.d(target).update(where=self.key(target, t), data=spec["update"])
                    else:
                        await self.link(f, parent, await self.create(target, spec["create"]))
            elif op == "delete":
                for w in as_list(val):
                    if (t := await self.find(target, self.and_(linked, w))) is None:
                        raise RecordsNotConnectedError(f"reference: {w} is not linked to the parent")
                    await self.d(target).delete(where=self.key(target, t))


def _field_by_column(schema: Schema, f: Field, column: str | None) -> str | None:
    """The field name of the parent model's key column (the parent is the opposite field's type)."""
    rel = f.relation
    assert rel is not None
    target = schema.model(f.type)
    assert target is not None
    opp = target.field(rel.opposite_field)
    assert opp is not None
    parent = schema.model(opp.type)
    assert parent is not None
    return next((x.name for x in parent.fields if x.db_name == column), None)
