"""Semantic pass: syntax tree -> the frozen `Schema`, validated the way `prisma validate` does.

Everything later layers need is decided here once: field kinds, database names, primary keys and
unique selectors, defaults as Python values, and for every relation field the exact join (both
directions) or the implicit many-to-many join table. Messages follow Prisma's wording so users
can search for them. Problems are collected per phase; the first (by position) is raised, and the
others are listed after it and kept on `SchemaError.errors`.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from typing import Any

from prisma_edge.errors import SchemaError, redact
from prisma_edge.schema.model import (
    SCALAR_TYPES,
    Datasource,
    Default,
    Enum,
    EnumValue,
    Field,
    Generator,
    Index,
    Model,
    NativeType,
    Relation,
    Schema,
    UniqueIndex,
)
from prisma_edge.schema.parser import Arg, Attribute, Block, Expr, FieldDecl

PROVIDERS = {"sqlite": "sqlite", "postgresql": "postgresql", "postgres": "postgresql", "mysql": "mysql"}
# attribute -> accepted argument names (the first is the positional one where it has one)
FIELD_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "id": ("map", "length", "sort", "clustered"), "unique": ("map", "length", "sort", "clustered"),
    "default": ("value", "map"), "map": ("name",), "updatedAt": (), "ignore": (),
    "relation": ("name", "fields", "references", "onDelete", "onUpdate", "map"),
}
MODEL_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "id": ("fields", "name", "map", "length", "sort", "clustered"),
    "unique": ("fields", "name", "map", "length", "sort", "clustered"),
    "index": ("fields", "map", "name", "type", "clustered"), "map": ("name",), "ignore": (),
    "schema": ("name",), "fulltext": ("fields", "map"),
}
_INTS, _STR = ("Int", "BigInt"), ("String",)
# function -> (scalar types it fits; () = any, None = valid Prisma we do not support, allowed args)
DEFAULT_FUNCTIONS: dict[str, tuple[tuple[str, ...] | None, tuple[str, ...]]] = {
    "autoincrement": (_INTS, ()), "now": (("DateTime",), ()), "uuid": (_STR, ("4", "7")),
    "cuid": (_STR, ("1", "2")), "dbgenerated": ((), ()), "nanoid": (None, ()), "ulid": (None, ()),
    "sequence": (None, ()), "auto": (None, ()),
}
_S, _I, _B, _F, _D, _BO, _DT, _J, _BY = ("String",), ("Int",), ("BigInt",), ("Float",), ("Decimal",), \
    ("Boolean",), ("DateTime",), ("Json",), ("Bytes",)
# `@db.<name>` per provider -> (scalar types it fits, allowed argument counts); checked against Prisma 6.19.
NATIVE_TYPES: dict[str, dict[str, tuple[tuple[str, ...], tuple[int, ...]]]] = {
    "postgresql": {
        "Text": (_S, (0,)), "Char": (_S, (0, 1)), "VarChar": (_S, (0, 1)), "Bit": (_S, (0, 1)),
        "VarBit": (_S, (0, 1)), "Uuid": (_S, (0,)), "Xml": (_S, (0,)), "Inet": (_S, (0,)),
        "Citext": (_S, (0,)), "Boolean": (_BO, (0,)), "Integer": (_I, (0,)), "SmallInt": (_I, (0,)),
        "Oid": (_I, (0,)), "BigInt": (_B, (0,)), "DoublePrecision": (_F, (0,)), "Real": (_F, (0,)),
        "Decimal": (_D, (0, 2)), "Money": (_D, (0,)), "Timestamp": (_DT, (0, 1)),
        "Timestamptz": (_DT, (0, 1)), "Date": (_DT, (0,)), "Time": (_DT, (0, 1)), "Timetz": (_DT, (0, 1)),
        "Json": (_J, (0,)), "JsonB": (_J, (0,)), "ByteA": (_BY, (0,)),
    },
    "mysql": {
        "VarChar": (_S, (1,)), "Text": (_S, (0,)), "Char": (_S, (1,)), "TinyText": (_S, (0,)),
        "MediumText": (_S, (0,)), "LongText": (_S, (0,)), "Bit": (_BO + _BY, (1,)), "Binary": (_BY, (1,)),
        "VarBinary": (_BY, (1,)), "TinyBlob": (_BY, (0,)), "Blob": (_BY, (0,)), "MediumBlob": (_BY, (0,)),
        "LongBlob": (_BY, (0,)), "Int": (_I, (0,)), "UnsignedInt": (_I, (0,)), "SmallInt": (_I, (0,)),
        "UnsignedSmallInt": (_I, (0,)), "MediumInt": (_I, (0,)), "UnsignedMediumInt": (_I, (0,)),
        "TinyInt": (_BO + _I, (0,)), "UnsignedTinyInt": (_BO + _I, (0,)), "BigInt": (_B, (0,)),
        "UnsignedBigInt": (_B, (0,)), "Year": (_I, (0,)), "Float": (_F, (0,)), "Double": (_F, (0,)),
        "Decimal": (_D, (0, 2)), "DateTime": (_DT, (0, 1)), "Timestamp": (_DT, (0, 1)), "Date": (_DT, (0,)),
        "Time": (_DT, (0, 1)), "Json": (_J, (0,)),
    },
}
_DEFAULT_VERSION = {"uuid": 4, "cuid": 1}  # `uuid()` is uuid(4), `cuid()` is cuid(1), as in Prisma's DMMF
REFERENTIAL_ACTIONS = ("Cascade", "Restrict", "NoAction", "SetNull", "SetDefault")


class Problems:
    """Collects SchemaErrors for one source; `check()` raises the first if any were found."""

    def __init__(self, source_name: str) -> None:
        self.source_name = source_name
        self.items: list[tuple[int, int, str]] = []

    def add(self, message: str, at: Any) -> None:
        self.items.append((at.line, at.column, message))

    def check(self) -> None:
        if not self.items:
            return
        errs = [SchemaError(m, line, col, source_name=self.source_name) for line, col, m in sorted(self.items)]
        first = errs[0]
        message = min(self.items)[2]
        if len(errs) > 1:
            message += f"\n(and {len(errs) - 1} more problem{'s' if len(errs) > 2 else ''}:"
            message += "".join(f"\n  {e}" for e in errs[1:6]) + ("\n  ..." if len(errs) > 6 else "") + ")"
        err = SchemaError(message, first.line, first.column, source_name=self.source_name)
        err.errors = errs  # type: ignore[attr-defined]
        raise err


class FieldDraft:
    """A field while the schema is being resolved (mutable; frozen into `Field` at the end)."""

    __slots__ = ("decl", "kind", "db_name", "is_id", "is_unique", "unique_map", "id_map", "is_updated_at",
                 "default", "native_type", "relation", "rel_args", "ignored")

    def __init__(self, decl: FieldDecl, kind: str) -> None:
        self.decl, self.kind, self.db_name = decl, kind, decl.name
        self.is_id = self.is_unique = self.is_updated_at = self.ignored = False
        self.unique_map: str | None = None
        self.id_map: str | None = None
        self.default: Default | None = None
        self.native_type: NativeType | None = None
        self.relation: Any = None
        self.rel_args: dict[str, Expr] = {}

    @property
    def name(self) -> str:
        return self.decl.name

    @property
    def type(self) -> str:
        return self.decl.type

    @property
    def required(self) -> bool:
        return not self.decl.optional

    def freeze(self) -> Field:
        d = self.decl
        return Field(name=d.name, type=d.type, kind=self.kind, db_name=self.db_name, is_list=d.is_list,  # type: ignore[arg-type]
                     is_required=not d.optional, is_id=self.is_id, is_unique=self.is_unique,
                     is_updated_at=self.is_updated_at, default=self.default, native_type=self.native_type,
                     relation=self.relation, documentation=d.documentation, line=d.line)


class ModelDraft:
    __slots__ = ("block", "db_name", "fields", "by_name", "primary_key", "uniques", "indexes", "ignored",
                 "constraints")

    def __init__(self, block: Block) -> None:
        self.block = block
        self.db_name = block.name
        self.fields: list[FieldDraft] = []
        self.by_name: dict[str, FieldDraft] = {}
        self.primary_key: tuple[str, ...] = ()
        self.uniques: list[UniqueIndex] = []
        self.indexes: list[Index] = []
        self.ignored = False
        # (kind "pk"/"unique"/"index", database constraint name, where it was declared)
        self.constraints: list[tuple[str, str, Any]] = []

    @property
    def name(self) -> str:
        return self.block.name


def resolve(blocks: list[Block], source_name: str = "schema.prisma") -> Schema:
    """Validate the parsed blocks and build the Schema (raises SchemaError)."""
    return _Resolver(blocks, source_name).run()


class _Resolver:
    def __init__(self, blocks: list[Block], source_name: str) -> None:
        self.blocks = blocks
        self.p = Problems(source_name)
        self.provider = "sqlite"
        self.ds_name = "db"
        self.enums: dict[str, Block] = {}
        self.models: dict[str, ModelDraft] = {}

    def run(self) -> Schema:
        by_kw: dict[str, list[Block]] = {"datasource": [], "generator": [], "model": [], "enum": []}
        for b in self.blocks:
            by_kw[b.keyword].append(b)
        datasource = self.datasource(by_kw["datasource"])
        generators = tuple(self.generator(b) for b in by_kw["generator"])
        self.names(by_kw["model"], by_kw["enum"])
        enums = tuple(self.enum(b) for b in self.enums.values())
        self.p.check()
        for m in self.models.values():
            self.model_fields(m)
        self.p.check()
        for m in self.models.values():
            self.model_keys(m)
        self.database_names()
        self.p.check()
        resolve_relations(self.models, self.p, self.provider,
                          datasource.relation_mode if datasource else "foreignKeys")
        self.p.check()
        models = tuple(
            Model(name=m.name, db_name=m.db_name, fields=tuple(f.freeze() for f in m.fields if not f.ignored),
                  primary_key=m.primary_key, uniques=tuple(m.uniques), indexes=tuple(m.indexes),
                  documentation=m.block.documentation, line=m.block.line)
            for m in self.models.values() if not m.ignored
        )
        return Schema(models=models, enums=enums, datasource=datasource, generators=generators)

    # -- argument helpers ------------------------------------------------------------------------

    def args(self, attr: Attribute, prefix: str, allowed: tuple[str, ...],
             positional: str | None = None) -> dict[str, Expr]:
        """Map an attribute's arguments to names, reporting unknown, duplicate or extra ones."""
        out: dict[str, Expr] = {}
        for a in attr.args:
            name = a.name or positional
            if name is None or (a.name is None and positional in out):
                self.p.add(f"`{prefix}{attr.name}` takes no positional argument here: `{a.describe()}`", a)
                continue
            if name not in allowed:
                hint = _suggest(name, allowed)
                self.p.add(f"unknown argument `{name}` for `{prefix}{attr.name}`{hint}; "
                           f"expected {', '.join(f'`{x}`' for x in allowed) or 'no arguments'}", a)
                continue
            if name in out:
                self.p.add(f"argument `{name}` is given twice in `{prefix}{attr.name}`", a)
                continue
            out[name] = a.value
        return out

    def string(self, e: Expr | None, what: str) -> str | None:
        if e is None:
            return None
        if e.kind != "string":
            self.p.add(f"{what} must be a string, found `{e.describe()}`", e)
            return None
        return e.value

    def names_list(self, e: Expr | None, what: str) -> list[Expr]:
        """`[a, b(sort: Desc)]` -> the name expressions (index options such as sort/length are accepted)."""
        if e is None:
            return []
        if e.kind != "array" or not all(isinstance(i, Expr) and i.kind in ("const", "call") for i in e.items):
            self.p.add(f"{what} must be a list of field names such as `[a, b]`, found `{e.describe()}`", e)
            return []
        return list(e.items)  # type: ignore[arg-type]

    # -- datasource and generators --------------------------------------------------------------

    def datasource(self, blocks: list[Block]) -> Datasource | None:
        if not blocks:
            return None
        for extra in blocks[1:]:
            self.p.add("you defined more than one datasource; only one is allowed", extra)
        b = blocks[0]
        props = self.properties(b)
        self.reserved(b)
        self.ds_name = b.name
        prov = props.get("provider")
        provider = "sqlite"
        if prov is None:
            self.p.add(f'argument "provider" is missing in datasource block "{b.name}"', b)
        elif (text := self.string(prov, "`provider`")) is not None:
            if text not in PROVIDERS:
                supported = ", ".join(f'"{x}"' for x in ("sqlite", "postgresql", "mysql"))
                self.p.add(f'unsupported datasource provider "{text}": prisma-edge supports {supported}', prov)
            else:
                provider = PROVIDERS[text]
        self.provider = provider
        url, url_env = self.url_value(props.get("url"), "url")
        mode = "foreignKeys"
        rm = props.get("relationMode") or props.get("referentialIntegrity")
        if rm is not None and (text := self.string(rm, "`relationMode`")) is not None:
            if text not in ("prisma", "foreignKeys"):
                self.p.add(f'invalid relationMode "{text}": expected "prisma" or "foreignKeys"', rm)
            else:
                mode = text
        extra: list[tuple[str, str]] = []
        for key, e in props.items():
            if key in ("provider", "url", "relationMode", "referentialIntegrity"):
                continue
            if key in ("directUrl", "shadowDatabaseUrl"):
                lit, env = self.url_value(e, key)
                extra.append((key, f'env("{env}")' if env else redact(lit or "", lit)))
            elif key == "extensions" and provider == "postgresql":
                extra.append((key, e.describe()))
            elif key == "schemas":
                self.p.add("multiple database schemas (`schemas`) are not supported by prisma-edge", e)
            else:
                self.p.add(f'property not known: "{key}" in datasource "{b.name}"', e)
        return Datasource(name=b.name, provider=provider, url=url, url_env=url_env, relation_mode=mode,
                          extra=tuple(extra))

    def reserved(self, b: Block) -> None:
        if b.name in SCALAR_TYPES or b.name == "Unsupported":
            self.p.add(f'"{b.name}" is a reserved scalar type name and cannot be used', b)

    def properties(self, b: Block) -> dict[str, Expr]:
        out: dict[str, Expr] = {}
        for prop in b.properties:
            if prop.key in out:
                self.p.add(f'property "{prop.key}" is set twice in {b.keyword} "{b.name}"', prop)
            out[prop.key] = prop.value
        return out

    def url_value(self, e: Expr | None, key: str) -> tuple[str | None, str | None]:
        """(literal url, env var name) for `url = "..."` or `url = env("NAME")`."""
        if e is None:
            return None, None
        if e.kind == "string":
            return e.value, None
        if e.kind == "call" and e.value == "env" and len(e.items) == 1:
            arg = e.items[0]
            if isinstance(arg, Arg) and arg.name is None and arg.value.kind == "string":
                return None, arg.value.value
        self.p.add(f'`{key}` must be a string or env("VARIABLE")', e)
        return None, None

    def generator(self, b: Block) -> Generator:
        props = self.properties(b)
        self.reserved(b)
        prov = props.get("provider")
        if prov is None:
            self.p.add(f'argument "provider" is missing in generator block "{b.name}"', b)
        elif prov.kind != "string":
            self.url_value(prov, "provider")
        feats = props.get("previewFeatures")
        if feats is not None and not (feats.kind == "array" and all(
                isinstance(i, Expr) and i.kind == "string" for i in feats.items)):
            self.p.add(f"`previewFeatures` must be a list of strings, found `{feats.describe()}`", feats)
        return Generator(name=b.name, properties=tuple((k, _py_value(e)) for k, e in props.items()))

    # -- names and enums -------------------------------------------------------------------------

    def names(self, models: list[Block], enums: list[Block]) -> None:
        for b in models + enums:
            what = b.keyword
            if b.name in SCALAR_TYPES or b.name == "Unsupported":
                self.reserved(b)
            elif b.name in self.models:
                self.p.add(f'the {what} "{b.name}" cannot be defined because a model with that name already exists', b)
            elif b.name in self.enums:
                self.p.add(f'the {what} "{b.name}" cannot be defined because an enum with that name already exists', b)
            elif what == "model":
                self.models[b.name] = ModelDraft(b)
            else:
                self.enums[b.name] = b

    def enum(self, b: Block) -> Enum:
        values: list[EnumValue] = []
        seen: set[str] = set()
        if not b.fields:
            self.p.add(f"enum `{b.name}` must have at least one value", b)
        for v in b.fields:
            if v.name in seen:
                self.p.add(f'value "{v.name}" is already defined on enum "{b.name}"', v)
            seen.add(v.name)
            db_name = v.name
            for a in v.attributes:
                if a.name == "map":
                    db_name = self.string(self.args(a, "@", ("name",), "name").get("name"), "`@map`") or db_name
                else:
                    self.p.add(f"unknown attribute `@{a.name}` on enum value `{v.name}`", a)
            values.append(EnumValue(v.name, db_name, v.documentation))
        db_name = b.name
        maps = [a for a in b.attributes if a.name == "map"]
        if len(maps) > 1:
            self.p.add("attribute `@@map` can only be defined once", maps[1])
        for a in b.attributes:
            if a.name == "map":
                db_name = self.string(self.args(a, "@@", ("name",), "name").get("name"), "`@@map`") or db_name
            elif a.name == "schema":
                self.p.add("`@@schema` is not supported by prisma-edge (one database schema only)", a)
            else:
                self.p.add(f"unknown attribute `@@{a.name}` on enum `{b.name}`", a)
        return Enum(b.name, db_name, tuple(values), b.documentation, b.line)

    # -- fields ----------------------------------------------------------------------------------

    def model_fields(self, m: ModelDraft) -> None:
        m.ignored = any(a.name == "ignore" for a in m.block.attributes)
        for decl in m.block.fields:
            if decl.name in m.by_name:
                self.p.add(f'field "{decl.name}" is already defined on model "{m.name}"', decl)
                continue
            kind = self.field_kind(m, decl)
            f = FieldDraft(decl, kind or "scalar")
            m.by_name[decl.name] = f
            m.fields.append(f)
            seen: set[str] = set()
            for a in decl.attributes:
                if a.name in seen:
                    self.p.add(f"attribute `@{a.name}` can only be defined once on field `{decl.name}`", a)
                seen.add(a.name)
                if kind is not None:
                    self.field_attribute(m, f, a)

    def field_kind(self, m: ModelDraft, d: FieldDecl) -> str | None:
        if d.unsupported is not None:
            self.p.add(f'`Unsupported("{d.unsupported}")` fields are not supported by prisma-edge', _type_pos(d))
            return None
        if d.type in SCALAR_TYPES:
            kind = "scalar"
        elif d.type in self.enums:
            kind = "enum"
        elif d.type in self.models:
            return "object"
        else:
            choices = sorted(SCALAR_TYPES) + list(self.enums) + list(self.models)
            hint = _suggest(d.type, choices)
            self.p.add(f"unknown type `{d.type}` on field `{d.name}` of model `{m.name}`{hint}", _type_pos(d))
            return None
        if d.is_list and self.provider != "postgresql":
            self.p.add(f'field "{d.name}" in model "{m.name}" can\'t be a list: the {self.provider} '
                       "connector does not support lists of primitive types", _type_pos(d))
        return kind

    def field_attribute(self, m: ModelDraft, f: FieldDraft, a: Attribute) -> None:
        name = a.name
        if "." in name:
            prefix, _, native = name.partition(".")
            if prefix == self.ds_name and f.kind == "scalar":
                f.native_type = self.native_type(f, native, a)
                return
            if prefix == self.ds_name:
                self.p.add(f"native type attribute `@{name}` can only be used on scalar fields", a)
                return
        if f.kind == "object" and name not in ("relation", "ignore"):
            if name in FIELD_ATTRIBUTES:
                self.p.add(f"attribute `@{name}` cannot be used on relation field `{f.name}`", a)
                return
        elif name == "relation" and f.kind != "object":
            self.p.add(f"`@relation` can only be used on relation fields; `{f.name}` is a {f.type}", a)
            return
        if name not in FIELD_ATTRIBUTES:
            hint = _suggest(name, FIELD_ATTRIBUTES, "@")
            self.p.add(f"unknown attribute `@{name}` on field `{f.name}`{hint}", a)
            return
        args = self.args(a, "@", FIELD_ATTRIBUTES[name], FIELD_ATTRIBUTES[name][0] if name in (
            "default", "map", "relation") else None)
        if name == "id":
            f.is_id, f.id_map = True, self.string(args.get("map"), "`map`")
            if f.decl.optional or f.decl.is_list:
                self.p.add("fields that are marked as id must be required (not optional, not a list)", a)
        elif name == "unique":
            f.is_unique, f.unique_map = True, self.string(args.get("map"), "`map`")
        elif name == "map":
            f.db_name = self.string(args.get("name"), "`@map`") or f.db_name
        elif name == "updatedAt":
            f.is_updated_at = True
            if f.type != "DateTime" or f.decl.is_list:
                self.p.add(f"fields that are marked with @updatedAt must be of type DateTime; `{f.name}` is "
                           f"{f.type}{'[]' if f.decl.is_list else ''}", a)
        elif name == "default":
            if "value" not in args:
                self.p.add("`@default` needs a value, e.g. `@default(0)`", a)
            else:
                f.default = self.default(m, f, args["value"])
        elif name == "relation":
            f.rel_args = args
        elif name == "ignore":
            f.ignored = True

    def native_type(self, f: FieldDraft, name: str, a: Attribute) -> NativeType | None:
        table = NATIVE_TYPES.get(self.provider, {})
        if not table:
            self.p.add(f"native type {name} is not supported for {self.provider} connector", a)
            return None
        if name not in table:
            hint = _suggest(name, list(table), f"@{self.ds_name}.")
            self.p.add(f"unknown native type `@{self.ds_name}.{name}` for {self.provider}{hint}", a)
            return None
        types, counts = table[name]
        if f.type not in types:
            self.p.add(f"native type {name} is not compatible with the {f.type} type of field `{f.name}` "
                       f"(it fits {', '.join(types)})", a)
        args = [x.value for x in a.args]
        if len(args) not in counts or any(x.kind != "number" or not x.value.isdigit() for x in args):
            want = " or ".join(str(c) for c in sorted(counts))
            self.p.add(f"`@{self.ds_name}.{name}` takes {want} non-negative integer argument(s), got "
                       f"({', '.join(x.describe() for x in args)})", a)
        return NativeType(name, tuple(x.value for x in args))

    def default(self, m: ModelDraft, f: FieldDraft, e: Expr) -> Default | None:
        t = f.type
        if e.kind == "call":
            spec = DEFAULT_FUNCTIONS.get(e.value)
            if spec is None:
                hint = _suggest(e.value, list(DEFAULT_FUNCTIONS), "", "()")
                self.p.add(f"unknown function `{e.value}()` in `@default`{hint}", e)
                return None
            types, arg_choices = spec
            if types is None:  # not supported by prisma-edge
                self.p.add(f"`{e.value}()` defaults are not supported by prisma-edge yet", e)
                return None
            if types and (t not in types or f.decl.is_list):
                self.p.add(f"the function `{e.value}()` cannot be used on fields of type `{t}`", e)
                return None
            fargs = [x.value for x in e.items if isinstance(x, Arg)]
            if e.value == "dbgenerated":
                text = self.string(fargs[0], "the argument of `dbgenerated()`") if fargs else None
                if len(fargs) > 1:
                    self.p.add("`dbgenerated()` takes at most one string argument", e)
                return Default("dbgenerated", text)
            if len(fargs) > 1 or (fargs and fargs[0].value not in arg_choices):
                ok = " or ".join(arg_choices) if arg_choices else "no arguments"
                self.p.add(f"invalid arguments for `{e.describe()}`: expected {ok}", e)
                return None
            version = int(fargs[0].value) if fargs else _DEFAULT_VERSION.get(e.value)
            return Default(e.value, None, (version,) if version is not None else ())
        if f.decl.is_list:
            if e.kind != "array":
                self.p.add(f"the default of list field `{f.name}` must be a list such as `[]`, found "
                           f"`{e.describe()}`", e)
                return None
            items = [self.literal(f, x) for x in e.items if isinstance(x, Expr)]
            if any(i is _BAD for i in items):
                return None
            return Default("enum" if f.kind == "enum" else "literal", items)
        value = self.literal(f, e)
        if value is _BAD:
            return None
        return Default("enum" if f.kind == "enum" else "literal", value)

    def literal(self, f: FieldDraft, e: Expr) -> Any:
        """A literal default converted to its Python value, or _BAD after reporting a problem."""
        t, k, v = f.type, e.kind, e.value
        if f.kind == "enum":
            enum = self.enums[t]
            if k == "const" and any(x.name == v for x in enum.fields):
                return v
            self.p.add(f"the default value `{e.describe()}` is not a valid value of enum `{t}`", e)
            return _BAD
        try:
            if t == "String" and k == "string":
                return v
            if t in ("Int", "BigInt") and k == "number" and v.lstrip("-").isdigit():
                return int(v)
            if t == "Float" and k == "number":
                return float(v)
            if t == "Decimal" and k in ("number", "string"):
                import decimal  # lazily: only Decimal defaults need it

                try:
                    d = decimal.Decimal(v)
                    if d.is_finite():
                        return str(d)  # normalised: Decimal() also accepts " 1.5" and "1_000"
                except decimal.InvalidOperation:
                    pass
            if t == "Boolean" and k == "const" and v in ("true", "false"):
                return v == "true"
            if t == "DateTime" and k == "string" and "T" in v:
                dt.datetime.fromisoformat(v.replace("Z", "+00:00").replace("z", "+00:00"))
                return v
            if t == "Json" and k == "string":
                json.loads(v)
                return v
            if t == "Bytes" and k == "string":
                base64.b64decode(v, validate=True)
                return v
        except (ValueError, binascii.Error):
            pass
        self.p.add(f"`@default({e.describe()})` is not a valid {t} value for field `{f.name}`", e)
        return _BAD

    # -- keys and indexes --------------------------------------------------------------------------

    def model_keys(self, m: ModelDraft) -> None:
        """Primary key, unique selectors (PK first), indexes and the remaining block attributes."""
        ids = [f for f in m.fields if f.is_id and not f.ignored]
        compound_id: tuple[tuple[str, ...], str | None, str | None, Attribute] | None = None
        compound_uniques: list[UniqueIndex] = []
        once: set[str] = set()
        for a in m.block.attributes:
            if a.name in ("map", "id", "ignore", "schema"):
                if a.name in once:
                    self.p.add(f"attribute `@@{a.name}` can only be defined once", a)
                once.add(a.name)
            if a.name not in MODEL_ATTRIBUTES:
                hint = _suggest(a.name, list(MODEL_ATTRIBUTES), "@@")
                self.p.add(f"unknown attribute `@@{a.name}` on model `{m.name}`{hint}", a)
                continue
            args = self.args(a, "@@", MODEL_ATTRIBUTES[a.name], MODEL_ATTRIBUTES[a.name][0] if
                             MODEL_ATTRIBUTES[a.name] else None)
            if a.name == "map":
                m.db_name = self.string(args.get("name"), "`@@map`") or m.db_name
            elif a.name == "schema":
                self.p.add("`@@schema` is not supported by prisma-edge (one database schema only)", a)
            elif a.name == "fulltext":
                self.p.add("`@@fulltext` indexes are not supported by prisma-edge", a)
            elif a.name in ("id", "unique", "index"):
                fields = self.key_fields(m, a, args.get("fields"), required=a.name == "id")
                name = self.string(args.get("name"), "`name`")
                db = self.string(args.get("map"), "`map`")
                if a.name == "id":
                    if compound_id is not None:
                        self.p.add(f"model `{m.name}` has more than one `@@id`", a)
                    compound_id = (fields, name, db, a)
                elif not fields:
                    continue
                elif a.name == "unique":
                    if name is not None and name in m.by_name:
                        self.p.add(f"the custom name `{name}` specified for the `@@unique` attribute is "
                                   "already used as a name for a field; please choose a different name", a)
                    compound_uniques.append(UniqueIndex(fields, name or "_".join(fields), db))
                    self.constraint(m, "unique", fields, db, a)
                else:
                    m.indexes.append(Index(fields, db))
                    self.constraint(m, "index", fields, db, a)
        if len(ids) > 1:
            self.p.add("at most one field must be marked as the id field with the `@id` attribute", ids[1].decl)
        if ids and compound_id is not None:
            self.p.add("each model must have at most one id criteria: you can't have `@id` and `@@id` at "
                       "the same time", compound_id[3])
        singles = [UniqueIndex((f.name,), f.name, f.unique_map) for f in m.fields if f.is_unique and not f.ignored]
        for f in m.fields:
            if f.is_unique and not f.ignored:
                self.constraint(m, "unique", (f.name,), f.unique_map, f.decl)
        candidates: list[UniqueIndex] = []
        for u in singles + compound_uniques:  # `@id @unique` or a repeated @@unique select the same rows
            if not any(set(c.fields) == set(u.fields) for c in candidates):
                candidates.append(u)
        if compound_id is not None:
            fields, name, db, _ = compound_id
            if not fields:
                return  # the broken @@id was reported
            pk = UniqueIndex(fields, name or "_".join(fields), db)
            self.constraint(m, "pk", fields, db, compound_id[3])
        elif ids:
            pk = UniqueIndex((ids[0].name,), ids[0].name, ids[0].id_map)
            self.constraint(m, "pk", pk.fields, pk.db_name, ids[0].decl)
        else:
            pk = next((u for u in candidates if u.fields and all(m.by_name[n].required for n in u.fields)), None)
            if pk is None and m.ignored:
                return  # @@ignore exists for tables Prisma cannot key
            if pk is None:
                self.p.add(f"model `{m.name}` needs a unique criteria that has only required fields: mark a "
                           "field with `@id` or `@unique`, or add `@@id([...])` or `@@unique([...])`", m.block)
                return
            candidates.remove(pk)
        m.primary_key = pk.fields
        m.uniques = [pk, *(u for u in candidates if set(u.fields) != set(pk.fields))]
        names = [u.name for u in m.uniques]
        for u in candidates:
            if names.count(u.name) > 1:
                self.p.add(f"model `{m.name}` has two unique criteria named `{u.name}`; give one a `name:`",
                           m.block)
                break
        self.check_autoincrement(m, has_id=bool(ids) or compound_id is not None)

    def constraint(self, m: ModelDraft, kind: str, fields: tuple[str, ...], db: str | None, at: Any) -> None:
        """Record a key's database name: its `map:` or Prisma's default (`User_email_key`, ...)."""
        if db is None:
            cols = "_".join(m.by_name[n].db_name for n in fields)
            db = f"{m.db_name}_pkey" if kind == "pk" else f"{m.db_name}_{cols}_{'key' if kind == 'unique' else 'idx'}"
        m.constraints.append((kind, db, at))

    def database_names(self) -> None:
        """Models need distinct tables; keys and indexes distinct names in the connector's namespace."""
        tables: dict[str, str] = {}
        for m in self.models.values():
            other = tables.setdefault(m.db_name, m.name)
            if other != m.name:
                self.p.add(f"the model with database name `{m.db_name}` could not be defined because another "
                           f"model with this name exists: `{other}`", m.block)
        if self.provider == "mysql":
            namespace, kinds = "model-level indexes and unique constraints", ("unique", "index")
        elif self.provider == "postgresql":
            namespace, kinds = "global for primary key, indexes and unique constraints", ("pk", "unique", "index")
        else:
            namespace, kinds = "global for indexes and unique constraints", ("unique", "index")
        seen: set[tuple[str, str]] = set()
        for m in self.models.values():
            for kind, name, at in m.constraints:
                key = (m.db_name if self.provider == "mysql" else "", name)
                if kind not in kinds:
                    continue
                if key in seen:
                    self.p.add(f"the given constraint name `{name}` has to be unique in the following namespace: "
                               f"{namespace}; please provide a different name using the `map` argument", at)
                seen.add(key)

    def key_fields(self, m: ModelDraft, a: Attribute, e: Expr | None, required: bool) -> tuple[str, ...]:
        if e is None:
            self.p.add(f"`@@{a.name}` needs a list of fields, e.g. `@@{a.name}([a, b])`", a)
            return ()
        out: list[str] = []
        items = self.names_list(e, f"the fields of `@@{a.name}`")
        for item in items:
            f = m.by_name.get(item.value)
            if f is None or f.ignored:
                self.p.add(f"`@@{a.name}` refers to `{item.value}`, which is not a field of model `{m.name}`", item)
            elif f.kind == "object":
                self.p.add(f"`@@{a.name}` refers to the relation field `{item.value}`; index definitions "
                           "must reference only scalar fields", item)
            elif required and not f.required:
                self.p.add(f"the id definition refers to the optional field `{item.value}`; id fields must "
                           "be required", item)
            else:
                out.append(item.value)
        if not items or len(out) != len(e.items):
            if e.kind == "array" and not e.items:
                self.p.add(f"`@@{a.name}` needs at least one field", e)
            return ()  # reported above; the key is left out
        return tuple(out)

    def check_autoincrement(self, m: ModelDraft, has_id: bool) -> None:
        for f in m.fields:
            if f.default is None or f.default.kind != "autoincrement":
                continue
            if self.provider == "sqlite" and (m.primary_key != (f.name,) or not has_id):
                self.p.add("the `autoincrement()` default value is used on a non-id field even though "
                           "the sqlite datasource does not support this", f.decl)
            elif self.provider == "mysql":
                firsts = {u.fields[0] for u in m.uniques if u.fields} | {i.fields[0] for i in m.indexes if i.fields}
                if f.name not in firsts:
                    self.p.add("the `autoincrement()` default value is used on a non-indexed field even "
                               "though the mysql datasource does not support this", f.decl)


_BAD = object()


def _suggest(word: str, choices: Any, prefix: str = "", suffix: str = "") -> str:
    """` (did you mean `x`?)` for the closest choice, or "" (difflib is loaded only on this error path)."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean `{prefix}{close[0]}{suffix}`?)" if close else ""


def _type_pos(d: FieldDecl) -> Any:
    return Arg(None, Expr("const", d.type, d.type_line, d.type_column), d.type_line, d.type_column)


def _py_value(e: Expr) -> Any:
    """A generator property as a Python value (strings, numbers, booleans, lists; env() kept as text)."""
    if e.kind == "string":
        return e.value
    if e.kind == "number":
        return float(e.value) if any(c in e.value for c in ".eE") else int(e.value)
    if e.kind == "const" and e.value in ("true", "false"):
        return e.value == "true"
    if e.kind == "array":
        return [_py_value(i) for i in e.items if isinstance(i, Expr)]
    return e.describe()


# -- relations -------------------------------------------------------------------------------------


def resolve_relations(models: dict[str, ModelDraft], p: Problems, provider: str, relation_mode: str) -> None:
    """Pair every relation field with its opposite and attach a `Relation` to both (see model.py)."""
    _Relations(models, p, provider, relation_mode).run()


class _Relations:
    def __init__(self, models: dict[str, ModelDraft], p: Problems, provider: str, relation_mode: str) -> None:
        self.models, self.p, self.provider, self.mode = models, p, provider, relation_mode

    def run(self) -> None:
        groups: dict[tuple[str, str, str], list[tuple[ModelDraft, FieldDraft]]] = {}
        explicit: dict[tuple[str, str, str], bool] = {}
        for m in self.models.values():
            for f in m.fields:
                if f.kind != "object":
                    continue
                if self.models[f.type].ignored and not (f.ignored or m.ignored):
                    self.p.add(f"the relation field `{f.name}` on model `{m.name}` must specify the `@ignore` "
                               f"attribute, because the model {f.type} it is pointing to is marked ignored",
                               f.decl)
                    continue
                named = self.name_of(f)
                a, b = sorted((m.name, f.type))
                key = (named or f"{a}To{b}", a, b)
                explicit[key] = named is not None
                groups.setdefault(key, []).append((m, f))
        for (name, a, b), members in groups.items():
            if a == b:
                self.self_group(name, members, explicit[(name, a, b)])
            else:
                self.pair_group(name, a, b, members, explicit[(name, a, b)])

    def name_of(self, f: FieldDraft) -> str | None:
        e = f.rel_args.get("name")
        if e is None:
            return None
        if e.kind != "string":
            self.p.add(f"the relation name must be a string, found `{e.describe()}`", e)
            return None
        return e.value

    def self_group(self, name: str, members: list[tuple[ModelDraft, FieldDraft]], named: bool) -> None:
        m = members[0][0]
        names = [f.name for _, f in members]
        listed = ", ".join(f"`{n}`" for n in names[:-1]) + f" and `{names[-1]}`"
        if len(members) == 1:
            self.missing_opposite(m, members[0][1])
        elif not named:
            self.p.add(f"ambiguous self relation detected: the fields {listed} in model `{m.name}` both refer "
                       f"to `{m.name}`; if they are part of the same relation add the same relation name for "
                       "them with `@relation(<name>)`", members[0][1].decl)
        elif len(members) > 2:
            self.p.add(f"wrongly named self relation detected: the fields {listed} in model `{m.name}` have "
                       "the same relation name; at most two relation fields can belong to the same relation",
                       members[0][1].decl)
        else:
            (_, f1), (_, f2) = members
            self.link(name, m, f1, m, f2)

    def pair_group(self, name: str, a: str, b: str, members: list[tuple[ModelDraft, FieldDraft]],
                   named: bool) -> None:
        sides = {a: [mf for mf in members if mf[0].name == a], b: [mf for mf in members if mf[0].name == b]}
        ok = True
        for model_name, side in sides.items():
            other = b if model_name == a else a
            if len(side) > 1:
                ok = False
                fields = " and ".join(f"`{f.name}`" for _, f in side)
                if named:
                    self.p.add(f"wrongly named relation detected: the fields {fields} in model `{model_name}` "
                               "both use the same relation name; please provide different relation names for "
                               "them through `@relation(<name>)`", side[0][1].decl)
                else:
                    self.p.add(f"ambiguous relation detected: the fields {fields} in model `{model_name}` both "
                               f"refer to `{other}`; please provide different relation names for them by adding "
                               "`@relation(<name>)`", side[0][1].decl)
            elif not side:
                ok = False
                for m, f in sides[other]:
                    self.missing_opposite(m, f)
        if ok:
            (m1, f1), (m2, f2) = sides[a][0], sides[b][0]
            self.link(name, m1, f1, m2, f2)

    def missing_opposite(self, m: ModelDraft, f: FieldDraft) -> None:
        self.p.add(f"the relation field `{f.name}` on model `{m.name}` is missing an opposite relation field "
                   f"on the model `{f.type}`", f.decl)

    # -- one relation, both sides ------------------------------------------------------------------

    def link(self, name: str, m1: ModelDraft, f1: FieldDraft, m2: ModelDraft, f2: FieldDraft) -> None:
        l1, l2 = f1.decl.is_list, f2.decl.is_list
        if l1 and l2:
            self.many_to_many(name, m1, f1, m2, f2)
            return
        has1 = "fields" in f1.rel_args or "references" in f1.rel_args
        has2 = "fields" in f2.rel_args or "references" in f2.rel_args
        if l1 != l2:  # one-to-many: the singular side holds the foreign key
            (mm, ff), (om, of) = ((m2, f2), (m1, f1)) if l1 else ((m1, f1), (m2, f2))
            if "fields" in of.rel_args or "references" in of.rel_args:
                self.p.add(f"the relation field `{of.name}` on model `{om.name}` must not specify the `fields` "
                           f"or `references` argument; specify them only on the opposite field `{ff.name}` on "
                           f"model `{mm.name}`", of.decl)
                return
            self.foreign_key(name, mm, ff, om, of, one_to_one=False)
            return
        later = max(f1.decl, f2.decl, key=lambda d: (d.line, d.column))
        if has1 and has2:
            self.p.add(f"the relation fields `{f1.name}` on model `{m1.name}` and `{f2.name}` on model "
                       f"`{m2.name}` both provide the `fields`/`references` arguments in the @relation "
                       "attribute; provide them only on one of the two fields", later)
        elif not has1 and not has2:
            self.p.add(f"the relation fields `{f1.name}` on model `{m1.name}` and `{f2.name}` on model "
                       f"`{m2.name}` do not provide the `fields` argument in the @relation attribute; provide "
                       "it on one of the two fields", later)
        else:
            (mm, ff), (om, of) = ((m1, f1), (m2, f2)) if has1 else ((m2, f2), (m1, f1))
            self.foreign_key(name, mm, ff, om, of, one_to_one=True)

    def many_to_many(self, name: str, m1: ModelDraft, f1: FieldDraft, m2: ModelDraft, f2: FieldDraft) -> None:
        bad = False
        for m, f in ((m1, f1), (m2, f2)):
            if "fields" in f.rel_args or "references" in f.rel_args:
                self.p.add(f"the many-to-many relation field `{f.name}` on model `{m.name}` must not specify "
                           "`fields` or `references`; implicit many-to-many relations use a join table "
                           "(write an explicit join model for your own columns)", f.decl)
                bad = True
            elif "onDelete" in f.rel_args or "onUpdate" in f.rel_args:
                self.p.add("referential actions on implicit many-to-many relations are not supported",
                           f.rel_args.get("onDelete") or f.rel_args["onUpdate"])
                bad = True
        for m, f, target in ((m1, f1, m2), (m2, f2, m1)):
            if len(target.primary_key) != 1 or not target.by_name[target.primary_key[0]].is_id:
                self.p.add(f"the relation field `{f.name}` on model `{m.name}` references `{target.name}` which "
                           "does not have a single-field `@id`; models without one cannot be part of an "
                           "implicit many-to-many relation (use an explicit join model)", f.decl)
                bad = True
        if bad:
            return
        if m1 is m2:  # self relation: the field whose name sorts first reads its related rows from A
            first, second = sorted((f1, f2), key=lambda f: f.name)
            cols = {id(first): ("B", "A"), id(second): ("A", "B")}
        else:
            cols = {id(f1): ("A", "B"), id(f2): ("B", "A")}  # m1.name < m2.name (sorted by the caller)
        for m, f, om, of in ((m1, f1, m2, f2), (m2, f2, m1, f1)):
            mine, theirs = cols[id(f)]
            f.relation = Relation(
                name=name, kind="many_to_many", to_model=om.name, opposite_field=of.name, holds_fk=False,
                on_delete="Cascade", on_update="Cascade", join_table=f"_{name}", self_column=mine,
                other_column=theirs, self_key=m.by_name[m.primary_key[0]].db_name,
                other_key=om.by_name[om.primary_key[0]].db_name,
            )

    def foreign_key(self, name: str, mm: ModelDraft, ff: FieldDraft, om: ModelDraft, of: FieldDraft,
                    *, one_to_one: bool) -> None:
        """`ff` on `mm` holds `fields`/`references` into `om`; `of` is the back-relation field."""
        where = f"the relation field `{ff.name}` on model `{mm.name}`"
        for key in ("onDelete", "onUpdate"):
            if key in of.rel_args:
                self.p.add(f"the relation field `{of.name}` on model `{om.name}` must not specify the `onDelete` "
                           f"or `onUpdate` argument; specify it only on the opposite field `{ff.name}` on model "
                           f"`{mm.name}`", of.rel_args[key])
                return
        for key in ("fields", "references"):
            if key not in ff.rel_args:
                self.p.add(f"{where} must specify the `{key}` argument in the @relation attribute", ff.decl)
                return
        fields = self.scalar_refs(mm, ff.rel_args["fields"], "fields", "this model")
        refs = self.scalar_refs(om, ff.rel_args["references"], "references", f"the related model `{om.name}`")
        if fields is None or refs is None:
            return
        if len(fields) != len(refs):
            self.p.add("you must specify the same number of fields in `fields` and `references`",
                       ff.rel_args["fields"])
            return
        if not any(set(u.fields) == set(refs) for u in om.uniques):
            self.p.add(f"the argument `references` must refer to a unique criterion in the related model "
                       f"`{om.name}`; consider adding `@unique` to `{refs[0] if len(refs) == 1 else refs}` or a "
                       "matching `@@unique`", ff.rel_args["references"])
            return
        for a, b in zip(fields, refs, strict=True):
            fa, fb = mm.by_name[a], om.by_name[b]
            if (fa.type, fa.decl.is_list) != (fb.type, fb.decl.is_list):
                self.p.add(f"the type of the field `{a}` in the model `{mm.name}` is not matching the type of "
                           f"the referenced field `{b}` in model `{om.name}`", ff.rel_args["fields"])
                return
        any_optional = any(not mm.by_name[n].required for n in fields)
        if ff.required and any_optional:
            self.p.add(f"{where} uses the scalar fields {', '.join(fields)}; at least one of those fields is "
                       "optional, hence the relation field must be optional as well", ff.decl)
            return
        if one_to_one:
            if not any(set(u.fields) == set(fields) for u in mm.uniques):
                self.p.add(f"a one-to-one relation must use unique fields on the defining side: add an "
                           f"`@unique` attribute to `{', '.join(fields)}` on model `{mm.name}`, or change the "
                           "relation to one-to-many", ff.decl)
                return
            if of.required:
                self.p.add(f"the relation field `{of.name}` on model `{om.name}` is required; this is invalid "
                           "because it's not possible to enforce this constraint on the database level: change "
                           f"the field type from `{of.type}` to `{of.type}?`", of.decl)
                return
        on_delete = self.action(ff, "onDelete", "SetNull" if any_optional else "Restrict", any_optional)
        on_update = self.action(ff, "onUpdate", "Cascade", any_optional)
        self.string_arg(ff, "map")
        if self.mode == "prisma" and mm is om and not {on_delete, on_update} <= {"NoAction", "Restrict"}:
            implicit = [f"`{k}`: `{v}`" for k, v in (("onDelete", on_delete), ("onUpdate", on_update))
                        if k not in ff.rel_args]
            self.p.add("a self-relation must have `onDelete` and `onUpdate` referential actions set to "
                       "`NoAction` or `Restrict` with relationMode = \"prisma\""
                       + (f" (implicit default {' and '.join(implicit)})" if implicit else ""), ff.decl)
            return
        join = tuple((mm.by_name[a].db_name, om.by_name[b].db_name) for a, b in zip(fields, refs, strict=True))
        ff.relation = Relation(
            name=name, kind="one_to_one" if one_to_one else "many_to_one", to_model=om.name,
            opposite_field=of.name, holds_fk=True, fields=fields, references=refs, join=join,
            on_delete=on_delete, on_update=on_update,
        )
        of.relation = Relation(
            name=name, kind="one_to_one" if one_to_one else "one_to_many", to_model=mm.name,
            opposite_field=ff.name, holds_fk=False, fields=refs, references=fields,
            join=tuple((b, a) for a, b in join), on_delete=on_delete, on_update=on_update,
        )

    def scalar_refs(self, m: ModelDraft, e: Expr, key: str, where: str) -> tuple[str, ...] | None:
        if e.kind != "array" or not e.items or not all(isinstance(i, Expr) and i.kind == "const" for i in e.items):
            self.p.add(f"the argument `{key}` must be a list of field names such as `[authorId]`, found "
                       f"`{e.describe()}`", e)
            return None
        names = tuple(i.value for i in e.items)  # type: ignore[union-attr]
        missing = [n for n in names if n not in m.by_name or m.by_name[n].ignored]
        if missing:
            self.p.add(f"the argument `{key}` must refer only to existing fields in {where}; the following "
                       f"fields do not exist in `{m.name}`: {', '.join(missing)}", e)
            return None
        objects = [n for n in names if m.by_name[n].kind == "object"]
        if objects:
            self.p.add(f"the argument `{key}` must refer only to scalar fields; {', '.join(objects)} "
                       f"{'is a relation field' if len(objects) == 1 else 'are relation fields'}", e)
            return None
        return names

    def action(self, f: FieldDraft, key: str, default: str, any_optional: bool) -> str:
        e = f.rel_args.get(key)
        if e is None:
            return default
        if e.kind != "const" or e.value not in REFERENTIAL_ACTIONS:
            self.p.add(f"invalid referential action `{e.describe()}` for `{key}`; allowed values: "
                       f"{', '.join(f'`{a}`' for a in REFERENTIAL_ACTIONS)}", e)
            return default
        if e.value == "SetDefault" and self.mode == "prisma":
            self.p.add("invalid referential action `SetDefault` with relationMode = \"prisma\"; allowed "
                       "values: `Cascade`, `Restrict`, `NoAction`, `SetNull`", e)
        elif e.value == "NoAction" and self.mode == "prisma" and self.provider != "mysql":
            self.p.add(f"invalid referential action `NoAction`: it is not implemented for {self.provider} "
                       "with relationMode = \"prisma\"; use `Restrict` instead", e)
        elif e.value == "SetNull" and not any_optional:
            self.p.add(f"the `{key}` referential action of a relation must not be set to `SetNull` when a "
                       "referenced field is required; choose another action or make the fields optional", e)
        return e.value

    def string_arg(self, f: FieldDraft, key: str) -> None:
        e = f.rel_args.get(key)
        if e is not None and e.kind != "string":
            self.p.add(f"`{key}` in `@relation` must be a string, found `{e.describe()}`", e)
