"""Validate `aggregate` and `group_by` arguments into IR (Prisma's `_count/_sum/_avg/_min/_max`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...fields import FieldRef
from ...schema.model import Model, Schema
from .. import ir
from .prisma_text import AVAILABLE, unknown_field
from .reads import NUMERIC, ORDERABLE, WINDOW_KEYS, ArgParser, _join
from .values import BadValue, coerce

AGG_FNS = ("_count", "_sum", "_avg", "_min", "_max")
HAVING_OPS = ("equals", "not", "in", "not_in", "notIn", "lt", "lte", "gt", "gte")


class AggregateParser(ArgParser):
    def agg_fields(self, model: Model, args: Mapping[str, Any]) -> tuple[tuple[ir.AggregateField, ...], bool]:
        out: list[ir.AggregateField] = []
        count_scalar = False
        for fn in AGG_FNS:
            spec = args.get(fn)
            if spec is None or spec is False:
                continue
            if fn == "_count" and spec is True:
                out.append(ir.AggregateField("_count", "_all"))
                count_scalar = True
                continue
            obj = self.mapping(spec, fn, "an object like {'field': True}")
            if obj is not None and not obj:  # `_sum: {}` selects nothing: Prisma refuses it
                self.fail(fn, f"`{fn}` needs at least one field", "Expected a minimum of 1 field to be present, got 0.")
            for name, on in (obj or {}).items():
                if not on:
                    continue
                if fn == "_count" and name == "_all":
                    out.append(ir.AggregateField(fn, "_all"))
                    continue
                f = self.field(model, name, fn)
                if f is None:
                    continue
                p = _join(fn, name)
                if f.kind == "object":
                    self.fail(p, f"cannot aggregate relation `{name}`")
                elif fn in ("_sum", "_avg") and f.type not in NUMERIC:
                    self.fail(p, f"`{fn}` needs a number field; `{name}` is {f.type}",
                              unknown_field(name, "select", f"{model.name}{fn[1:].capitalize()}AggregateOutputType", ()))
                elif fn in ("_min", "_max") and f.type not in ORDERABLE and f.kind != "enum":
                    self.fail(p, f"`{fn}` does not apply to {f.type} field `{name}`")
                else:
                    out.append(ir.AggregateField(fn, name))
        return tuple(out), count_scalar

    def having(self, model: Model, having: Any, by: tuple[str, ...], path: str = "having"
               ) -> tuple[ir.HavingCompare | ir.HavingLogic, ...]:
        if having is None:
            return ()
        obj = self.mapping(having, path) or {}
        out: list[ir.HavingCompare | ir.HavingLogic] = []
        for name, spec in obj.items():
            p = _join(path, name)
            if name in ("AND", "OR", "NOT"):
                items = list(spec) if isinstance(spec, list | tuple) else [spec]
                parts = tuple(self.having(model, item, by, _join(p, i)) for i, item in enumerate(items))
                out.append(ir.HavingLogic(name, parts))
                continue
            f = self.field(model, name, path)
            if f is not None and name not in by and not (isinstance(spec, Mapping) and set(spec) <= set(AGG_FNS)):
                self.fail(p, f"`{name}` is not in `by`; filter it with an aggregate like `_max`",
                          "Input error. Every field used in `having` filters must either be an aggregation filter or "
                          f"be included in the selection of the query. Missing fields: {name}")
                continue
            if f is None or not isinstance(spec, Mapping):
                if f is not None:
                    spec = {"equals": spec}  # a plain value: `equals`, as Prisma
                else:
                    continue
            for key, sub in spec.items():
                if key in AGG_FNS:
                    fobj = self.mapping(sub, _join(p, key)) or {}
                    agg_type = "Int" if key == "_count" else ("Float" if key == "_avg" and f.type != "Decimal" else f.type)
                    for op, value in fobj.items():
                        out.append(self._having_cmp(key, f.name, op, value, agg_type, _join(_join(p, key), op)))
                else:
                    if name not in by:
                        self.fail(p, f"`{name}` is not in `by`; filter it with an aggregate like `_max`")
                        break
                    if f.type == "String" and key in ("contains", "startswith", "endswith", "startsWith", "endsWith", "mode"):
                        if key != "mode":
                            out.append(self._having_cmp("", f.name, key, sub, f.type, _join(p, key), spec.get("mode")))
                        continue
                    out.append(self._having_cmp("", f.name, key, sub, f.type, _join(p, key)))
        return tuple(out)

    def _having_cmp(self, fn: str, field: str, op: str, value: Any, type_: str, path: str,
                    mode: Any = None) -> ir.HavingCompare:
        op = {"notIn": "not_in", "startsWith": "startswith", "endsWith": "endswith"}.get(op, op)
        if op in ("contains", "startswith", "endswith"):  # string filters on a grouped column
            f = self.root.field(field)
            assert f is not None
            role = op + ("_i" if mode == "insensitive" else "")
            return ir.HavingCompare(fn, field, role, self.slot_for(f, value, path, role=role))
        if op not in HAVING_OPS:
            self.fail(path, f"unknown filter `{op}`; expected one of {', '.join(HAVING_OPS)}")
            return ir.HavingCompare(fn, field, "equals", None)
        f = self.root.field(field)
        assert f is not None

        def slot(v: Any, p: str) -> ir.Slot:
            if type_ == f.type:  # the aggregate has the field's own type: validate as the field
                return self.slot_for(f, v, p)
            try:
                return self.slot(coerce(type_, v), type_)
            except BadValue as e:
                self.fail(p, str(e))
                return self.slot(None, type_)

        if isinstance(value, FieldRef):  # compare with another column of the group (a `by` field)
            other = self.root.field(value.name)
            if other is None or other.kind == "object" or op not in ("equals", "not", "lt", "lte", "gt", "gte"):
                self.fail(path, f"field reference `{value.name}` cannot be compared here")
                return ir.HavingCompare(fn, field, "equals", None)
            return ir.HavingCompare(fn, field, op, ir.ColumnRef(value.name))
        if value is None:
            return ir.HavingCompare(fn, field, "is_null" if op == "equals" else "is_not_null", None)
        if op == "not" and isinstance(value, Mapping):  # `not: {equals: 10}` and friends
            inner = [self._having_cmp(fn, field, k, v, type_, _join(path, k)) for k, v in value.items()]
            if len(inner) == 1 and inner[0].op in ("equals", "is_null"):
                first = inner[0]
                return ir.HavingCompare(fn, field, "not" if first.op == "equals" else "is_not_null", first.value)
            self.fail(path, "`not` inside `having` takes one `equals`")
            return ir.HavingCompare(fn, field, "equals", None)
        if op in ("in", "not_in"):
            if not isinstance(value, list | tuple):
                self.fail(path, "expected a list")
                return ir.HavingCompare(fn, field, op, ())
            return ir.HavingCompare(fn, field, op, tuple(slot(v, _join(path, i)) for i, v in enumerate(value)))
        return ir.HavingCompare(fn, field, op, slot(value, path))

    def group_order(self, model: Model, order: Any, fields: tuple[ir.AggregateField, ...]
                    ) -> tuple[tuple[str, str, bool, str | None], ...]:
        if order is None:
            return ()
        items = order if isinstance(order, list | tuple) else [order]
        out: list[tuple[str, str, bool, str | None]] = []
        for i, item in enumerate(items):
            obj = self.mapping(item, _join("order", i)) or {}
            for key, val in obj.items():
                p = _join(_join("order", i), key)
                if key in AGG_FNS:
                    for name, direction in (self.mapping(val, p) or {}).items():
                        if name != "_all" and self.field(model, name, p) is None:
                            continue
                        out.append((key, name, self.direction(direction, _join(p, name)), None))
                else:
                    if self.field(model, key, _join("order", i)) is None:
                        continue
                    nulls = None
                    if isinstance(val, Mapping):  # {sort, nulls}
                        nulls = val.get("nulls")
                        if nulls not in (None, "first", "last"):
                            self.fail(_join(p, "nulls"), f"expected `first` or `last`, got {nulls!r}")
                        val = val.get("sort")
                    out.append(("", key, self.direction(val, p), nulls))
        return tuple(out)


def parse_aggregate(schema: Schema, model: Model, args: Mapping[str, Any]) -> tuple[ir.Aggregate, list[Any]]:
    p = AggregateParser(schema, model, "aggregate")
    p.check_keys(args, (*AGG_FNS, *WINDOW_KEYS, "orderBy"), "")
    window = p.window(model, args, "")
    fields, count_scalar = p.agg_fields(model, args)
    if not fields:
        p.fail("", "aggregate needs at least one of _count, _sum, _avg, _min, _max",
               f"The `select` statement for type Aggregate{model.name} must not be empty. {AVAILABLE}")
    p.raise_if_problems()
    return ir.Aggregate(model.name, window, fields, count_scalar), p.values


def parse_group_by(schema: Schema, model: Model, args: Mapping[str, Any]) -> tuple[ir.GroupBy, list[Any]]:
    p = AggregateParser(schema, model, "group_by")
    p.check_keys(args, ("by", "where", "having", "order", "orderBy", "take", "skip", *AGG_FNS), "")
    by_arg = args.get("by")
    names = [by_arg] if isinstance(by_arg, str) else list(by_arg) if isinstance(by_arg, list | tuple) else []
    if not names:
        p.fail("by", "group_by needs `by`: a field name or a list of field names",
               f"The `select` statement for type {model.name}GroupByOutputType must not be empty. {AVAILABLE}")
    for i, n in enumerate(names):
        f = p.field(model, n, "by")
        if f is not None and f.kind == "object":
            p.fail(_join("by", i), f"cannot group by relation `{n}`",
                   f"Invalid value for argument `by`. Expected {model.name}ScalarFieldEnum.")
    by = tuple(str(n) for n in names)
    where = p.where(model, args.get("where"), "where")
    fields, count_scalar = p.agg_fields(model, args)
    order = p.group_order(model, args.get("order", args.get("orderBy")), fields)
    for fn, name, _desc, _nulls in order:
        if fn == "" and name not in by:
            p.fail("order", f"`{name}` must be in `by` to order by it",
                   f"Input error. Every field used for orderBy must be included in the by-arguments of the query. "
                   f"Missing fields: {name}")
    take = skip = None
    if args.get("take") is not None and (t := p.int_arg(args["take"], "take", minimum=0)) is not None:
        take = p.slot(t, "Int")
    if args.get("skip") is not None and (s := p.int_arg(args["skip"], "skip", minimum=0)) is not None:
        skip = p.slot(s, "Int")
    if (take is not None or skip is not None) and not order:
        missing = [n for n in model.primary_key if n not in by]  # Prisma pages groups in primary-key order
        if not model.primary_key and model.is_view:
            p.fail("order", "`take` and `skip` in group_by need an `order` on a view without unique fields",
                   "Input error. `orderBy` definition must not be empty when querying views without unique fields")
        elif missing or not model.primary_key:
            p.fail("order", "`take` and `skip` in group_by need an `order`",
                   "Input error. Every field used for orderBy must be included in the by-arguments of the query. "
                   f"Missing fields: {', '.join(missing)}" if missing else None)
        else:
            order = tuple(("", n, False, None) for n in model.primary_key)
    having = p.having(model, args.get("having"), by)
    p.raise_if_problems()
    return ir.GroupBy(model.name, by, where, having, order, take, skip, fields, count_scalar), p.values
