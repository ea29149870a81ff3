"""What a call's arguments and records become around the compiler: global omit, computed fields.

`Client(omit={"user": {"password": True}})` (Prisma 7's global omit) hides fields in every query
that does not `select`, at every level of `include`; a query's own `omit={"password": False}`
shows it again. Computed fields (`db.extend(result=...)`) named in a `select` are replaced by the
fields they need before compiling, and added to (and their needs removed from) each record after.
Both are plain argument rewrites, so plans stay cached by shape as always.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ...errors import ClientError
from ...schema.model import Model, Schema
from .extend import Computed

RECORD_ACTIONS = frozenset(
    {
        "find_unique",
        "find_unique_or_raise",
        "find_first",
        "find_first_or_raise",
        "find_many",
        "create",
        "update",
        "upsert",
        "delete",
        "create_many_and_return",
        "update_many_and_return",
    }
)


def global_omit(
    omit: Mapping[str, Mapping[str, bool]] | None, resolve: Callable[[str], Model | None]
) -> dict[str, dict[str, bool]]:
    """`Client(omit=...)` checked and keyed by model name."""
    out: dict[str, dict[str, bool]] = {}
    for key, fields in dict(omit or {}).items():
        model = resolve(key)
        if model is None:
            raise ClientError(f"omit: no model `{key}` in the schema")
        if not isinstance(fields, Mapping):
            raise ClientError(f"omit[{key!r}] must map field names to True or False")
        for name, value in fields.items():
            f = model.field(name)
            if f is None or f.kind == "object":
                raise ClientError(
                    f"omit: `{model.name}.{name}` is not a scalar field"
                    + ("" if f is None else " (relations are not read unless included)")
                )
            if not isinstance(value, bool):
                raise ClientError(f"omit: `{model.name}.{name}` must be True or False")
        out.setdefault(model.name, {}).update({n: v for n, v in fields.items()})
    return out


class Shaper:
    def __init__(
        self, schema: Schema, omit: dict[str, dict[str, bool]], computed: dict[str, tuple[Computed, ...]]
    ) -> None:
        self.schema = schema
        self.omit = omit
        self.computed = computed

    def __bool__(self) -> bool:
        return bool(self.omit or self.computed)

    # ---- arguments --------------------------------------------------------------------------

    def args(self, model: Model, action: str, args: Mapping[str, Any]) -> Mapping[str, Any]:
        return self._level(model, args) if action in RECORD_ACTIONS else args

    def _level(self, model: Model, args: Mapping[str, Any]) -> dict[str, Any]:
        out = dict(args)
        select = out.get("select")
        if isinstance(select, Mapping):
            out["select"] = self._spec(model, select, True)
            return out
        merged = self._omitted(model, out)
        if merged:  # what the database reads: not computed names, and the needs of shown computed fields
            engine = {k: v for k, v in merged.items() if model.field(k) is not None}
            for c in self.computed.get(model.name, ()):
                if not merged.get(c.name):
                    for need in self._needs(model, c.name):
                        if engine.get(need):
                            engine[need] = False
            out["omit"] = engine
        include = out.get("include")
        if isinstance(include, Mapping):
            out["include"] = self._spec(model, include, False)
        return out

    def _omitted(self, model: Model, args: Mapping[str, Any]) -> dict[str, bool]:
        """The global omit for `model` with the query's own `omit` over it."""
        given = args.get("omit")
        return {**self.omit.get(model.name, {}), **(given if isinstance(given, Mapping) else {})}

    def _spec(self, model: Model, spec: Mapping[str, Any], is_select: bool) -> dict[str, Any]:
        computed = {c.name: c for c in self.computed.get(model.name, ())}
        out: dict[str, Any] = {}
        for key, val in spec.items():
            f = model.field(key)
            if f is not None and f.kind == "object" and val is not None and val is not False:
                target = self.schema.model(f.type)
                assert target is not None
                sub = (
                    self._level(target, {} if val is True else val)
                    if isinstance(val, Mapping) or val is True
                    else val
                )
                out[key] = True if sub == {} else sub
            elif is_select and key in computed and f is None:
                if val:
                    for need in self._needs(model, key):
                        out.setdefault(need, True)
            else:
                out[key] = val
        return out

    def _needs(self, model: Model, name: str) -> list[str]:
        """The stored fields a computed field needs, through computed fields it needs."""
        by_name = {c.name: c for c in self.computed.get(model.name, ())}
        out: list[str] = []
        for n in by_name[name].needs:
            out += self._needs(model, n) if n in by_name and model.field(n) is None else [n]
        return out

    # ---- results ----------------------------------------------------------------------------

    def result(self, model: Model, action: str, args: Mapping[str, Any], value: Any) -> Any:
        if action in RECORD_ACTIONS and self.computed:  # without computed fields the database omits all
            for record in value if isinstance(value, list) else [value]:
                self._record(model, args, record)
        return value

    def _record(self, model: Model, args: Mapping[str, Any], record: Any) -> None:
        if not isinstance(record, dict):
            return
        select = args.get("select") if isinstance(args.get("select"), Mapping) else None
        spec = (
            select
            if select is not None
            else args.get("include")
            if isinstance(args.get("include"), Mapping)
            else {}
        )
        for key, val in record.items():
            f = model.field(key)
            if f is not None and f.kind == "object" and val is not None:
                target = self.schema.model(f.type)
                sub = spec.get(key) if spec else None
                for r in val if isinstance(val, list) else [val]:
                    self._record(target, sub if isinstance(sub, Mapping) else {}, r)  # type: ignore[arg-type]
        computed = self.computed.get(model.name, ())
        hidden = set() if select is not None else {k for k, v in self._omitted(model, args).items() if v}
        wanted = (
            {c.name for c in computed if c.name not in hidden}
            if select is None
            else {k for k, v in select.items() if v}
        )
        for c in reversed(computed):  # a wanted computed field's computed needs are computed too
            if c.name in wanted:
                wanted.update(c.needs)
        for c in computed:
            if c.name in wanted and all(n in record for n in c.needs):
                record[c.name] = c.compute(record)
        drop = (
            [k for k in record if not select.get(k)]
            if select is not None
            else [k for k in record if k in hidden]
        )
        for key in drop:
            del record[key]
