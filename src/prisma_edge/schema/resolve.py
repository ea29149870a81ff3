"""Semantic pass: syntax tree -> the frozen `Schema`, validated the way `prisma validate` does.

Everything later layers need is decided here once: field kinds, database names, primary keys and
unique selectors, defaults as Python values, and for every relation field the exact join (both
directions) or the implicit many-to-many join table. Messages follow Prisma's wording so users
can search for them. Problems are collected per phase; the first (by position) is raised, and the
others are listed after it and kept on `SchemaError.errors`.

This module runs the phases and does the datasource, generators, enums, fields and defaults; the
other phases live in `keys.py` and `relations.py`, the tables they check against in
`psl_tables.py`, and what the phases share (drafts, problems, argument helpers) in `drafts.py`.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from typing import Any

from prisma_edge.errors import redact
from prisma_edge.schema.drafts import Checker, FieldDraft, ModelDraft, Problems, suggest
from prisma_edge.schema.keys import resolve_keys
from prisma_edge.schema.model import (
    SCALAR_TYPES,
    Datasource,
    Default,
    Enum,
    EnumValue,
    Generator,
    Model,
    NativeType,
    Schema,
)
from prisma_edge.schema.parser import Arg, Attribute, Block, Expr, FieldDecl
from prisma_edge.schema.psl_tables import (
    DEFAULT_FUNCTIONS,
    DEFAULT_VERSION,
    FIELD_ATTRIBUTES,
    NATIVE_TYPES,
    PROVIDERS,
)
from prisma_edge.schema.relations import resolve_relations


def resolve(blocks: list[Block], source_name: str = "schema.prisma",
            files: tuple[tuple[int, str], ...] = ()) -> Schema:
    """Validate the parsed blocks and build the Schema (raises SchemaError).

    `files`: for a multi-file schema, (first line, file name) of each file (see `sources.py`)."""
    return _Resolver(blocks, source_name, files).run()


class _Resolver(Checker):
    def __init__(self, blocks: list[Block], source_name: str, files: tuple[tuple[int, str], ...] = ()) -> None:
        super().__init__(Problems(source_name, files))
        self.blocks = blocks
        self.provider = "sqlite"
        self.schemas: tuple[str, ...] = ()
        self.ds_name = "db"
        self.enums: dict[str, Block] = {}
        self.models: dict[str, ModelDraft] = {}

    def run(self) -> Schema:
        by_kw: dict[str, list[Block]] = {"datasource": [], "generator": [], "model": [], "enum": [], "view": []}
        for b in self.blocks:
            by_kw[b.keyword].append(b)
        datasource = self.datasource(by_kw["datasource"])
        generators = tuple(self.generator(b) for b in by_kw["generator"])
        self.names(by_kw["model"] + by_kw["view"], by_kw["enum"])
        enums = tuple(self.enum(b) for b in self.enums.values())
        self.p.check()
        for m in self.models.values():
            self.model_fields(m)
        self.p.check()
        resolve_keys(self.models, self.p, self.provider)
        for m in self.models.values():
            self.check_schema(m.db_schema, "view" if m.block.keyword == "view" else "model", m.schema_at or m.block)
        self.p.check()
        resolve_relations(self.models, self.p, self.provider,
                          datasource.relation_mode if datasource else "foreignKeys")
        self.p.check()
        models = tuple(
            Model(name=m.name, db_name=m.db_name, fields=tuple(f.freeze() for f in m.fields if not f.ignored),
                  primary_key=m.primary_key, uniques=tuple(m.uniques), indexes=tuple(m.indexes),
                  documentation=m.block.documentation, line=m.block.line, is_view=m.block.keyword == "view",
                  db_schema=m.db_schema, fulltext=tuple(m.fulltext))
            for m in self.models.values() if not m.ignored
        )
        return Schema(models=models, enums=enums, datasource=datasource, generators=generators)

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
        schemas: tuple[str, ...] = ()
        for key, e in props.items():
            if key in ("provider", "url", "relationMode", "referentialIntegrity"):
                continue
            if key in ("directUrl", "shadowDatabaseUrl"):
                lit, env = self.url_value(e, key)
                extra.append((key, f'env("{env}")' if env else redact(lit or "", lit)))
            elif key == "extensions" and provider == "postgresql":
                extra.append((key, e.describe()))
            elif key == "schemas":
                schemas = self.schemas_list(e, provider)
            else:
                self.p.add(f'property not known: "{key}" in datasource "{b.name}"', e)
        self.schemas = schemas
        return Datasource(name=b.name, provider=provider, url=url, url_env=url_env, relation_mode=mode,
                          extra=tuple(extra), schemas=schemas)

    def schemas_list(self, e: Expr, provider: str) -> tuple[str, ...]:
        """`schemas = ["a", "b"]`: PostgreSQL only (Prisma's multiSchema: PostgreSQL, CockroachDB, SQL Server)."""
        if provider != "postgresql":
            self.p.add(f"the `schemas` property is not supported on the current connector ({provider}); "
                       "multiSchema needs PostgreSQL", e)
            return ()
        if e.kind != "array" or not e.items or not all(isinstance(i, Expr) and i.kind == "string" for i in e.items):
            self.p.add(f'`schemas` must be a list of schema names such as `["public"]`, found `{e.describe()}`', e)
            return ()
        return tuple(i.value for i in e.items if isinstance(i, Expr))

    def check_schema(self, name: str | None, what: str, at: Any) -> None:
        """Every model and enum names one of the datasource's `schemas` when it has any."""
        if not self.schemas:
            if name is not None:
                self.p.add("`@@schema` needs the datasource's `schemas` property (e.g. "
                           f'`schemas = ["{name}"]`)', at)
        elif name is None:
            self.p.add(f"this {what} is missing an `@@schema` attribute (the datasource lists `schemas`)", at)
        elif name not in self.schemas:
            self.p.add(f"this schema is not defined in the datasource: `{name}` (the datasource's `schemas` "
                       f"are {', '.join(self.schemas)})", at)

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
            elif what in ("model", "view"):
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
        db_schema: str | None = None
        schema_at: Any = b
        maps = [a for a in b.attributes if a.name == "map"]
        if len(maps) > 1:
            self.p.add("attribute `@@map` can only be defined once", maps[1])
        for a in b.attributes:
            if a.name == "map":
                db_name = self.string(self.args(a, "@@", ("name",), "name").get("name"), "`@@map`") or db_name
            elif a.name == "schema":
                db_schema = self.string(self.args(a, "@@", ("name",), "name").get("name"), "`@@schema`")
                schema_at = a
            else:
                self.p.add(f"unknown attribute `@@{a.name}` on enum `{b.name}`", a)
        self.check_schema(db_schema, "enum", schema_at)
        return Enum(b.name, db_name, tuple(values), b.documentation, b.line, db_schema)

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
            hint = suggest(d.type, choices)
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
            hint = suggest(name, FIELD_ATTRIBUTES, "@")
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
            hint = suggest(name, list(table), f"@{self.ds_name}.")
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
                hint = suggest(e.value, list(DEFAULT_FUNCTIONS), "", "()")
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
                ok = ("a length from 2 to 255" if e.value == "nanoid" else " or ".join(arg_choices)) if arg_choices else "no arguments"
                self.p.add(f"invalid arguments for `{e.describe()}`: expected {ok}", e)
                return None
            version = int(fargs[0].value) if fargs else DEFAULT_VERSION.get(e.value)
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


_BAD = object()


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

