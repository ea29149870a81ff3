"""The generated module's typed parts: per model a TypedDict for the record and for every
operation's inputs, a delegate with typed signatures, and the typed `Client` (see `generate`)."""


from __future__ import annotations

import keyword
import re
from typing import Any

from ..schema.model import Field, Model, Schema
from .embed import GenerateError

__all__ = ["DELEGATE_METHODS", "TypedParts"]

DEFAULT_OUTPUT = "prisma_edge_client.py"
OUT = {"String": "str", "Int": "int", "BigInt": "int", "Float": "float", "Decimal": "_Decimal", "Boolean": "bool",
       "DateTime": "_dt.datetime", "Json": "_t.Any", "Bytes": "bytes"}
IN = {**OUT, "Decimal": "_Decimal | float | str", "DateTime": "_dt.datetime | _dt.date | str",
      "Bytes": "bytes | bytearray | memoryview"}
ORDERABLE = {"String", "Int", "BigInt", "Float", "Decimal", "DateTime", "Boolean", "Bytes"}
NUMERIC = {"Int", "BigInt", "Float", "Decimal"}
# Names the generated Client must not shadow with a model property.
CLIENT_ATTRS = {"schema", "plan_cache", "adapter", "batch", "tx", "query_raw", "query_first", "execute_raw", "close",
                "extend", "on", "with_adapter", "warm", "lazy"}
# Module-level names the generated module defines itself: a model with one of these names gets its
# record TypedDict as `<Model>Record` (a model may well be called `Client`).
RESERVED = {"Client", "TransactionClient", "SyncClient", "SyncTransactionClient", "GlobalOmit", "SortOrder", "SortOrderInput", "QueryMode", "RelationCountOrderBy",
            "SCHEMA", "SCHEMA_SHA256"}
DELEGATE_METHODS = ("find_unique", "find_unique_or_raise", "find_first", "find_first_or_raise", "find_many", "count",
                    "aggregate", "group_by", "create", "create_many", "create_many_and_return", "update", "update_many",
                    "update_many_and_return", "upsert", "delete", "delete_many")


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _lit(values: Any) -> str:
    return "_t.Literal[" + ", ".join(repr(v) for v in values) + "]"


class _Module:
    """Collects the module's definitions; checks that no generated name is defined twice."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.names: set[str] = set()

    def define(self, name: str) -> None:
        if name in self.names or keyword.iskeyword(name) or name.startswith("_"):
            raise GenerateError(f"the generated name `{name}` clashes with another one; rename the model or enum")
        self.names.add(name)

    def add(self, text: str) -> None:
        self.parts.append(text)

    def typeddict(self, name: str, items: list[tuple[str, str, str]], *, total: bool = False, doc: str | None = None) -> None:
        """items: (key, type, "Required" | "NotRequired" | ""). Class syntax unless a key is not an identifier.

        Required and optional keys go in a total base class and a `total=False` subclass rather
        than `Required[...]` wrappers: with postponed (string) annotations the runtime cannot see
        the wrappers, and `__required_keys__` would be wrong for pydantic & co.
        """
        self.define(name)
        wrap = [(k, f"_t.{req}[{t}]" if req else t) for k, t, req in items]
        total_arg = "" if total else ", total=False"
        if all(k.isidentifier() and not keyword.iskeyword(k) for k, _ in wrap):
            required = [(k, t) for k, t, r in items if r == "Required" or total and not r]
            optional = [(k, t) for k, t, r in items if r == "NotRequired" or not total and not r]
            head = [f'    """{doc}"""'] if doc else []
            if required and optional:
                self.add(f"class _{name}Keys(_t.TypedDict):\n" + "\n".join(f"    {k}: {t}" for k, t in required))
                base, body = f"_{name}Keys, total=False", head + [f"    {k}: {t}" for k, t in optional]
            else:
                base, body = f"_t.TypedDict{'' if required else ', total=False'}", head + [
                    f"    {k}: {t}" for k, t in required + optional]
            self.add(f"class {name}({base}):\n" + "\n".join(body or ["    pass"]))
        else:  # keys like `not` / `in`: the functional syntax (types as forward-reference strings)
            entries = "".join(f"\n    {k!r}: {t!r}," for k, t in wrap)
            self.add(f"{name} = _t.TypedDict({name!r}, {{{entries}\n}}{total_arg})")

    def alias(self, name: str, target: str) -> None:
        self.define(name)
        self.add(f"{name}: _t.TypeAlias = {target}")


class TypedParts:
    def __init__(self, schema: Schema, computed: dict[str, list[tuple[str, str]]] | None = None) -> None:
        self.s = schema
        self.m = _Module()
        self.computed = computed or {}  # model -> [(computed field, type)] (generate/computed.py)

    # ---- shared types ---------------------------------------------------------------------

    def value_in(self, f: Field) -> str:
        t = f.type if f.kind == "enum" else IN[f.type]
        return f"list[{t}]" if f.is_list else t

    def value_out(self, f: Field) -> str:
        t = f.type if f.kind == "enum" else OUT[f.type]
        t = f"list[{t}]" if f.is_list else t
        return t if f.is_required or f.is_list else f"{t} | None"

    def shared(self) -> None:
        m = self.m
        m.alias("SortOrder", _lit(("asc", "desc")))
        m.typeddict("SortOrderInput", [("sort", "SortOrder", "Required"), ("nulls", _lit(("first", "last")), "")])
        m.alias("QueryMode", _lit(("default", "insensitive")))
        m.typeddict("RelationCountOrderBy", [("_count", "SortOrder", "Required")])
        for e in self.s.enums:
            m.alias(e.name, _lit(v.name for v in e.values))
        fields = [f for mo in self.s.models for f in mo.fields if f.kind != "object" and f.type != "Json"]
        for type_, kind, nullable in sorted({(f.type, f.kind, not f.is_required) for f in fields if not f.is_list}):
            name, t = _filter(type_, nullable), type_ if kind == "enum" else IN[type_]
            v = f"{t} | _FieldRef"  # a FieldRef compares with another field of the record
            null = " | None" if nullable else ""
            items = [("equals", v + null, ""), ("not", f"{v} | {name}{null}", "")]
            if type_ != "Boolean":
                items += [(k, f"_t.Sequence[{t}]", "") for k in ("in", "not_in")]
            if kind != "enum" and type_ in ORDERABLE - {"Boolean"}:
                items += [(k, v, "") for k in ("lt", "lte", "gt", "gte")]
            if type_ == "String":
                items += [(k, "str | _FieldRef", "") for k in ("contains", "startswith", "endswith")]
                items.append(("mode", "QueryMode", ""))
            m.typeddict(name, items)
        for type_, kind in sorted({(f.type, f.kind) for f in fields if f.is_list}):
            t = type_ if kind == "enum" else IN[type_]
            m.typeddict(f"{type_}ListFilter", [("has", t, ""), ("has_every", f"_t.Sequence[{t}]", ""),
                                               ("has_some", f"_t.Sequence[{t}]", ""), ("is_empty", "bool", ""),
                                               ("equals", f"_t.Sequence[{t}] | None", "")])
        for type_, kind in sorted({(f.type, f.kind) for f in fields}):
            t = type_ if kind == "enum" else IN[type_]
            ops = ("set", "increment", "decrement", "multiply", "divide") if type_ in NUMERIC else ("set",)
            m.typeddict(f"{type_}FieldUpdateOperations", [(op, f"{t} | None" if op == "set" else t, "") for op in ops])

    # ---- per model --------------------------------------------------------------------------

    def fk_fields(self, model: Model) -> set[str]:
        return {n for f in model.relation_fields if f.relation and f.relation.holds_fk for n in f.relation.fields}

    def model_types(self, model: Model) -> None:
        m, n = self.m, model.name
        scalars = model.scalar_fields
        lists = [f for f in model.relation_fields if f.is_list]
        fks = self.fk_fields(model)
        # record
        rec: list[tuple[str, str, str]] = [(f.name, self.value_out(f), "") for f in scalars]
        for f in model.relation_fields:
            r = _record(f.type)
            t = f"list[{r}]" if f.is_list else r if f.is_required else f"{r} | None"
            rec.append((f.name, t, "NotRequired"))
        if lists:
            rec.append(("_count", f"{n}Count", "NotRequired"))
            m.typeddict(f"{n}Count", [(f.name, "int", "") for f in lists])
        computed = self.computed.get(n, [])
        rec += [(c, t, "NotRequired") for c, t in computed]  # present unless omitted or not selected
        m.typeddict(_record(n), rec, total=True, doc=_doc(model.documentation) or f"A `{n}` record as the client returns it.")
        m.alias(f"{n}ScalarField", _lit(f.name for f in scalars))
        # where
        where: list[tuple[str, str, str]] = [("AND", f"{n}WhereInput | _t.Sequence[{n}WhereInput]", ""),
                                             ("OR", f"{n}WhereInput | _t.Sequence[{n}WhereInput]", ""),
                                             ("NOT", f"{n}WhereInput | _t.Sequence[{n}WhereInput]", "")]
        for f in model.fields:
            if f.kind == "object":
                t = f"{f.type}ListRelationFilter" if f.is_list else f"{f.type}RelationFilter | {f.type}WhereInput"
            elif f.type == "Json":
                t = "_t.Any"  # values, or the Json nulls (DbNull, JsonNull, AnyNull)
            elif f.is_list:
                t = f"{self.value_in(f)} | {f.type}ListFilter"  # PostgreSQL scalar lists
            else:
                t = f"{self.value_in(f)} | {_filter(f.type, not f.is_required)}"
            where.append((f.name, t if f.is_required or f.is_list else f"{t} | None", ""))
        m.typeddict(f"{n}WhereInput", where)
        unique_single = {u.fields[0] for u in model.uniques if len(u.fields) == 1}
        wu = [(k, self.value_in(model.field(k)) if k in unique_single else t, r)  # type: ignore[arg-type]
              for k, t, r in where]
        for u in model.uniques:
            if len(u.fields) > 1 and model.field(u.name) is None:
                cname = f"{n}{_pascal(u.name)}CompoundUniqueInput"
                m.typeddict(cname, [(k, self.value_in(model.field(k)), "") for k in u.fields], total=True)  # type: ignore[arg-type]
                wu.append((u.name, cname, ""))
        m.typeddict(f"{n}WhereUniqueInput", wu, doc="A unique field (or compound selector) with a value; other filters may follow.")
        m.typeddict(f"{n}ListRelationFilter", [(k, f"{n}WhereInput", "") for k in ("some", "every", "none")])
        m.typeddict(f"{n}RelationFilter", [(k, f"{n}WhereInput | None", "") for k in ("is", "is_not")])
        # order
        order = []
        for f in model.fields:
            if f.kind == "object":
                order.append((f.name, "RelationCountOrderBy" if f.is_list else f"{f.type}OrderBy", ""))
            elif not f.is_list and (f.type in ORDERABLE or f.kind == "enum"):
                order.append((f.name, "SortOrder | SortOrderInput", ""))
        m.typeddict(f"{n}OrderBy", order)
        # selection
        rel_sel = [(f.name, f"bool | {f.type}{'FindManyArgs' if f.is_list else 'Args'}", "") for f in model.relation_fields]
        count = [("_count", f"bool | {n}CountSelectArgs", "")] if lists else []
        own = [(f.name, "bool", "") for f in scalars] + [(c, "bool", "") for c, _ in computed]
        m.typeddict(f"{n}Select", own + rel_sel + count)
        m.typeddict(f"{n}Include", rel_sel + count)
        m.typeddict(f"{n}Omit", own)
        if lists:
            m.typeddict(f"{n}CountSelectArgs", [("select", f"{n}CountSelect", "")])
            m.typeddict(f"{n}CountSelect", [(f.name, f"bool | {f.type}CountFilter", "") for f in lists])
        m.typeddict(f"{n}CountFilter", [("where", f"{n}WhereInput", "")])
        args = [("select", f"{n}Select", ""), ("include", f"{n}Include", ""), ("omit", f"{n}Omit", "")]
        m.typeddict(f"{n}Args", args)
        window = [("where", f"{n}WhereInput", ""), ("order", f"{n}OrderBy | _t.Sequence[{n}OrderBy]", ""),
                  ("take", "int", ""), ("skip", "int", ""), ("cursor", f"{n}WhereUniqueInput", "")]
        distinct = [("distinct", f"{n}ScalarField | _t.Sequence[{n}ScalarField]", "")]
        m.typeddict(f"{n}FindManyArgs", window + distinct + args)
        m.typeddict(f"{n}CountArgs", window + distinct + [("select", f"{n}CountAggregateInput", "")])
        m.typeddict(f"{n}AggregateArgs", window + self.aggregates(n))
        m.typeddict(f"{n}GroupByArgs", [("where", f"{n}WhereInput", ""), ("having", "_t.Mapping[str, _t.Any]", ""),
                                        ("order", "_t.Any", ""), ("take", "int", ""), ("skip", "int", "")] + self.aggregates(n))
        # writes
        create, create_many, update, update_many = [], [], [], []
        for f in scalars:
            required = f.is_required and not f.is_list and f.default is None and not f.is_updated_at
            t_in = self.value_in(f) if f.is_required or f.is_list else f"{self.value_in(f)} | None"
            create.append((f.name, t_in, "Required" if required and f.name not in fks else ""))
            create_many.append((f.name, t_in, ""))
            upd = t_in if f.type == "Json" or f.is_list else f"{t_in} | {f.type}FieldUpdateOperations"
            update.append((f.name, upd, ""))
            update_many.append((f.name, upd, ""))
        for f in model.relation_fields:
            create.append((f.name, f"{f.type}CreateNested{'Many' if f.is_list else 'One'}Input", ""))
            update.append((f.name, f"{f.type}UpdateNested{'Many' if f.is_list else 'One'}Input", ""))
        m.typeddict(f"{n}CreateInput", create, doc="Foreign keys are optional here: a relation write may set them.")
        m.typeddict(f"{n}CreateManyInput", create_many)
        m.typeddict(f"{n}UpdateInput", update)
        m.typeddict(f"{n}UpdateManyInput", update_many)
        m.typeddict(f"{n}UpsertInput", [("create", f"{n}CreateInput", "Required"), ("update", f"{n}UpdateInput", "")])
        self.nested_types(n)
        self.aggregate_types(model)

    def nested_types(self, n: str) -> None:
        m = self.m
        one, many = f"{n}WhereUniqueInput", f"{n}WhereUniqueInput | _t.Sequence[{n}WhereUniqueInput]"
        m.typeddict(f"{n}ConnectOrCreateInput", [("where", one, "Required"), ("create", f"{n}CreateInput", "Required")])
        m.typeddict(f"{n}CreateManyNestedInput", [("data", f"{n}CreateManyInput | _t.Sequence[{n}CreateManyInput]", "Required"),
                                                  ("skip_duplicates", "bool", "")])
        coc = f"{n}ConnectOrCreateInput"
        create_one = [("create", f"{n}CreateInput", ""), ("connect", one, ""), ("connect_or_create", coc, "")]
        create_many = [("create", f"{n}CreateInput | _t.Sequence[{n}CreateInput]", ""), ("connect", many, ""),
                       ("connect_or_create", f"{coc} | _t.Sequence[{coc}]", ""),
                       ("create_many", f"{n}CreateManyNestedInput", "")]
        m.typeddict(f"{n}CreateNestedOneInput", create_one)
        m.typeddict(f"{n}CreateNestedManyInput", create_many)
        m.typeddict(f"{n}UpdateToOneWithWhereInput", [("where", f"{n}WhereInput", ""), ("data", f"{n}UpdateInput", "Required")])
        m.typeddict(f"{n}UpdateNestedOneInput", create_one + [
            ("disconnect", "bool", ""), ("delete", "bool", ""),
            ("update", f"{n}UpdateInput | {n}UpdateToOneWithWhereInput", "")])
        uw, umw = f"{n}UpdateWithWhereUniqueInput", f"{n}UpdateManyWithWhereInput"
        m.typeddict(uw, [("where", one, "Required"), ("data", f"{n}UpdateInput", "Required")])
        m.typeddict(umw, [("where", f"{n}WhereInput", ""), ("data", f"{n}UpdateManyInput", "Required")])
        where_many = f"{n}WhereInput | _t.Sequence[{n}WhereInput]"
        m.typeddict(f"{n}UpdateNestedManyInput", create_many + [
            ("disconnect", many, ""), ("set", f"_t.Sequence[{one}]", ""), ("delete", many, ""),
            ("delete_many", where_many, ""), ("update", f"{uw} | _t.Sequence[{uw}]", ""),
            ("update_many", f"{umw} | _t.Sequence[{umw}]", "")])

    def aggregate_types(self, model: Model) -> None:
        n, scalars = model.name, [f for f in model.scalar_fields if not f.is_list]
        self.m.typeddict(f"{n}CountAggregateInput", [("_all", "bool", "")] + [(f.name, "bool", "") for f in scalars])
        self.m.typeddict(f"{n}SumAggregateInput", [(f.name, "bool", "") for f in scalars if f.type in NUMERIC])
        self.m.typeddict(f"{n}MinMaxAggregateInput",
                         [(f.name, "bool", "") for f in scalars if f.type in ORDERABLE or f.kind == "enum"])

    @staticmethod
    def aggregates(n: str) -> list[tuple[str, str, str]]:
        return [("_count", f"bool | {n}CountAggregateInput", ""), ("_sum", f"{n}SumAggregateInput", ""),
                ("_avg", f"{n}SumAggregateInput", ""), ("_min", f"{n}MinMaxAggregateInput", ""),
                ("_max", f"{n}MinMaxAggregateInput", "")]

    # ---- delegates and client ---------------------------------------------------------------

    def delegate(self, model: Model) -> None:
        n, rec = model.name, _record(model.name)
        self.m.define(f"{n}Delegate")
        sel = f"select: {n}Select = ..., include: {n}Include = ..., omit: {n}Omit = ..."
        where, wu = f"where: {n}WhereInput = ..., /", f"where: {n}WhereUniqueInput"
        many = f"{where}, **kwargs: _t.Unpack[{n}FindManyArgs]"
        sigs = {
            "find_unique": (f"{wu}, *, {sel}", f"{rec} | None"),
            "find_unique_or_raise": (f"{wu}, *, {sel}", rec),
            "find_first": (many, f"{rec} | None"),
            "find_first_or_raise": (many, rec),
            "find_many": (many, f"list[{rec}]"),
            "count": (f"{where}, **kwargs: _t.Unpack[{n}CountArgs]", "_t.Any"),
            "aggregate": (f"{where}, **kwargs: _t.Unpack[{n}AggregateArgs]", "dict[str, _t.Any]"),
            "group_by": (f"by: {n}ScalarField | _t.Sequence[{n}ScalarField], **kwargs: _t.Unpack[{n}GroupByArgs]",
                         "list[dict[str, _t.Any]]"),
            "create": (f"data: {n}CreateInput, *, {sel}", rec),
            "create_many": (f"data: _t.Sequence[{n}CreateManyInput], *, skip_duplicates: bool = ...", "int"),
            "create_many_and_return": (f"data: _t.Sequence[{n}CreateManyInput], *, skip_duplicates: bool = ..., {sel}",
                                       f"list[{rec}]"),
            "update": (f"data: {n}UpdateInput, {wu}, *, {sel}", rec),
            "update_many_and_return": (f"data: {n}UpdateManyInput, where: {n}WhereInput = ..., *, limit: int = ..., {sel}",
                                       f"list[{rec}]"),
            "update_many": (f"data: {n}UpdateManyInput, where: {n}WhereInput = ..., *, limit: int = ...", "int"),
            "upsert": (f"{wu}, data: {n}UpsertInput = ..., *, create: {n}CreateInput = ..., "
                       f"update: {n}UpdateInput = ..., {sel}", rec),
            "delete": (f"{wu}, *, {sel}", rec),
            "delete_many": (f"where: {n}WhereInput = ..., *, limit: int = ...", "int"),
        }
        assert set(sigs) == set(DELEGATE_METHODS)
        methods = "".join(f"\n        def {name}(self, {args}) -> _Operation[{ret}]: ...  # type: ignore[override, unused-ignore]"
                          for name, (args, ret) in sigs.items())
        sync_methods = "".join(f"\n        def {name}(self, {args}) -> {ret}: ...  # type: ignore[override, unused-ignore]"
                               for name, (args, ret) in sigs.items())
        self.m.define(f"Sync{n}Delegate")
        self.m.add(f'class Sync{n}Delegate(_SyncDelegate):\n    """`db.{self.props[n][0]}` of the sync client: results returned directly."""\n\n'
                   f"    if _t.TYPE_CHECKING:{sync_methods}")
        self.m.add(f'class {n}Delegate(_ModelDelegate):\n    """`db.{self.props[n][0]}`: operations on `{n}`; '
                   f'signatures for type checkers only, behaviour is `ModelDelegate`\'s."""\n\n'
                   f"    if _t.TYPE_CHECKING:{methods}")

    def client(self) -> None:
        props = "".join(f"\n    @property\n    def {p}(self) -> {n}Delegate:\n        return self._typed({n!r}, {n}Delegate)\n"
                        for n, names in self.props.items() for p in names)
        tx_props = "".join(f"\n    @property\n    def {p}(self) -> {n}Delegate: ...\n"
                           for n, names in self.props.items() for p in names)
        sync_props = "".join(f"\n    @property\n    def {p}(self) -> Sync{n}Delegate:\n"
                             f"        return Sync{n}Delegate(self._async._typed({n!r}, {n}Delegate), self._loop)\n"
                             for n, names in self.props.items() for p in names)
        sync_tx_props = "".join(f"\n    @property\n    def {p}(self) -> Sync{n}Delegate: ...\n"
                                for n, names in self.props.items() for p in names)
        omit_keys = [(p, f"{n}Omit", "") for n, names in self.props.items() for p in dict.fromkeys([*names, n])]
        self.m.typeddict("GlobalOmit", omit_keys, doc="`Client(omit=...)`: per model, the fields hidden unless a query asks.")
        for name in ("TransactionClient", "Client", "SyncTransactionClient", "SyncClient"):
            self.m.define(name)
        options = ("url: str | None = ..., adapter: _t.Any = ...,\n"
                   "                     adapter_options: _t.Mapping[str, _t.Any] | None = ..., plan_cache_size: int = ...,\n"
                   "                     log: _t.Sequence[_t.Any] | None = ..., log_params: bool = ..., tracing: bool = ...,\n"
                   "                     omit: GlobalOmit = ...")
        # the typed signature for checkers (`= ...`: a misspelt omit key is named); at run time the library's
        init = (f"    if _t.TYPE_CHECKING:\n        def __init__(self, schema: _t.Any = ..., *, {options}) -> None: ...\n"
                "    else:\n        def __init__(self, schema=None, **options):\n"
                "            super().__init__(_schema() if schema is None else schema, **options)")
        # the async client also takes the plans `generate --queries` embedded (a no-op when none)
        async_init = init + "\n            self.plan_cache.preload(_plans())"
        raw = ("    async def query_raw(self, sql: str, *params: _t.Any) -> list[dict[str, _t.Any]]: ...\n\n"
               "    async def query_first(self, sql: str, *params: _t.Any) -> dict[str, _t.Any] | None: ...\n\n"
               "    async def execute_raw(self, sql: str, *params: _t.Any) -> int: ...")
        sync_raw = raw.replace("async def ", "def ")
        self.m.add(f'''class TransactionClient(_t.Protocol):
    """The client inside `async with db.tx() as tx:` (every operation runs in the transaction)."""
{tx_props}
{raw}


_D = _t.TypeVar("_D", bound=_ModelDelegate)


class Client(_Client):
    """`prisma_edge.Client` for this schema (embedded: no file needed), with typed model delegates."""

{async_init}

    def _typed(self, name: str, cls: type[_D]) -> _D:
        d = self._delegates.get(name)
        if type(d) is not cls:
            model = self.schema.model(name)
            assert model is not None
            d = self._delegates[name] = cls(self, model)
        return d  # type: ignore[return-value, unused-ignore]
{props}
    if _t.TYPE_CHECKING:
        def tx(self, *, isolation: _IsolationLevel | None = None, timeout: float | None = None
               ) -> _t.AsyncContextManager[TransactionClient]: ...


class SyncTransactionClient(_t.Protocol):
    """The client inside `with db.tx() as tx:` of the sync client."""
{sync_tx_props}
{sync_raw}


class SyncClient(_SyncClient):
    """`prisma_edge.sync.Client` for this schema: the same operations, results returned directly."""

    _async_class = Client

{init}
{sync_props}
    if _t.TYPE_CHECKING:
        _async: Client

        @property
        def lazy(self) -> Client: ...

        def tx(self, *, isolation: _IsolationLevel | None = None, timeout: float | None = None
               ) -> _t.ContextManager[SyncTransactionClient]: ...''')

    def property_names(self) -> dict[str, list[str]]:
        taken = set(CLIENT_ATTRS)
        out: dict[str, list[str]] = {}
        for model in self.s.models:
            names = [p for p in dict.fromkeys((_snake(model.name), model.name.lower()))
                     if p not in taken and not keyword.iskeyword(p) and not p.startswith("_")]
            out[model.name] = names or [model.name]
            taken.update(out[model.name])
        return out

    def run(self) -> list[str]:
        self.props = self.property_names()
        self.shared()
        for model in self.s.models:
            self.model_types(model)
        for model in self.s.models:
            self.delegate(model)
        self.client()
        return self.m.parts


def _filter(type_: str, nullable: bool) -> str:
    return f"{type_}{'Nullable' if nullable else ''}Filter"


def _record(model: str) -> str:
    """The record TypedDict's name: the model's, unless the module needs that name itself."""
    return f"{model}Record" if model in RESERVED else model


def _pascal(name: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[_\W]+", name) if p)


def _doc(text: str | None) -> str | None:
    return text.replace("\\", "\\\\").replace('"""', "'''").strip() if text else None


