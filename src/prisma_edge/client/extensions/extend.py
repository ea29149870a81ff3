"""Client extensions: `db.extend(query=..., result=..., model=..., client=...)` (Prisma's `$extends`).

An extended client is a new `Client` sharing its base's adapter, plan cache, listeners and global
omit; the base is not changed. Components, in Prisma's order and semantics:

- `query`: hooks around operations, `async def hook(params, next)`, keyed by model (any spelling
  the client accepts, or "$all_models") then operation ("find_many", or "$all_operations"); at the
  top level also "$all_operations" (every model operation and raw SQL), "$query_raw" and
  "$execute_raw". A hook may change `params.args`, call `await next(args)` (zero, one or several
  times: retries), and change or replace the result. Hooks of the first extension run outermost;
  within one extension, the model's own hook runs before its "$all_operations", before
  "$all_models", before the top-level ones (as Prisma orders them).
- `result`: computed fields, `{"user": {"full_name": {"needs": {"first": True, "last": True},
  "compute": lambda u: ...}}}`: in every record unless omitted; their needs are read even when
  omitted (and then not shown); with `select`, only when selected (needs read, not returned).
- `model`: methods on a model delegate, called with the delegate first: `fn(delegate, *args)`.
- `client`: methods on the client, called with the (extended) client first.

Prisma's camelCase names are accepted too ("$allModels", "findMany").
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from attrs import field, frozen

from ...errors import ClientError

OPERATIONS = (
    "find_unique",
    "find_unique_or_raise",
    "find_first",
    "find_first_or_raise",
    "find_many",
    "count",
    "aggregate",
    "group_by",
    "create",
    "create_many",
    "create_many_and_return",
    "update",
    "update_many",
    "update_many_and_return",
    "upsert",
    "delete",
    "delete_many",
)
RAW_OPERATIONS = ("query_raw", "execute_raw")
ALL_MODELS, ALL_OPERATIONS = "$all_models", "$all_operations"
_PRISMA = {
    "$allModels": ALL_MODELS,
    "$allOperations": ALL_OPERATIONS,
    "$queryRaw": "$query_raw",
    "$executeRaw": "$execute_raw",
    "$queryRawUnsafe": "$query_raw",
    "$executeRawUnsafe": "$execute_raw",
}

Next = Callable[..., Awaitable[Any]]
Hook = Callable[["QueryParams", Next], Awaitable[Any]]


@frozen
class QueryParams:
    """What a query hook sees: Prisma's `{ model, operation, args }`. `args` may be changed in place."""

    model: str | None  # "User"; None for raw SQL
    operation: str  # "find_many", "query_raw", ...
    args: dict[str, Any]


@frozen
class Computed:
    model: str
    name: str
    needs: tuple[str, ...]
    compute: Callable[[dict[str, Any]], Any]


@frozen
class Extension:
    """One extension's components (what `define_extension` returns; pass it to `db.extend`)."""

    name: str | None = None
    query: Mapping[str, Any] = field(factory=dict)
    result: Mapping[str, Any] = field(factory=dict)
    model: Mapping[str, Any] = field(factory=dict)
    client: Mapping[str, Any] = field(factory=dict)


def define_extension(
    extension: Extension | Mapping[str, Any] | None = None,
    *,
    name: str | None = None,
    query: Mapping[str, Any] | None = None,
    result: Mapping[str, Any] | None = None,
    model: Mapping[str, Any] | None = None,
    client: Mapping[str, Any] | None = None,
) -> Extension:
    """Prisma's `Prisma.defineExtension`: an extension to share and apply with `db.extend(ext)`."""
    if isinstance(extension, Extension):
        return extension
    given = dict(extension or {})
    unknown = set(given) - {"name", "query", "result", "model", "client"}
    if unknown:
        raise ClientError(
            f"unknown extension component `{sorted(unknown)[0]}`; expected name, query, result, model or client"
        )
    return Extension(
        name=name or given.get("name"),
        query=query or given.get("query") or {},
        result=result or given.get("result") or {},
        model=model or given.get("model") or {},
        client=client or given.get("client") or {},
    )


def _key(name: str) -> str:
    return _PRISMA.get(name, name)


def operation_name(name: str) -> str:
    """Our operation name for ours or Prisma's ("findUniqueOrThrow" -> "find_unique_or_raise")."""
    name = _key(name)
    if name.startswith("$"):
        return name
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower().replace("_or_throw", "_or_raise")
    if snake not in OPERATIONS:
        import difflib

        close = difflib.get_close_matches(snake, OPERATIONS, n=1)
        raise ClientError(
            f"unknown operation `{name}` in a query extension{f'; did you mean `{close[0]}`?' if close else ''}"
        )
    return snake


class Extensions:
    """The extensions of one client, in the order they were applied (immutable; `plus` makes a new one)."""

    def __init__(
        self,
        layers: tuple[Extension, ...] = (),
        hooks: tuple[dict[tuple[str, str], Hook], ...] = (),
        computed: dict[str, tuple[Computed, ...]] | None = None,
        model_methods: dict[str, dict[str, Any]] | None = None,
        client_methods: dict[str, Any] | None = None,
    ) -> None:
        self.layers = layers
        self._hooks = (
            hooks  # per extension: {(model or "$all_models" or "$top", operation or "$all_operations"): hook}
        )
        self.computed = computed or {}
        self.model_methods = model_methods or {}
        self.client_methods = client_methods or {}
        self._cache: dict[tuple[str | None, str], tuple[Hook, ...]] = {}

    def __bool__(self) -> bool:
        return bool(self.layers)

    def hooks(self, model: str | None, operation: str) -> tuple[Hook, ...]:
        """The hooks around `model.operation`, outermost first (Prisma's order)."""
        key = (model, operation)
        found = self._cache.get(key)
        if found is None:
            out: list[Hook] = []
            for layer in self._hooks:
                if model is not None:
                    keys = [
                        (model, operation),
                        (model, ALL_OPERATIONS),
                        (ALL_MODELS, operation),
                        (ALL_MODELS, ALL_OPERATIONS),
                    ]
                else:
                    keys = [("$top", "$" + operation)]
                keys.append(("$top", ALL_OPERATIONS))
                out += [layer[k] for k in keys if k in layer]
            found = self._cache[key] = tuple(out)
        return found

    def plus(self, ext: Extension, resolve: Callable[[str], Any]) -> Extensions:
        """These extensions and `ext` after them; `resolve(name)` gives the schema model (or None)."""
        label = f"extension `{ext.name}`" if ext.name else "an extension"
        computed = {k: tuple(v) for k, v in self.computed.items()}
        model_methods = {k: dict(v) for k, v in self.model_methods.items()}
        hooks = self._parse_query(ext.query, resolve, label)
        for model_key, fields in dict(ext.result).items():
            m = _model(model_key, resolve, label, "result")
            for fname, spec in dict(fields).items():
                computed[m.name] = tuple(c for c in computed.get(m.name, ()) if c.name != fname) + (
                    _computed(m, fname, spec, computed.get(m.name, ()), label),
                )
        for model_key, methods in dict(ext.model).items():
            name = (
                ALL_MODELS
                if _key(model_key) == ALL_MODELS
                else _model(model_key, resolve, label, "model").name
            )
            for mname, fn in dict(methods).items():
                _callable(fn, f"{label}: model method `{mname}`")
                model_methods.setdefault(name, {})[mname] = fn
        client_methods = dict(self.client_methods)
        for mname, fn in dict(ext.client).items():
            _callable(fn, f"{label}: client method `{mname}`")
            client_methods[mname.lstrip("$")] = fn
        return Extensions((*self.layers, ext), (*self._hooks, hooks), computed, model_methods, client_methods)

    @staticmethod
    def _parse_query(
        query: Mapping[str, Any], resolve: Callable[[str], Any], label: str
    ) -> dict[tuple[str, str], Hook]:
        hooks: dict[tuple[str, str], Hook] = {}
        for key, value in dict(query).items():
            k = _key(key)
            if k in (ALL_OPERATIONS, "$query_raw", "$execute_raw"):
                hooks[("$top", k)] = _callable(value, f"{label}: query hook `{key}`")
                continue
            model = ALL_MODELS if k == ALL_MODELS else _model(key, resolve, label, "query").name
            if not isinstance(value, Mapping):
                raise ClientError(f"{label}: query[{key!r}] must map operation names to hooks")
            for op, hook in value.items():
                hooks[(model, operation_name(op))] = _callable(hook, f"{label}: query hook `{key}.{op}`")
        return hooks

    def model_method(self, model: str, name: str) -> Any:
        own = self.model_methods.get(model)
        if own is not None and name in own:
            return own[name]
        return self.model_methods.get(ALL_MODELS, {}).get(name)


def _callable(fn: Any, what: str) -> Any:
    if not callable(fn):
        raise ClientError(f"{what} must be a function; got {type(fn).__name__}")
    return fn


def _model(name: str, resolve: Callable[[str], Any], label: str, component: str) -> Any:
    m = resolve(name)
    if m is None:
        raise ClientError(f"{label}: no model `{name}` in the schema (in its `{component}` component)")
    return m


def _computed(model: Any, name: str, spec: Any, earlier: tuple[Computed, ...], label: str) -> Computed:
    if callable(spec):
        spec = {"needs": {}, "compute": spec}
    if not isinstance(spec, Mapping) or not callable(spec.get("compute")):
        raise ClientError(
            f"{label}: computed field `{model.name}.{name}` needs {{'needs': {{...}}, 'compute': fn}}"
        )
    needs_spec = spec.get("needs") or {}
    needs = (
        tuple(k for k, v in needs_spec.items() if v) if isinstance(needs_spec, Mapping) else tuple(needs_spec)
    )
    known = {f.name for f in model.scalar_fields} | {c.name for c in earlier}
    for n in needs:
        if n not in known:
            raise ClientError(
                f"{label}: computed field `{model.name}.{name}` needs `{n}`, which is neither a scalar "
                f"field of `{model.name}` nor a computed field defined before it"
            )
    return Computed(model.name, name, needs, spec["compute"])


async def run_hooked(
    hooks: tuple[Hook, ...],
    model: str | None,
    operation: str,
    args: Mapping[str, Any],
    terminal: Callable[[dict[str, Any]], Awaitable[Any]],
) -> Any:
    """Call `hooks[0]`, whose `next` calls `hooks[1]`, ..., whose `next` runs `terminal`."""

    async def call(i: int, a: dict[str, Any]) -> Any:
        if i == len(hooks):
            return await terminal(a)
        params = QueryParams(model, operation, dict(a))

        async def next_(new_args: Mapping[str, Any] | None = None) -> Any:
            return await call(i + 1, dict(params.args if new_args is None else new_args))

        return await hooks[i](params, next_)

    return await call(0, dict(args))
