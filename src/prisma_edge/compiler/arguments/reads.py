"""Validate a call's keyword arguments against the schema and turn them into IR + values.

Runs on every call (it is cheap Python dict walking); the IR it returns is the plan-cache key.
Filters are parsed by `filters.FilterParser`; ordering, pagination and selections here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from ...errors import MissingRequiredValueError
from ...fields import FieldRef
from ...schema.model import Field, Model, Schema
from .. import ir
from ..limits import int64_problem
from .base import FILTER_ALIASES, NUMERIC, ORDERABLE, SCALAR_OPS, WINDOW_KEYS, _join, _suggest
from .filters import FilterParser
from .prisma_text import arg_name, invalid_value, unknown_field

__all__ = ["FILTER_ALIASES", "NUMERIC", "ORDERABLE", "SCALAR_OPS", "WINDOW_KEYS", "ArgParser", "_join", "_suggest",
           "parse_count", "parse_read"]


class ArgParser(FilterParser):
    """One call's parse: collects values (slots) and problems while building IR."""

    # ---- order, window ---------------------------------------------------------------------

    def order(self, model: Model, order: Any, path: str) -> tuple[ir.OrderBy, ...]:
        if order is None:
            return ()
        items = order if isinstance(order, list | tuple) else [order]
        out: list[ir.OrderBy] = []
        for i, item in enumerate(items):
            p = _join(path, i) if isinstance(order, list | tuple) else path
            obj = self.mapping(item, p, "an object like {'field': 'asc'}")
            if obj is None:
                continue
            if len(obj) > 1:  # Prisma: one key per object; several keys go as a list of objects
                self.fail(p, "one field per order object: give a list like [{'a': 'asc'}, {'b': 'desc'}]",
                          invalid_value("orderBy", [f"{model.name}OrderByWithRelationInput[]"], dict(obj)))
                continue
            for key, val in obj.items():
                out.extend(self.order_item(model, key, val, _join(p, key), ()))
        return tuple(out)

    def order_item(self, model: Model, key: str, val: Any, path: str, prefix: tuple[str, ...]) -> list[ir.OrderBy]:
        if self.too_deep(path):
            return []
        if key == "_relevance" and not prefix:
            return self.relevance(model, val, path)
        f = self.field(model, key, path.rsplit(".", 1)[0] if "." in path else "")
        if f is None:
            return []
        if f.kind == "object":
            obj = self.mapping(val, path)
            if obj is None:
                return []
            if f.is_list:
                if set(obj) != {"_count"}:
                    self.fail(path, f"list relation `{f.name}` can only be ordered by `_count`")
                    return []
                desc = self.direction(obj["_count"], _join(path, "_count"))
                return [ir.OrderBy((*prefix, f.name), desc, None, True)]
            out: list[ir.OrderBy] = []
            target = self.model(f.type)
            for k, v in obj.items():
                out.extend(self.order_item(target, k, v, _join(path, k), (*prefix, f.name)))
            return out
        if f.type not in ORDERABLE and f.kind != "enum" and f.type != "Json":  # Json orders as Prisma 7 does
            self.fail(path, f"cannot order by {f.type} field `{f.name}`")
            return []
        nulls = None
        if isinstance(val, Mapping):
            self.check_keys(val, ("sort", "nulls"), path)
            nulls = val.get("nulls")
            if nulls is not None and nulls not in ("first", "last"):
                self.fail(_join(path, "nulls"), f"expected `first` or `last`, got {nulls!r}")
                nulls = None
            if nulls is not None and f.is_required:
                self.fail(_join(path, "nulls"), f"Invalid argument type: `nulls` applies to optional fields; `{f.name}` is required")
            val = val.get("sort")
        return [ir.OrderBy((*prefix, f.name), self.direction(val, path), nulls)]

    def relevance(self, model: Model, val: Any, path: str) -> list[ir.OrderBy]:
        """`{"_relevance": {"fields": ["title"], "search": "cat", "sort": "desc"}}` (full-text search)."""
        obj = self.mapping(val, path, "an object with `fields`, `search` and `sort`")
        if obj is None:
            return []
        self.check_keys(obj, ("fields", "search", "sort"), path)
        fields = obj.get("fields")
        fields = [fields] if isinstance(fields, str) else fields
        if not isinstance(fields, list | tuple) or not fields:
            self.fail(_join(path, "fields"), "expected a field name or a list of String field names")
            return []
        names: list[str] = []
        for i, n in enumerate(fields):
            f = self.field(model, n, _join(path, "fields")) if isinstance(n, str) else None
            if f is not None and (f.type != "String" or f.is_list):
                self.fail(_join(_join(path, "fields"), i), f"`_relevance` takes String fields; `{f.name}` is {f.type}")
            elif f is not None:
                names.append(f.name)
        text = obj.get("search")
        if not isinstance(text, str):
            self.fail(_join(path, "search"), "expected the search text (a string)")
            return []
        if self.schema.provider == "sqlite":
            self.fail(path, "`_relevance` needs MySQL or PostgreSQL (full-text search)")
            return []
        if len(names) != len(fields):
            return []
        return [ir.OrderBy(tuple(names), self.direction(obj.get("sort"), _join(path, "sort")),
                           relevance=self.slot(text, "String"))]

    def direction(self, val: Any, path: str) -> bool:
        if isinstance(val, str) and val.lower() in ("asc", "desc"):
            return val.lower() == "desc"
        self.fail(path, f"expected `asc` or `desc`, got {val!r}", f"Invalid value for argument `{arg_name(path)}`. Expected SortOrder.")
        return False

    def int_arg(self, val: Any, path: str, *, minimum: int | None = None) -> int | None:
        if isinstance(val, float) and math.isfinite(val):
            val = int(val)  # Prisma truncates: `take: 1.5` is LIMIT 1
        if isinstance(val, bool) or not isinstance(val, int):
            self.fail(path, f"expected an integer, got {type(val).__name__} {val!r}"[:120], invalid_value(path, ["Int"], val))
            return None
        if minimum is not None and val < minimum:
            self.fail(path, f"must be >= {minimum}, got {val if val > -(10**30) else 'a larger negative number'}")
            return None
        if (problem := int64_problem(val)) is not None:
            self.fail(path, problem)
            return None
        return val

    def window(self, model: Model, args: Mapping[str, Any], path: str) -> ir.Window:
        where = self.where(model, args.get("where"), _join(path, "where"))
        order = self.order(model, args.get("order", args.get("orderBy")), _join(path, "order"))
        take = skip = None
        negative = False
        if args.get("take") is not None:
            t = self.int_arg(args["take"], _join(path, "take"))
            if t is not None:
                negative = t < 0
                take = self.slot(abs(t), "Int")
        if args.get("skip") is not None:
            s = self.int_arg(args["skip"], _join(path, "skip"), minimum=0)
            if s is not None:
                skip = self.slot(s, "Int")
        cursor = None
        if args.get("cursor") is not None:
            cursor = self.cursor(model, args["cursor"], _join(path, "cursor"))
        distinct: tuple[str, ...] = ()
        if args.get("distinct") is not None:
            d = args["distinct"]
            names = [d] if isinstance(d, str) else list(d) if isinstance(d, list | tuple) else None
            if names is None:
                self.fail(_join(path, "distinct"), "expected a field name or a list of field names")
            else:
                for i, n in enumerate(names):
                    f = self.field(model, n, _join(path, "distinct"))
                    if f is not None and f.kind == "object":
                        self.fail(_join(_join(path, "distinct"), i), f"cannot use relation `{n}` in distinct")
                distinct = tuple(str(n) for n in names)
        return ir.Window(where, order, take, negative, skip, cursor, distinct)

    def cursor(self, model: Model, val: Any, path: str) -> ir.Cursor | None:
        obj = self.mapping(val, path, "a unique selector object")
        if obj is None:
            return None
        compound = {u.name: u for u in model.uniques if len(u.fields) > 1}
        pairs: list[tuple[str, ir.Slot]] = []
        for key, v in obj.items():
            if key in compound and model.field(key) is None and isinstance(v, Mapping):
                for fname in compound[key].fields:
                    fld = model.field(fname)
                    if fld is not None and fname in v:
                        pairs.append((fname, self.slot_for(fld, v[fname], _join(_join(path, key), fname))))
                continue
            f = self.field(model, key, path)
            if f is None:
                continue
            if f.kind == "object" or v is None or isinstance(v, Mapping | FieldRef):
                self.fail(_join(path, key), "a cursor takes plain values of unique fields")
                continue
            pairs.append((f.name, self.slot_for(f, v, _join(path, key))))
        names = {n for n, _ in pairs}
        if pairs and not any(set(u.fields) <= names for u in model.uniques):
            self.fail(path, f"the cursor must name a unique field or selector ({', '.join(u.name for u in model.uniques)})")
        return ir.Cursor(tuple(pairs)) if pairs else None

    # ---- selection -------------------------------------------------------------------------

    def selection(self, model: Model, args: Mapping[str, Any], path: str) -> ir.Selection:
        if self.too_deep(path):
            return ir.Selection((), (), ())
        select, include, omit = args.get("select"), args.get("include"), args.get("omit")
        if isinstance(select, Mapping) and not select:
            self.fail(_join(path, "select"), "`select` needs at least one field",
                      f"The `select` statement for type {model.name} must not be empty. Available options are marked with ?.")
        if select is not None and include is not None:
            self.fail(path, "use either `select` or `include`, not both",
                      "Please either use `include` or `select`, but not both at the same time.")
            include = None
        if select is not None and omit is not None:
            self.fail(path, "use either `select` or `omit`, not both",
                      "Please either use `omit` or `select`, but not both at the same time.")
            omit = None
        omitted: set[str] = set()
        if omit is not None:
            obj = self.mapping(omit, _join(path, "omit"))
            for k, v in (obj or {}).items():
                f = self.field(model, k, _join(path, "omit"))
                if f is not None and f.kind == "object":
                    self.fail(_join(_join(path, "omit"), k), "only scalar fields can be omitted")
                elif f is not None and v is True:
                    omitted.add(k)
        spec_path = _join(path, "select" if select is not None else "include")
        spec = self.mapping(select if select is not None else include, spec_path) if (select is not None or include is not None) else {}
        spec = spec or {}
        scalars: list[str] = []
        if select is None:
            scalars = [f.name for f in model.fields if f.kind != "object" and f.name not in omitted]
        relations: list[ir.RelationSelection] = []
        counts: tuple[ir.CountSelection, ...] = ()
        for key, val in spec.items():
            p = _join(spec_path, key)
            if key == "_count":
                counts = self.count_selection(model, val, p)
                continue
            f = self.field(model, key, spec_path)
            if f is None:
                continue
            if f.kind != "object":
                if select is None:
                    self.fail(p, f"`include` takes relations; `{key}` is a scalar field (use `select`)",
                              "Note that include statements only accept relation fields. "  # Prisma 7's words
                              f"`{key}` is a scalar field of `{model.name}` (use `select`).")
                elif val is True:
                    scalars.append(key)
                elif val is not False:
                    self.fail(p, f"expected True or False for scalar field `{key}`")
                continue
            if val is False or val is None:
                continue
            sub = {} if val is True else self.mapping(val, p, "True or an object")
            if sub is None:
                continue
            # list relations take a whole window; an optional to-one relation takes a `where`
            # (the related record, or null when it does not match)
            allowed = (("select", "include", "omit", *WINDOW_KEYS, "orderBy") if f.is_list else
                       ("select", "include", "omit", *(() if self.required_to_one(model, f) else ("where",))))
            self.check_keys(sub, allowed, p)
            target = self.model(f.type)
            if f.is_list:
                win = self.window(target, sub, p)
            else:
                win = ir.Window(where=self.where(target, sub.get("where"), _join(p, "where")))
            relations.append(ir.RelationSelection(f.name, win, self.selection(target, sub, p)))
        return ir.Selection(tuple(scalars), tuple(relations), counts)

    @staticmethod
    def required_to_one(model: Model, f: Field) -> bool:
        """A to-one relation that always has its record (a required foreign key on this side)."""
        rel = f.relation
        if rel is None or not rel.holds_fk:
            return False
        fks = [model.field(n) for n in rel.fields]
        return all(x is not None and x.is_required for x in fks)

    def count_selection(self, model: Model, val: Any, path: str) -> tuple[ir.CountSelection, ...]:
        list_rels = [f for f in model.fields if f.kind == "object" and f.is_list]
        if val is True:
            return tuple(ir.CountSelection(f.name) for f in list_rels)
        obj = self.mapping(val, path, "True or {'select': {...}}")
        if obj is None:
            return ()
        self.check_keys(obj, ("select",), path)
        sel = self.mapping(obj.get("select", {}), _join(path, "select")) or {}
        out: list[ir.CountSelection] = []
        for k, v in sel.items():
            p = _join(_join(path, "select"), k)
            f = self.field(model, k, _join(path, "select"))
            if f is None:
                continue
            if f.kind != "object" or not f.is_list:
                self.fail(p, f"`_count` takes list relations; `{k}` is not one")
                continue
            if v is True:
                out.append(ir.CountSelection(k))
            elif isinstance(v, Mapping):
                self.check_keys(v, ("where",), p)
                out.append(ir.CountSelection(k, self.where(self.model(f.type), v.get("where"), _join(p, "where"))))
            elif v is not False:
                self.fail(p, "expected True, False or {'where': ...}")
        return tuple(out)


def parse_read(schema: Schema, model: Model, action: str, args: Mapping[str, Any]) -> tuple[ir.Read, list[Any]]:
    """find_unique / find_first / find_many (and their _or_raise variants)."""
    p = ArgParser(schema, model, action)
    unique = action.startswith("find_unique")
    allowed = ("where", "select", "include", "omit") if unique else ("select", "include", "omit", *WINDOW_KEYS, "orderBy")
    p.check_keys(args, allowed, "")
    if unique:
        if "where" not in args:
            p.fail("where", "find_unique needs a `where` with a unique field")
        cond = p.unique_where(model, args.get("where"), "where")
        window = ir.Window(where=cond)
    else:
        window = p.window(model, args, "")
        take = args.get("take")
        if action.startswith("find_first") and isinstance(take, int) and take not in (1, -1):
            p.fail("take", "find_first takes `take` 1 or -1 only",
                   "Input error. The 'findFirst' operation cannot be used with a 'take' argument that isn't 1 or -1")
    sel = p.selection(model, args, "")
    p.raise_if_problems()
    if not unique and args.get("skip") is not None and not window.order and model.is_view and not model.primary_key:
        # a view without unique fields has no stable order for Prisma to skip rows in
        raise MissingRequiredValueError(
            "`orderBy`: A value is required but not set. It is required because `skip` was provided.",
            model=model.name, action=action)
    single = unique or action.startswith("find_first")
    return ir.Read(model.name, window, sel, single), p.values


def parse_count(schema: Schema, model: Model, args: Mapping[str, Any]) -> tuple[ir.CountQuery, list[Any]]:
    p = ArgParser(schema, model, "count")
    p.check_keys(args, ("select", *(k for k in WINDOW_KEYS if k != "distinct"), "orderBy"), "")  # as Prisma: no distinct
    window = p.window(model, {k: v for k, v in args.items() if k != "distinct"}, "")
    fields: list[str] = []
    sel = args.get("select")
    if sel is not None:
        obj = p.mapping(sel, "select") or {}
        for k, v in obj.items():
            if k == "_all":
                if v:
                    fields.append("_all")
                continue
            f = p.field(model, k, "select")
            if f is not None and f.kind == "object":
                p.fail(f"select.{k}", "count selects scalar fields or `_all`",
                       unknown_field(k, "select", f"{model.name}CountAggregateOutputType", ()))
            elif f is not None and v:
                fields.append(k)
    p.raise_if_problems()
    return ir.CountQuery(model.name, window, tuple(fields)), p.values
