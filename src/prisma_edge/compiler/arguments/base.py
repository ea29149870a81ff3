"""The plumbing every argument parser shares: problems with paths, value slots, name lookup.

A parser collects every problem (with its argument path, e.g. `where.author.is.email`) and raises
them together as one `ValidationError`, suggesting the nearest valid name for unknown names.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import Any

from ...errors import Problem, ValidationError
from ...fields import AnyNull, DbNull, FieldRef, JsonNull
from ...schema.model import Field, Model, Schema
from .. import ir
from ..limits import decimal_bounds, decimal_problem, nesting_message, short_path, too_deep
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
    return f"{path}.{key}" if path else key


class ParserBase:
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

    def too_deep(self, path: str) -> bool:
        """Record a problem and answer True when `path` nests past `limits.MAX_NESTING`."""
        if not too_deep(path):
            return False
        if not any(p.message == nesting_message() for p in self.problems):  # once per call
            self.fail(short_path(path), nesting_message())
        return True

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
        if f.type == "Decimal" and out:
            whole, frac, column = decimal_bounds(self.schema.provider, f.native_type)
            if (problem := decimal_problem(out, whole, frac, column)) is not None:
                self.fail(path, f"{problem}, for field `{f.name}`")
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

