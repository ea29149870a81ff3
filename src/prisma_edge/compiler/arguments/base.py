"""The plumbing every argument parser shares: problems with paths, value slots, name lookup.

A parser collects every problem (with its argument path, e.g. `where.author.is.email`) and raises
them together as one `ValidationError`, suggesting the nearest valid name for unknown names.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import Any

from ...errors import InputError, MissingRequiredValueError, Problem, ValidationError, ValueOutOfRangeError
from ...fields import AnyNull, DbNull, FieldRef, JsonNull
from ...schema.model import Field, Model, Schema
from .. import ir
from ..limits import decimal_bounds, decimal_problem, nesting_message, short_path, too_deep
from .prisma_text import arg_name, invalid_value, unknown_argument, unknown_field
from .values import BadValue, coerce

OID_RANGE = (-(2**31), 2**32 - 1)  # @db.Oid: unsigned 32-bit; a negative Int wraps (-1 -> 4294967295), as in Prisma
# Int native types that hold more than a signed 32-bit Int; below zero the database decides (P2020)
WIDE_INT = {"Oid": OID_RANGE, "UnsignedInt": (-(2**31), 2**32 - 1)}

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
SCALAR_OPS = {"equals", "not", "in", "not_in", "lt", "lte", "gt", "gte", "contains", "startswith", "endswith", "mode",
              "search"}
ORDERABLE = {"String", "Int", "BigInt", "Float", "Decimal", "DateTime", "Boolean", "Bytes"}
NUMERIC = {"Int", "BigInt", "Float", "Decimal"}
WINDOW_KEYS = ("where", "order", "take", "skip", "cursor", "distinct")

def _suggest(name: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    if isinstance(key, str) and len(key) > 100:  # a path is for messages: a hostile 10 KB key is shown by its head
        key = key[:97] + "…"
    return f"{path}.{key}" if path else key


class ParserBase:
    """One call's parse: collects values (slots) and problems while building IR."""

    def __init__(self, schema: Schema, model: Model, action: str) -> None:
        self.schema = schema
        self.root = model
        self.action = action
        self.values: list[Any] = []
        self.problems: list[Problem] = []
        # a value the query needs but was given null, found once the arguments are valid: P2012
        self.missing: str | None = None

    # ---- plumbing ------------------------------------------------------------------------

    def fail(self, path: str, message: str, prisma: str | None = None, code: str | None = None) -> None:
        """Record a problem; `prisma`: Prisma 7's sentence for it (the message's first line)."""
        self.problems.append(Problem(path, message, prisma, code))

    def too_deep(self, path: str) -> bool:
        """Record a problem and answer True when `path` nests past `limits.MAX_NESTING`."""
        if not too_deep(path):
            return False
        if not any(p.message == nesting_message() for p in self.problems):  # once per call
            self.fail(short_path(path), nesting_message())
        return True

    def raise_if_problems(self) -> None:
        if self.problems and all(p.code == "P2020" for p in self.problems):
            # Prisma sends such a value and the database refuses it (22003): its P2020, raised here
            # before any SQL, so every database answers the same (SQLite would store it)
            p = self.problems[0]
            err = ValueOutOfRangeError("\n".join([p.prisma or p.message, *(f"  {q}" for q in self.problems)]),
                                       model=self.root.name, action=self.action, path=p.path)
            err.problems = tuple(self.problems)
            raise err
        if self.problems:
            first = next((p.prisma for p in self.problems if p.prisma), None) or ""
            cls = InputError if first.startswith("Input error.") else ValidationError
            raise cls(self.problems, model=self.root.name, action=self.action)
        if self.missing is not None:
            raise MissingRequiredValueError(self.missing, model=self.root.name, action=self.action)

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
            shown = name if len(name) <= 100 else name[:97] + "…"
            self.fail(_join(path, name), f"unknown {what} `{shown}` on model `{model.name}`{_suggest(name, names)}",
                      self.prisma_unknown(model, name, path, names))
        return f

    def value(self, f: Field, value: Any, path: str) -> Any:
        """Coerce one scalar value for field `f`; records a problem and returns None on failure."""
        enum_values = None
        if f.kind == "enum":
            e = self.schema.enum(f.type)
            enum_values = tuple(v.name for v in e.values) if e else ()
        native = f.native_type.name if f.native_type else None
        try:
            out = coerce(f.type, value, enum_values, WIDE_INT.get(native or ""))
        except BadValue as e:
            text = str(e).replace("{field}", f.name) if "{field}" in str(e) else f"{e} for field `{f.name}`"
            if e.kind == "range":
                self.fail(path, text, f"Value out of range for the type: {e.reason}", "P2020")
                return None
            self.fail(path, text, self.prisma_bad_value(f, value, path, e))
            return None
        if f.type == "Decimal" and out:
            whole, frac, column = decimal_bounds(self.schema.provider, f.native_type)
            if (problem := decimal_problem(out, whole, frac, column)) is not None:
                self.fail(path, f"{problem}, for field `{f.name}`")
                return None
        if f.kind == "enum":  # the database stores an enum value's @map name
            e = self.schema.enum(f.type)
            return next((v.db_name for v in e.values if v.name == out), out) if e else out
        return out

    def prisma_unknown(self, model: Model, name: str, path: str, names: Sequence[str]) -> str:
        """Prisma's sentence for an unknown field name, by where it was given."""
        last = arg_name(path) if path else ""
        if last == "distinct":
            return f"Invalid value for argument `distinct`. Expected {model.name}ScalarFieldEnum."
        if last in ("select", "include", "omit"):
            type_name = model.name
            if path.endswith("_count.select"):
                type_name = f"{model.name}CountOutputType"
            elif self.action == "count":
                type_name = f"{model.name}CountAggregateOutputType"
            return unknown_field(name, last, type_name, names)
        if name in ("some", "every", "none"):  # a list filter on a to-one relation: Prisma suggests nothing
            return unknown_argument(name, ())
        return unknown_argument(name, names)

    @staticmethod
    def prisma_bad_value(f: Field, value: Any, path: str, e: BadValue) -> str | None:
        """Prisma's sentence for a value its field refuses (None where Prisma words it otherwise)."""
        arg = arg_name(path)
        if e.kind == "enum":
            return f"Invalid value for argument `{arg}`. Expected {f.type}."
        if e.kind == "datetime" and e.reason:
            return f"Invalid value for argument `{arg}`: {e.reason}. Expected ISO-8601 DateTime."
        if e.kind == "decimal":
            return f"Invalid value for argument `{arg}`: {e.reason}. Expected decimal String."
        if e.kind != "type":
            return None
        expected = [f.type]
        if arg == f.name and (path == f.name or path.startswith(("where.", "having.")) or ".where." in path):
            kind = "Enum" + f.type if f.kind == "enum" else {"Boolean": "Bool"}.get(f.type, f.type)
            expected = [f"{kind}{'' if f.is_required else 'Nullable'}Filter", f.type]
            if not f.is_required:
                expected.append("Null")
        return invalid_value(path, expected, value)

    def slot_for(self, f: Field, value: Any, path: str, role: str = "value") -> ir.Slot:
        if value is JsonNull and f.type == "Json":
            return self.slot("null", self.type_key(f))
        if value in (DbNull, AnyNull) and f.type == "Json":
            wanted = "JsonNullValueInput" if f.is_required else "NullableJsonNullValueInput"
            self.fail(path, f"`{value!r}` is not a valid `{wanted}`", f"Invalid value for argument `{arg_name(path)}`. Expected {wanted}.")
            return self.slot(None, self.type_key(f))
        if value in (DbNull, AnyNull) or isinstance(value, FieldRef):
            what = "a field reference" if isinstance(value, FieldRef) else repr(value)
            self.fail(path, f"{what} cannot be used here")
            return self.slot(None, self.type_key(f))
        if f.is_list:
            kind = "Create" if self.action.startswith("create") else "Update"
            wrapper = f"{self.root.name}{kind}{f.name}Input"  # Prisma's input type for a list in data
            if not isinstance(value, list | tuple):
                self.fail(path, f"expected a list for scalar list field `{f.name}`",
                          invalid_value(path, [wrapper, f"{f.type}[]"], value) if path.startswith("data.") else None)
                return self.slot(None, self.type_key(f), is_list=True)
            if None in value and path.startswith("data.") and f.type != "Json":  # Json[] holds JSON nulls
                self.fail(path, f"a list of {f.type} cannot hold null", invalid_value(path, [wrapper], list(value)))
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
                shown = str(k) if len(str(k)) <= 100 else str(k)[:97] + "…"
                self.fail(_join(path, str(k)), f"unknown argument `{shown}`{hint}", unknown_argument(str(k), allowed))

