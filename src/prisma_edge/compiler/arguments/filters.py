"""Filters: `where` trees, scalar and list filters, relation filters and unique selectors -> IR.

Prisma's rules live here: empty AND/OR/NOT lists, `not` negating each filter it holds, null only
on optional fields, field references and the three Json nulls, `is`/`is_not` on to-one relations.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ...fields import AnyNull, DbNull, FieldRef, JsonNull
from ...schema.model import Field, Model
from .. import ir
from .base import (
    FILTER_ALIASES,
    LIST_ALIASES,
    LIST_OPS,
    ORDERABLE,
    SCALAR_OPS,
    ParserBase,
    _join,
    _suggest,
)
from .prisma_text import (
    AVAILABLE,
    arg_name,
    invalid_value,
    is_missing,
    join_or,
    must_not_be_null,
    unknown_argument,
)

JSON_OPS = ("path", "equals", "not", "string_contains", "string_starts_with", "string_ends_with", "array_contains",
            "array_starts_with", "array_ends_with", "lt", "lte", "gt", "gte", "mode")
JSON_ONLY = {"path", "string_contains", "string_starts_with", "string_ends_with", "array_contains", "array_starts_with",
             "array_ends_with", "lt", "lte", "gt", "gte"}
JSON_ALIASES = {"stringContains": "string_contains", "stringStartsWith": "string_starts_with",
                "stringEndsWith": "string_ends_with", "arrayContains": "array_contains",
                "arrayStartsWith": "array_starts_with", "arrayEndsWith": "array_ends_with"}


def parse_json_path(value: Any) -> tuple[str | int, ...] | None:
    """['a', 0, 'b'] or '$.a[0].b' (MySQL's spelling) -> ('a', 0, 'b')."""
    if isinstance(value, list | tuple):
        if all(isinstance(x, str) or isinstance(x, int) and not isinstance(x, bool) for x in value):
            return tuple(value)
        return None
    if not isinstance(value, str) or not value.startswith("$"):
        return None
    import re

    steps: list[str | int] = []
    for key, quoted, index in re.findall(r'\.([A-Za-z_][A-Za-z0-9_]*)|\."((?:[^"\\]|\\.)*)"|\[(\d+)\]', value[1:]):
        steps.append(int(index) if index else key or quoted.replace('\\"', '"'))
    return tuple(steps)


class FilterParser(ParserBase):
    def where(self, model: Model, where: Any, path: str) -> ir.Cond | None:
        if where is None or self.too_deep(path):
            return None
        obj = self.mapping(where, path)
        if obj is None:
            return None
        conds: list[ir.Cond] = []
        for key, val in obj.items():
            p = _join(path, key)
            if key in ("AND", "OR", "NOT"):
                items = val if isinstance(val, list | tuple) else [val]
                subs = [c for i, v in enumerate(items) if (c := self.where(model, v, _join(p, i) if isinstance(val, list | tuple) else p)) is not None]
                if key == "AND":
                    conds.append(ir.And(tuple(subs)) if subs or not items else ir.Const(True))
                elif key == "OR":  # an empty object in OR adds no alternative (Prisma: `OR: [{}]` matches nothing)
                    subs = [s for s in subs if s != ir.And(())]
                    conds.append(ir.Or(tuple(subs)) if subs else ir.Const(False))
                else:  # NOT of a list: none of them holds
                    conds.append(ir.And(tuple(ir.Not(s) for s in subs)) if subs else ir.Const(True))
                continue
            f = self.field(model, key, path)
            if f is None:
                continue
            if f.kind == "object":
                c = self.relation_filter(f, val, p)
            else:
                c = self.scalar_filter(f, val, p, model)
            if c is not None:
                conds.append(c)
        conds = self.fold_searches(conds)
        if len(conds) == 1:
            return conds[0]
        return ir.And(tuple(conds))

    def fold_searches(self, conds: list[ir.Cond]) -> list[ir.Cond]:
        """Prisma's engine folds `search` filters of one where object that search the same text
        into one search over all their fields (a row matches if the joined text does)."""
        groups: dict[str, list[ir.Compare]] = {}
        for c in conds:
            if isinstance(c, ir.Compare) and c.op == "search" and isinstance(c.value, ir.Slot):
                groups.setdefault(str(self.values[c.value.index]), []).append(c)
        if all(len(g) < 2 for g in groups.values()):
            return conds
        out: list[ir.Cond] = []
        for c in conds:
            if isinstance(c, ir.Compare) and c.op == "search" and isinstance(c.value, ir.Slot):
                g = groups[str(self.values[c.value.index])]
                if len(g) > 1:
                    if c is g[0]:
                        out.append(ir.Search(tuple(x.field for x in g), c.value))
                    continue
            out.append(c)
        return out

    def relation_filter(self, f: Field, val: Any, path: str) -> ir.Cond | None:
        target = self.model(f.type)
        if f.is_list:
            obj = self.mapping(val, path, "an object with `some`, `every` or `none`")
            if obj is None:
                return None
            self.check_keys(obj, ("some", "every", "none"), path)
            conds: list[ir.Cond] = []
            for kind in ("some", "every", "none"):
                if kind in obj and obj[kind] is None:  # Prisma: a list relation filter needs an object
                    self.fail(_join(path, kind), f"A value is required but not set: `{kind}` needs a filter object, not null",
                              must_not_be_null(kind))
                elif kind in obj:
                    conds.append(ir.RelationFilter(f.name, kind, self.where(target, obj[kind], _join(path, kind))))
            if not conds and not any(obj.get(k, 0) is None for k in ("some", "every", "none")):
                self.fail(path, "expected `some`, `every` or `none`")
            return conds[0] if len(conds) == 1 else ir.And(tuple(conds))
        if val is None:
            return ir.RelationFilter(f.name, "is", None)
        obj = self.mapping(val, path)
        if obj is None:
            return None
        obj = {FILTER_ALIASES.get(k, k): v for k, v in obj.items()}
        if obj.keys() & {"is", "is_not"}:
            self.check_keys(obj, ("is", "is_not"), path)
            conds = []
            for kind in ("is", "is_not"):
                if kind in obj:
                    sub = obj[kind]
                    cond = None if sub is None else self.where(target, sub, _join(path, kind))
                    if sub is not None and cond is None:
                        cond = ir.Const(True)
                    conds.append(ir.RelationFilter(f.name, kind, cond))
            return conds[0] if len(conds) == 1 else ir.And(tuple(conds))
        cond = self.where(target, obj, path)  # shorthand: `author: {name: ...}` means `is`
        return ir.RelationFilter(f.name, "is", cond if cond is not None else ir.Const(True))

    def compare(self, model: Model | None, f: Field, op: str, v: Any, path: str, insensitive: bool = False,
                role: str = "value") -> ir.Cond:
        """`f <op> v` where v may be a plain value, a FieldRef or (Json fields) one of the Json nulls."""
        if isinstance(v, FieldRef):
            return self.field_ref(model, f, op, v, path, insensitive=insensitive)
        if f.type == "Json" and v in (DbNull, JsonNull, AnyNull) and op in ("equals", "not"):
            db_null = ir.Compare(f.name, "is_null")
            json_null = ir.Compare(f.name, "equals", self.slot("null", "Json"))
            cond: ir.Cond = db_null if v is DbNull else json_null if v is JsonNull else ir.Or((db_null, json_null))
            return ir.Not(cond) if op == "not" else cond
        return ir.Compare(f.name, op, self.slot_for(f, v, path, role=role), insensitive)

    def list_filter(self, f: Field, val: Any, path: str, model: Model | None = None) -> ir.Cond | None:
        """Scalar lists (PostgreSQL): has, has_every, has_some, is_empty, equals."""
        obj = self.mapping(val, path, "an object with `has`, `has_every`, `has_some`, `is_empty` or `equals`")
        if obj is None:
            return None
        obj = {LIST_ALIASES.get(k, k): v for k, v in obj.items()}
        self.check_keys(obj, LIST_OPS, path)
        conds: list[ir.Cond] = []
        for op, v in obj.items():
            p = _join(path, op)
            if op == "is_empty":
                if not isinstance(v, bool):
                    self.fail(p, "expected True or False")
                    continue
                conds.append(ir.Compare(f.name, "is_empty" if v else "is_not_empty"))
            elif isinstance(v, FieldRef):  # has: a scalar field; has_every / has_some / equals: a list field
                conds.append(self.field_ref(model, f, op, v, p, scalar_of=op == "has"))
            elif op == "has":
                if v is None:  # Prisma: `NULL = ANY(list)` matches no row
                    conds.append(ir.Const(False))
                    continue
                conds.append(ir.Compare(f.name, "has", self.slot(self.value(f, v, p), self.type_key(f))))
            elif op == "equals" and v is None:
                conds.append(ir.Compare(f.name, "is_null"))
            else:
                conds.append(ir.Compare(f.name, op, self.slot_for(f, v, p)))
        if not conds:
            return ir.Const(True)
        return conds[0] if len(conds) == 1 else ir.And(tuple(conds))

    def json_filter(self, f: Field, val: Mapping[str, Any], path: str) -> ir.Cond | None:
        """Filters on a Json value, at an optional `path` (a list of keys and indexes, or `$.a.b`)."""
        obj = {JSON_ALIASES.get(k, k): v for k, v in val.items()}
        self.check_keys(obj, JSON_OPS, path)
        insensitive = obj.get("mode") == "insensitive"
        jpath = None
        if "path" in obj:
            steps = parse_json_path(obj["path"])
            if steps is None:
                self.fail(_join(path, "path"), "expected a list of keys and indexes like ['pet', 'name'], or a string like '$.pet.name'")
                return None
            jpath = self.slot(steps, "JsonPath")
        conds: list[ir.Cond] = []
        for op, v in obj.items():
            p = _join(path, op)
            if op in ("path", "mode"):
                continue
            if op in ("string_contains", "string_starts_with", "string_ends_with"):
                if not isinstance(v, str):
                    self.fail(p, f"`{op}` takes a string")
                    continue
                like = {"string_contains": "contains", "string_starts_with": "startswith", "string_ends_with": "endswith"}[op]
                conds.append(ir.JsonFilter(f.name, jpath, op, (self.slot(v, "String", role=like + ("_i" if insensitive else "")),), insensitive))
                continue
            if op in ("lt", "lte", "gt", "gte"):  # numbers compare as numbers, strings as strings
                if isinstance(v, str):
                    conds.append(ir.JsonFilter(f.name, jpath, op + "_text", (self.slot(v, "String"),)))
                    continue
                if isinstance(v, bool) or not isinstance(v, int | float | Decimal):
                    self.fail(p, f"`{op}` on a Json value takes a number or a string")
                    continue
                conds.append(ir.JsonFilter(f.name, jpath, op, (self.slot(Decimal(str(v)), "Decimal"),)))
                continue
            if op == "array_contains":
                items = list(v) if isinstance(v, list | tuple) else [v]
                slots = tuple(self.slot_for(f, x, _join(p, i)) for i, x in enumerate(items))
                conds.append(ir.JsonFilter(f.name, jpath, op, slots))
                continue
            conds.append(ir.JsonFilter(f.name, jpath, op, (self.slot_for(f, v, p),)))
        if not conds:
            return ir.Const(True)
        return conds[0] if len(conds) == 1 else ir.And(tuple(conds))

    def field_ref(self, model: Model | None, f: Field, op: str, v: FieldRef, path: str, *, insensitive: bool = False,
                  list_of: bool = False, scalar_of: bool = False) -> ir.Cond:
        """`f <op> other field`: the other field has f's type; a list of it for `in` (`list_of`), one
        element of it for a list's `has` (`scalar_of`)."""
        other = model.field(v.name) if model is not None else None
        owner = model.name if model is not None else "?"
        if other is None or other.kind == "object":
            names = [x.name for x in (model.scalar_fields if model else ())]
            prisma = (f"Input error. Expected a referenced scalar field {owner}.{v.name} but found a relation field."
                      if other is not None else f"Input error. The referenced scalar field {owner}.{v.name} does not exist.")
            if list_of:  # `in` takes a list field's reference only
                self.fail(path, f"Invalid argument type: field reference to unknown field `{v.name}`")
            else:
                self.fail(path, f"field reference to unknown field `{v.name}`{_suggest(v.name, names)}", prisma)
        else:
            want_list = True if list_of else False if scalar_of else f.is_list
            if other.type != f.type or other.is_list != want_list:
                shape = "a list of " if want_list else ""
                wanted = f"{f.type}[]" if want_list else f.type
                found = f"{other.type}[]" if other.is_list else other.type
                self.fail(path, f"field reference `{v.name}` must be {shape}{f.type}, like `{f.name}`",
                          f"Input error. Expected a referenced scalar field of type {wanted} but found {owner}.{v.name} "
                          f"of type {found}.")
        return ir.Compare(f.name, op, ir.ColumnRef(v.name), insensitive)

    def scalar_filter(self, f: Field, val: Any, path: str, model: Model | None = None) -> ir.Cond | None:
        if f.is_list:
            if val is None:
                return ir.Compare(f.name, "is_null")
            if not isinstance(val, Mapping):
                return ir.Compare(f.name, "equals", self.slot_for(f, val, path))
            return self.list_filter(f, val, path, model)
        if val is None:
            if f.type == "Json":  # Prisma: a Json filter takes DbNull / JsonNull / AnyNull, not None
                self.fail(path, f"`{f.name}` is a Json field: filter its nulls with DbNull, JsonNull or AnyNull",
                          f"Argument `{f.name}` must not be null.")
            elif f.is_required:
                self.fail(path, f"A value is required but not set: `{f.name}` is never null, so it cannot be compared with null")
            return ir.Compare(f.name, "is_null")
        if f.type == "Json" and isinstance(val, Mapping) and {JSON_ALIASES.get(k, k) for k in val} & JSON_ONLY:
            return self.json_filter(f, val, path)
        if f.type == "Json" and isinstance(val, Mapping) and not {JSON_ALIASES.get(k, k) for k in val} & set(JSON_OPS):
            self.check_keys(val, JSON_OPS, path)  # Prisma: a Json value is compared with `equals`
            return None
        if not isinstance(val, Mapping) or f.type == "Json" and not (val.keys() & {"equals", "not"}):
            return self.compare(model, f, "equals", val, path)
        obj = {FILTER_ALIASES.get(k, k): v for k, v in val.items()}
        self.check_keys(obj, sorted(SCALAR_OPS), path)
        insensitive = False
        if "mode" in obj:
            mode = obj["mode"]
            if mode not in ("insensitive", "default"):
                self.fail(_join(path, "mode"), f"expected `insensitive` or `default`, got {mode!r}")
            elif f.type != "String":
                self.fail(_join(path, "mode"), f"`mode` applies to String fields, not {f.type}")
            insensitive = mode == "insensitive"
        conds: list[ir.Cond] = []
        for op, v in obj.items():
            if op == "mode" or op not in SCALAR_OPS:
                continue
            p = _join(path, op)
            if op == "not":
                if v is None:
                    if f.is_required:
                        self.fail(p, f"A value is required but not set: `{f.name}` is never null, so it cannot be compared with null")
                    conds.append(ir.Compare(f.name, "is_not_null"))
                elif isinstance(v, Mapping) and f.type != "Json":
                    # `not: {a, b}` negates each filter: NOT a AND NOT b (Prisma's semantics)
                    mode = {"mode": v.get("mode", "insensitive")} if insensitive or "mode" in v else {}
                    for k, sub_v in v.items():
                        if k == "mode":
                            continue
                        sub = self.scalar_filter(f, {k: sub_v, **mode}, p, model)
                        if sub is not None:
                            conds.append(ir.Not(sub))
                else:
                    conds.append(self.compare(model, f, "not", v, p, insensitive))
            elif op in ("in", "not_in") and isinstance(v, FieldRef):  # a scalar-list field of the record
                conds.append(self.field_ref(model, f, op, v, p, insensitive=insensitive, list_of=True))
            elif op == "not_in" and v is None:  # Prisma's engine: `notIn: null` filters nothing
                continue
            elif op in ("in", "not_in"):
                if not isinstance(v, list | tuple | set | frozenset):
                    self.fail(p, f"expected a list, got {type(v).__name__}")
                    continue
                slots = tuple(self.slot_for(f, x, _join(p, i)) for i, x in enumerate(v))
                conds.append(ir.Compare(f.name, op, slots, insensitive))
            elif op == "equals":
                if v is None:
                    conds.append(ir.Compare(f.name, "is_null"))
                else:
                    conds.append(self.compare(model, f, "equals", v, p, insensitive))
            elif op == "search":  # full-text search (sql/fulltext.py)
                if f.type != "String" or not isinstance(v, str):
                    self.fail(p, f"`search` takes a string and applies to String fields (`{f.name}` is {f.type})")
                elif self.schema.provider == "sqlite":
                    self.fail(p, "full-text `search` needs MySQL or PostgreSQL (Prisma has none for SQLite)")
                else:
                    conds.append(ir.Compare(f.name, "search", self.slot(v, "String")))
            elif op in ("contains", "startswith", "endswith"):
                if f.type != "String":
                    self.fail(p, f"`{op}` applies to String fields, not {f.type}")
                    continue
                if f.native_type is not None and f.native_type.name == "Uuid":  # Prisma's UuidFilter has no `contains`
                    self.fail(p, f"`{op}` does not apply to @db.Uuid fields", unknown_argument(op, ()))
                    continue
                conds.append(self.compare(model, f, op, v, p, insensitive, role=op + ("_i" if insensitive else "")))
            else:  # lt lte gt gte
                if f.type not in ORDERABLE or f.type == "Boolean":
                    self.fail(p, f"`{op}` does not apply to {f.type} fields",
                              unknown_argument(op, ("equals", "in", "notIn", "not")) if f.kind == "enum" else None)
                    continue
                if v is None:
                    self.fail(p, f"`{op}` needs a value, not null")
                    continue
                conds.append(self.compare(model, f, op, v, p, insensitive))
        if not conds:
            return ir.Const(True)
        return conds[0] if len(conds) == 1 else ir.And(tuple(conds))

    # ---- unique selectors ----------------------------------------------------------------

    def unique_where(self, model: Model, where: Any, path: str) -> ir.Cond:
        """A `where` that must select at most one record (find_unique, update, delete, cursor)."""
        obj = self.mapping(where, path, "a unique selector object")
        if obj is None:
            return ir.Const(False)
        compound = {u.name: u for u in model.uniques if len(u.fields) > 1}
        conds: list[ir.Cond] = []
        plain: dict[str, Any] = {}
        found_unique = False
        for key, val in obj.items():
            if key in compound and model.field(key) is None:
                u = compound[key]
                inner = self.mapping(val, _join(path, key))
                if inner is None:
                    continue
                self.check_keys(inner, u.fields, _join(path, key))
                for fname in u.fields:
                    if fname not in inner:
                        self.fail(_join(path, key), f"missing field `{fname}` of unique selector `{key}` (A value is required but not set)",
                                  is_missing(fname))
                        continue
                    fld = model.field(fname)
                    assert fld is not None
                    conds.append(ir.Compare(fname, "equals", self.slot_for(fld, inner[fname], _join(_join(path, key), fname))))
                found_unique = True
            else:
                plain[key] = val
        singles = {u.fields[0] for u in model.uniques if len(u.fields) == 1}
        for key, val in plain.items():
            if key in singles and not isinstance(val, Mapping) and val is not None:
                found_unique = True
        rest = self.where(model, plain, path) if plain else None
        if rest is not None:
            conds.append(rest)
        wrapped = [k for k in singles if isinstance(plain.get(k), Mapping)]
        had_problems = bool(self.problems)
        if not found_unique and not had_problems and wrapped:  # `{email: {equals: x}}`: Prisma wants the value
            f0 = model.field(wrapped[0])
            assert f0 is not None
            self.fail(_join(path, wrapped[0]), "a unique field takes its value here, not a filter object",
                      invalid_value(wrapped[0], [f0.type], plain[wrapped[0]]))
        nulls = [k for k in singles if k in plain and plain[k] is None]
        if not found_unique and not had_problems and nulls:  # Prisma's engine: P2012, not a validation error
            self.missing = f"`{_join(path, nulls[0])}`: A value is required but not set (a unique selector needs a value, not null)"
        elif not found_unique and not had_problems:
            options = [u.name for u in model.uniques]
            named = [f"`{o}`" for o in options]
            self.fail(path, f"a unique selector is required: give one of {', '.join(options)} with a value",
                      f"Argument `{arg_name(path)}` of type {model.name}WhereUniqueInput needs at least one of "
                      f"{join_or(named)} arguments. {AVAILABLE}")
        if not conds:
            return ir.Const(True)
        return conds[0] if len(conds) == 1 else ir.And(tuple(conds))

