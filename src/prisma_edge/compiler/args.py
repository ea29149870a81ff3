"""Validate a call's keyword arguments against the schema and turn them into IR + values.

Runs on every call (it is cheap Python dict walking); the IR it returns is the plan-cache key.
Every problem found is collected with its argument path (`where.author.is.email`) and raised
together as one `ValidationError`, with the nearest valid name suggested for unknown names.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import Problem, ValidationError
from ..fields import AnyNull, DbNull, FieldRef, JsonNull
from ..schema.model import Field, Model, Schema
from . import ir
from .values import BadValue, coerce

# Python spelling (Prisma Client Python) first, Prisma's camelCase accepted as an alias.
FILTER_ALIASES = {
    "notIn": "not_in",
    "startsWith": "startswith",
    "endsWith": "endswith",
    "isNot": "is_not",
    "starts_with": "startswith",
    "ends_with": "endswith",
}
LIST_OPS = ("has", "has_every", "has_some", "is_empty", "equals")
LIST_ALIASES = {"hasEvery": "has_every", "hasSome": "has_some", "isEmpty": "is_empty"}
SCALAR_OPS = {"equals", "not", "in", "not_in", "lt", "lte", "gt", "gte", "contains", "startswith", "endswith", "mode"}
ORDERABLE = {"String", "Int", "BigInt", "Float", "Decimal", "DateTime", "Boolean", "Bytes"}
NUMERIC = {"Int", "BigInt", "Float", "Decimal"}
WINDOW_KEYS = ("where", "order", "take", "skip", "cursor", "distinct")


def _suggest(name: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


class ArgParser:
    """One call's parse: collects values (slots) and problems while building IR."""

    def __init__(self, schema: Schema, model: Model, action: str) -> None:
        self.schema = schema
        self.root = model
        self.action = action
        self.values: list[Any] = []
        self.problems: list[Problem] = []

    # ---- plumbing ------------------------------------------------------------------------

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def raise_if_problems(self) -> None:
        if self.problems:
            raise ValidationError(self.problems, model=self.root.name, action=self.action)

    def slot(self, value: Any, type_: str, *, is_list: bool = False, role: str = "value") -> ir.Slot:
        self.values.append(value)
        return ir.Slot(len(self.values) - 1, type_, is_list, role)

    def model(self, name: str) -> Model:
        m = self.schema.model(name)
        assert m is not None, name  # the schema parser guarantees relation targets exist
        return m

    def field(self, model: Model, name: Any, path: str, *, what: str = "field") -> Field | None:
        if not isinstance(name, str):
            self.fail(path, f"expected a field name, got {name!r}")
            return None
        f = model.field(name)
        if f is None:
            names = [x.name for x in model.fields]
            self.fail(_join(path, name), f"unknown {what} `{name}` on model `{model.name}`{_suggest(name, names)}")
        return f

    def value(self, f: Field, value: Any, path: str) -> Any:
        """Coerce one scalar value for field `f`; records a problem and returns None on failure."""
        enum_values = None
        if f.kind == "enum":
            e = self.schema.enum(f.type)
            enum_values = tuple(v.name for v in e.values) if e else ()
        try:
            out = coerce(f.type, value, enum_values)
        except BadValue as e:
            self.fail(path, f"{e} for field `{f.name}`")
            return None
        if f.kind == "enum":  # the database stores an enum value's @map name
            e = self.schema.enum(f.type)
            return next((v.db_name for v in e.values if v.name == out), out) if e else out
        return out

    def slot_for(self, f: Field, value: Any, path: str, role: str = "value") -> ir.Slot:
        if value is JsonNull and f.type == "Json":
            return self.slot("null", self.type_key(f))
        if value in (DbNull, AnyNull) or isinstance(value, FieldRef):
            what = "a field reference" if isinstance(value, FieldRef) else repr(value)
            self.fail(path, f"{what} cannot be used here")
            return self.slot(None, self.type_key(f))
        if f.is_list:
            if not isinstance(value, list | tuple):
                self.fail(path, f"expected a list for scalar list field `{f.name}`")
                return self.slot(None, self.type_key(f), is_list=True)
            vals = [self.value(f, v, _join(path, i)) for i, v in enumerate(value)]
            return self.slot(vals, self.type_key(f), is_list=True)
        return self.slot(self.value(f, value, path), self.type_key(f), role=role)

    @staticmethod
    def type_key(f: Field) -> str:
        return f"Enum:{f.type}" if f.kind == "enum" else f.type

    def mapping(self, value: Any, path: str, what: str = "an object") -> Mapping[str, Any] | None:
        if not isinstance(value, Mapping):
            self.fail(path, f"expected {what}, got {type(value).__name__} {value!r}"[:200])
            return None
        return value

    def check_keys(self, obj: Mapping[str, Any], allowed: Sequence[str], path: str) -> None:
        for k in obj:
            if k not in allowed:
                hint = _suggest(str(k), allowed) or f"; expected one of: {', '.join(f'`{a}`' for a in allowed)}"
                self.fail(_join(path, str(k)), f"unknown argument `{k}`{hint}")

    # ---- where ---------------------------------------------------------------------------

    def where(self, model: Model, where: Any, path: str) -> ir.Cond | None:
        if where is None:
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
                elif key == "OR":
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
        if len(conds) == 1:
            return conds[0]
        return ir.And(tuple(conds))

    def relation_filter(self, f: Field, val: Any, path: str) -> ir.Cond | None:
        target = self.model(f.type)
        if f.is_list:
            obj = self.mapping(val, path, "an object with `some`, `every` or `none`")
            if obj is None:
                return None
            self.check_keys(obj, ("some", "every", "none"), path)
            conds: list[ir.Cond] = []
            for kind in ("some", "every", "none"):
                if kind in obj:
                    conds.append(ir.RelationFilter(f.name, kind, self.where(target, obj[kind], _join(path, kind))))
            if not conds:
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
            other = model.field(v.name) if model is not None else None
            if other is None or other.kind == "object":
                names = [x.name for x in (model.scalar_fields if model else ())]
                self.fail(path, f"field reference to unknown field `{v.name}`{_suggest(v.name, names)}")
            elif other.type != f.type or other.is_list != f.is_list:
                self.fail(path, f"field reference `{v.name}` is {other.type}, but `{f.name}` is {f.type}")
            return ir.Compare(f.name, op, ir.ColumnRef(v.name), insensitive)
        if f.type == "Json" and v in (DbNull, JsonNull, AnyNull) and op in ("equals", "not"):
            db_null = ir.Compare(f.name, "is_null")
            json_null = ir.Compare(f.name, "equals", self.slot("null", "Json"))
            cond: ir.Cond = db_null if v is DbNull else json_null if v is JsonNull else ir.Or((db_null, json_null))
            return ir.Not(cond) if op == "not" else cond
        return ir.Compare(f.name, op, self.slot_for(f, v, path, role=role), insensitive)

    def list_filter(self, f: Field, val: Any, path: str) -> ir.Cond | None:
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
            elif op == "has":
                if v is None:
                    self.fail(p, "`has` needs a value, not null")
                    continue
                conds.append(ir.Compare(f.name, "has", self.slot(self.value(f, v, p), self.type_key(f))))
            elif op == "equals" and v is None:
                conds.append(ir.Compare(f.name, "is_null"))
            else:
                conds.append(ir.Compare(f.name, op, self.slot_for(f, v, p)))
        if not conds:
            return ir.Const(True)
        return conds[0] if len(conds) == 1 else ir.And(tuple(conds))

    def scalar_filter(self, f: Field, val: Any, path: str, model: Model | None = None) -> ir.Cond | None:
        if f.is_list:
            if val is None:
                return ir.Compare(f.name, "is_null")
            if not isinstance(val, Mapping):
                return ir.Compare(f.name, "equals", self.slot_for(f, val, path))
            return self.list_filter(f, val, path)
        if val is None:
            if f.is_required:
                self.fail(path, f"`{f.name}` is required: it is never null, so it cannot be compared with null")
            return ir.Compare(f.name, "is_null")
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
                        self.fail(p, f"`{f.name}` is required: it is never null, so it cannot be compared with null")
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
            elif op in ("contains", "startswith", "endswith"):
                if f.type != "String":
                    self.fail(p, f"`{op}` applies to String fields, not {f.type}")
                    continue
                conds.append(self.compare(model, f, op, v, p, insensitive, role=op + ("_i" if insensitive else "")))
            else:  # lt lte gt gte
                if f.type not in ORDERABLE or f.type == "Boolean":
                    self.fail(p, f"`{op}` does not apply to {f.type} fields")
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
                        self.fail(_join(path, key), f"missing field `{fname}` of unique selector `{key}` (A value is required but not set)")
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
        if not found_unique and not self.problems:
            options = [u.name for u in model.uniques]
            self.fail(path, f"a unique selector is required: give one of {', '.join(options)} with a value")
        if not conds:
            return ir.Const(True)
        return conds[0] if len(conds) == 1 else ir.And(tuple(conds))

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
            for key, val in obj.items():
                out.extend(self.order_item(model, key, val, _join(p, key), ()))
        return tuple(out)

    def order_item(self, model: Model, key: str, val: Any, path: str, prefix: tuple[str, ...]) -> list[ir.OrderBy]:
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
        if f.type not in ORDERABLE and f.kind != "enum":
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
                self.fail(_join(path, "nulls"), f"`nulls` applies to optional fields; `{f.name}` is required")
            val = val.get("sort")
        return [ir.OrderBy((*prefix, f.name), self.direction(val, path), nulls)]

    def direction(self, val: Any, path: str) -> bool:
        if isinstance(val, str) and val.lower() in ("asc", "desc"):
            return val.lower() == "desc"
        self.fail(path, f"expected `asc` or `desc`, got {val!r}")
        return False

    def int_arg(self, val: Any, path: str, *, minimum: int | None = None) -> int | None:
        if isinstance(val, bool) or not isinstance(val, int):
            self.fail(path, f"expected an integer, got {type(val).__name__} {val!r}"[:120])
            return None
        if minimum is not None and val < minimum:
            self.fail(path, f"must be >= {minimum}, got {val}")
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
        select, include, omit = args.get("select"), args.get("include"), args.get("omit")
        if select is not None and include is not None:
            self.fail(path, "use either `select` or `include`, not both")
            include = None
        if select is not None and omit is not None:
            self.fail(path, "use either `select` or `omit`, not both")
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
                    self.fail(p, f"`include` takes relations; `{key}` is a scalar field (use `select`)")
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
            allowed = ("select", "include", "omit", *WINDOW_KEYS, "orderBy") if f.is_list else ("select", "include", "omit")
            self.check_keys(sub, allowed, p)
            target = self.model(f.type)
            win = self.window(target, sub, p) if f.is_list else ir.Window()
            relations.append(ir.RelationSelection(f.name, win, self.selection(target, sub, p)))
        return ir.Selection(tuple(scalars), tuple(relations), counts)

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
    sel = p.selection(model, args, "")
    p.raise_if_problems()
    single = unique or action.startswith("find_first")
    return ir.Read(model.name, window, sel, single), p.values


def parse_count(schema: Schema, model: Model, args: Mapping[str, Any]) -> tuple[ir.CountQuery, list[Any]]:
    p = ArgParser(schema, model, "count")
    p.check_keys(args, ("select", *WINDOW_KEYS, "orderBy"), "")
    window = p.window(model, args, "")
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
                p.fail(f"select.{k}", "count selects scalar fields or `_all`")
            elif f is not None and v:
                fields.append(k)
    p.raise_if_problems()
    return ir.CountQuery(model.name, window, tuple(fields)), p.values
