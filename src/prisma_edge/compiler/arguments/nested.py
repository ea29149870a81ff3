"""Validate nested writes (relation fields inside `data`) into `ir.NestedCreate` / `ir.RelationWrite`.

Which operations a relation field accepts follows Prisma's input types:
- inside a create: `create`, `connect`, `connect_or_create`, and `create_many` on one-to-many;
- inside an update, also: `disconnect`, `set`, `delete`, `delete_many`, `update`, `update_many`.
To-one relations take single objects (`disconnect: True`, `delete: True`); list relations take
an object or a list. Foreign keys that a relation write fills in are not required in the data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ...schema.model import Field, Model
from .. import ir
from .prisma_text import invalid_value, is_missing, must_not_be_null, unknown_argument
from .reads import _join
from .writes import WriteParser

CREATE_OPS = ("create", "connect", "connect_or_create", "create_many")
UPDATE_OPS = (*CREATE_OPS, "disconnect", "set", "delete", "delete_many", "update", "update_many", "upsert")
ALIASES = {"connectOrCreate": "connect_or_create", "createMany": "create_many", "deleteMany": "delete_many",
           "updateMany": "update_many"}


def has_relation_writes(model: Model, data: Any) -> bool:
    return isinstance(data, Mapping) and any((f := model.field(k)) is not None and f.kind == "object" for k in data)


class NestedParser(WriteParser):
    def child_implied(self, f: Field) -> frozenset[str]:
        """FK fields on the related model that the parent fills in (when the child holds the FK)."""
        rel = f.relation
        assert rel is not None
        if rel.holds_fk or rel.join_table is not None:
            return frozenset()
        target = self.model(rel.to_model)
        opposite = target.field(rel.opposite_field)
        return frozenset(opposite.relation.fields) if opposite is not None and opposite.relation else frozenset()

    def create_tree(self, model: Model, data: Any, path: str, now: dt.datetime,
                    implied: frozenset[str] = frozenset()) -> ir.NestedCreate:
        obj = {} if self.too_deep(path) else self.mapping(data, path) or {}
        writes: list[ir.RelationWrite] = []
        provided = set(implied)
        for key, val in obj.items():
            f = model.field(key)
            if f is None or f.kind != "object":
                continue
            rw = self.relation_write(model, f, val, _join(path, key), now, "create")
            if rw is not None:
                writes.append(rw)
                if f.relation and f.relation.holds_fk:
                    provided |= set(f.relation.fields)
        self.checked_mix(model, obj, path, frozenset(provided))
        values = self.create_values(model, obj, path, now, nested=True, implied=frozenset(provided))
        return ir.NestedCreate(model.name, values, tuple(writes))

    def update_tree(self, model: Model, data: Any, path: str, now: dt.datetime) -> ir.NestedCreate:
        """An update's scalar values plus the relation writes nested in its data."""
        obj = {} if self.too_deep(path) else self.mapping(data, path) or {}
        self.checked_mix(model, obj, path)
        values = self.update_values(model, obj, path, now, nested=True)
        writes = []
        for key, val in obj.items():
            f = model.field(key)
            if f is not None and f.kind == "object" and (rw := self.relation_write(model, f, val, _join(path, key), now, "update")):
                writes.append(rw)
        return ir.NestedCreate(model.name, values, tuple(writes))

    def required_fk(self, model: Model, f: Field) -> str | None:
        """`Model.field` text when disconnecting through `f` would null a required foreign key."""
        rel = f.relation
        assert rel is not None
        if rel.join_table is not None:
            return None
        if rel.holds_fk:
            fks = [model.field(n) for n in rel.fields]
            return f"`{model.name}`" if all(x is not None and x.is_required for x in fks) else None
        target = self.model(f.type)
        opposite = target.field(rel.opposite_field)
        if opposite is None or opposite.relation is None:
            return None
        fks = [target.field(n) for n in opposite.relation.fields]
        return f"`{target.name}`" if fks and all(x is not None and x.is_required for x in fks) else None

    def items(self, val: Any, path: str, many: bool, what: str) -> list[tuple[Any, str]]:
        if isinstance(val, list | tuple):
            if not many:
                self.fail(path, f"a to-one relation takes one {what}, not a list")
                return []
            return [(v, _join(path, i)) for i, v in enumerate(val)]
        return [(val, path)]

    def relation_write(self, model: Model, f: Field, val: Any, path: str, now: dt.datetime, mode: str) -> ir.RelationWrite | None:
        if val is None:  # Prisma: a relation takes nested writes; null is no value at all
            self.fail(path, f"A value is required but not set: relation `{f.name}` takes an object of nested writes like "
                      "{'connect': {...}} (to unlink it, use {'disconnect': True})", must_not_be_null(f.name))
            return None
        obj = self.mapping(val, path, "an object of nested writes like {'create': {...}}")
        if obj is None:
            return None
        obj = {ALIASES.get(k, k): v for k, v in obj.items()}
        allowed = CREATE_OPS if mode == "create" else UPDATE_OPS
        self.check_keys(obj, allowed, path)
        rel = f.relation
        assert rel is not None
        target = self.model(f.type)
        many = f.is_list
        implied = self.child_implied(f)
        # Prisma 7 applies the operations of one relation field in the input's key order
        out: dict[str, Any] = {"field": f.name, "order": tuple(k for k in obj if k in allowed)}
        if "create" in obj:
            out["creates"] = tuple(self.create_tree(target, v, p, now, implied)
                                   for v, p in self.items(obj["create"], _join(path, "create"), many, "object to create"))
        if "create_many" in obj:
            p = _join(path, "create_many")
            if not many or rel.join_table is not None:  # Prisma's input type has no createMany here
                self.fail(p, "`create_many` applies to one-to-many relations", unknown_argument("createMany", ()))
            else:
                cm = self.mapping(obj["create_many"], p, "{'data': [...]}") or {}
                self.check_keys(cm, ("data", "skip_duplicates", "skipDuplicates"), p)
                rows = cm.get("data", [])
                rows = rows if isinstance(rows, list | tuple) else [rows]
                out["create_many"] = tuple(ir.NestedCreate(target.name, self.create_values(target, r, _join(_join(p, "data"), i), now,
                                                                                           implied=implied))
                                           for i, r in enumerate(rows))
                out["skip_duplicates"] = bool(cm.get("skip_duplicates", cm.get("skipDuplicates", False)))
        required_fk = self.required_fk(model, f)
        for op in ("disconnect", "set"):
            if op in obj and required_fk and not (op == "set" and many and not obj[op]):
                # a required to-one relation's update input has no `disconnect` in Prisma
                prisma = None if many else unknown_argument(op, ("create", "connectOrCreate", "upsert", "connect", "update"))
                self.fail(_join(path, op), f"`{op}` would leave {required_fk} without its required relation "
                          "(the relation is required; delete the record or connect it elsewhere instead)", prisma)
                obj = {k: v for k, v in obj.items() if k != op}
        for op, key in (("connect", "connects"), ("disconnect", "disconnects"), ("delete", "deletes")):
            if op not in obj:
                continue
            p = _join(path, op)
            if not many and op in ("disconnect", "delete") and isinstance(obj[op], bool):
                if obj[op]:
                    out["disconnect_all" if op == "disconnect" else "delete_one"] = True
                continue
            if not many and op in ("disconnect", "delete"):  # a to-one takes a filter on the related record
                out[key] = (self.where(target, obj[op], p) or ir.And(()),)
                continue
            if many and isinstance(obj[op], bool):  # a list relation's connect/disconnect/delete takes selectors
                unique = f"{target.name}WhereUniqueInput"
                self.fail(p, f"`{op}` of a list relation takes a unique selector or a list of them, not {obj[op]}",
                          invalid_value(p, [unique, f"{unique}[]"], obj[op]))
                continue
            out[key] = tuple(self.unique_where(target, v, vp) for v, vp in self.items(obj[op], p, many, "unique selector"))
        if "set" in obj:
            p = _join(path, "set")
            if not many:
                self.fail(p, "`set` applies to list relations")
            else:
                vals = obj["set"] if isinstance(obj["set"], list | tuple) else [obj["set"]]
                out["sets"] = tuple(self.unique_where(target, v, _join(p, i)) for i, v in enumerate(vals))
        if "connect_or_create" in obj:
            p = _join(path, "connect_or_create")
            coc = []
            for v, vp in self.items(obj["connect_or_create"], p, many, "{'where', 'create'}"):
                o = self.mapping(v, vp) or {}
                self.check_keys(o, ("where", "create"), vp)
                coc.append(ir.ConnectOrCreate(self.unique_where(target, o.get("where"), _join(vp, "where")),
                                              self.create_tree(target, o.get("create", {}), _join(vp, "create"), now, implied)))
            out["connect_or_creates"] = tuple(coc)
        if "delete_many" in obj:
            p = _join(path, "delete_many")
            vals = obj["delete_many"] if isinstance(obj["delete_many"], list | tuple) else [obj["delete_many"]]
            out["update_many"] = tuple(out.get("update_many", ())) + tuple(
                (self.where(target, v, _join(p, i)), None) for i, v in enumerate(vals))
        if "update_many" in obj:
            p = _join(path, "update_many")
            entries = []
            for v, vp in self.items(obj["update_many"], p, True, "{'where', 'data'}"):
                o = self.mapping(v, vp) or {}
                self.check_keys(o, ("where", "data"), vp)
                self.parent_keys(target, o.get("data"), _join(vp, "data"), implied)
                entries.append((self.where(target, o.get("where"), _join(vp, "where")),
                                self.update_values(target, o.get("data", {}), _join(vp, "data"), now)))
            out["update_many"] = tuple(out.get("update_many", ())) + tuple(entries)
        if "update" in obj:
            p = _join(path, "update")
            ups = []
            for v, vp in self.items(obj["update"], p, many, "{'where', 'data'}"):
                o = self.mapping(v, vp) or {}
                if many or "data" in o:
                    self.check_keys(o, ("where", "data"), vp)
                    for needed in ("where", "data") if many else ():
                        if needed not in o:
                            self.fail(_join(vp, needed), f"a nested update of a list relation needs `{needed}`",
                                      is_missing(needed))
                    where = self.unique_where(target, o.get("where"), _join(vp, "where")) if many else (
                        self.where(target, o.get("where"), _join(vp, "where")))
                    self.parent_keys(target, o.get("data"), _join(vp, "data"), implied)
                    ups.append((where, self.update_tree(target, o.get("data", {}), _join(vp, "data"), now)))
                else:
                    self.parent_keys(target, o, vp, implied)
                    ups.append((None, self.update_tree(target, o, vp, now)))
            out["updates"] = tuple(ups)
        if "upsert" in obj:
            p = _join(path, "upsert")
            ups_ = []
            for v, vp in self.items(obj["upsert"], p, many, "{'where', 'create', 'update'}"):
                o = self.mapping(v, vp) or {}
                self.check_keys(o, ("where", "create", "update") if many else ("where", "create", "update"), vp)
                where = self.unique_where(target, o.get("where"), _join(vp, "where")) if many or "where" in o else None
                if missing := [k for k in ("create", "update") if k not in o]:
                    for k in missing:
                        self.fail(_join(vp, k), f"a nested upsert needs `{k}`", is_missing(k))
                    continue
                ups_.append((where, self.create_tree(target, o.get("create", {}), _join(vp, "create"), now, implied),
                             self.update_values(target, o.get("update", {}), _join(vp, "update"), now)))
            out["upserts"] = tuple(ups_)
        return ir.RelationWrite(**out)
