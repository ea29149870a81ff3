"""DDL for `db push`: a `Schema` rendered as CREATE statements for one dialect.

Every statement is a sqlglot expression tree rendered by the dialect's generator, so identifiers
are always quoted and string literals always escaped by sqlglot, never by us.

Theory of operation (the order of the returned statements):
1. with `drop_first`: DROP TABLE IF EXISTS for every table (children first), and the Postgres
   enum types; foreign-key checks are switched off around the drops (MySQL, SQLite).
2. Postgres enum types (`CREATE TYPE ... AS ENUM`).
3. CREATE TABLE per model, parents before children, then the implicit m-n join tables.
   SQLite gets its foreign keys inline here (it has no ALTER TABLE ADD CONSTRAINT).
4. Unique and plain indexes, with Prisma's default names (`User_email_key`, `Post_authorId_idx`).
5. Postgres/MySQL: foreign keys as ALTER TABLE ADD CONSTRAINT, after every table exists.

Names follow Prisma's conventions (database names, after `@map`/`@@map`), truncated like Prisma
to the dialect's identifier limit. The catalog this DDL makes is the one Prisma's schema engine
makes (tests/test_migrate_ddl.py compares them): `@@ignore`d models and `@ignore`d fields get
their tables and columns, a model without `@id` gets only a unique index, implicit m-n tables a
primary key on PostgreSQL, index options (`sort`, `length`, `ops`, `type`) are kept.
SQLite DateTime literal defaults are the fixed-width UTC text the client writes
(`2024-01-31T12:00:00.000+00:00`), so text order stays time order (`now()` is set by the client).
One difference on purpose: SQLite `BigInt @id @default(autoincrement())` is `INTEGER PRIMARY KEY
AUTOINCREMENT` (Prisma writes `BIGINT PRIMARY KEY`, which SQLite never fills in).
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Sequence
from typing import Any, Literal

import sqlglot
from sqlglot import exp
from sqlglot.errors import ErrorLevel, SqlglotError

from prisma_edge.errors import SchemaError
from prisma_edge.schema.model import Field, IndexColumn, Model, Schema

from . import ddl_extras
from .ddl_parts import all_models as _all_models
from .ddl_parts import columns as _columns
from .ddl_parts import ident as _ident
from .ddl_parts import join_tables as _join_tables
from .ddl_parts import params as _params
from .ddl_parts import snake as _snake
from .ddl_parts import table as _table
from .types import (
    ACTIONS,
    DIALECTS,
    DT,
    INDEX_METHODS,
    MAX_NAME,
    MYSQL_EXPR_DEFAULT,
    NATIVE_TYPES,
    NUMERIC,
    PG_SERIAL,
    SCALAR_TYPES,
)

__all__ = ["DdlDialect", "ddl_expressions", "ddl_statements", "table_names"]

DdlDialect = Literal["sqlite", "postgres", "mysql"]

def ddl_statements(
    schema: Schema, dialect: DdlDialect, *, drop_first: bool = False, pretty: bool = False
) -> list[str]:
    """The SQL statements that create `schema` in an empty `dialect` database, in order.

    Args:
        schema: the parsed schema.
        dialect: "sqlite", "postgres" or "mysql" (need not match the datasource provider).
        drop_first: prepend statements that drop the schema's tables (and enum types) if present.
        pretty: multi-line CREATE TABLE statements, for `db push --print`.

    Raises:
        SchemaError: something in the schema has no DDL in this dialect (e.g. scalar lists
            outside Postgres, an unknown `@db.*` type, unparsable `dbgenerated(...)`).

    >>> from prisma_edge.schema.model import Field, Model, Schema
    >>> m = Model("User", "User", (Field("id", "String", "scalar", "id", is_id=True),), ("id",))
    >>> ddl_statements(Schema((m,)), "postgres")
    ['CREATE TABLE "User" ("id" TEXT NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"))']
    """
    if dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}; expected one of {DIALECTS}")
    return [  # pretty only for CREATE TABLE: sqlglot would break the one-liners at odd places
        e.sql(dialect=dialect, pretty=pretty and e.find(exp.ColumnDef) is not None,
              unsupported_level=ErrorLevel.RAISE)
        for e in ddl_extras.finish(schema, dialect, _Builder(ddl_extras.prepare(schema), dialect).build(drop_first))
    ]


def ddl_expressions(schema: Schema, dialect: DdlDialect) -> list[exp.Expr]:
    """The statement trees of `ddl_statements` (for the differ, which reads them as a database model)."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}; expected one of {DIALECTS}")
    return _Builder(schema, dialect).build(False)


def table_names(schema: Schema) -> list[str]:
    """Database names of every table `ddl_statements` creates (models, then m-n join tables)."""
    schema = ddl_extras.prepare(schema)  # views have no table
    return [m.db_name for m in _all_models(schema)] + list(_join_tables(schema))


class _Builder:
    """Builds the statement trees for one schema and dialect (one instance per call)."""

    def __init__(self, schema: Schema, dialect: DdlDialect) -> None:
        self.schema, self.dialect = schema, dialect
        self.all_models = _all_models(schema)
        self.with_fks = schema.relation_mode != "prisma"
        self.fks = self._foreign_keys()
        self.models = self._parents_first()
        self.join_tables = _join_tables(schema)

    # -- overall order -------------------------------------------------------------------------

    def build(self, drop_first: bool) -> list[exp.Expr]:
        out: list[exp.Expr] = self._drops() if drop_first else []
        if self.dialect == "postgres":
            out += [self._create_enum(e.db_name, [v.db_name for v in e.values]) for e in self.schema.enums]
        out += [self._create_table(m) for m in self.models]
        out += [self._create_join_table(name, cols) for name, cols in self.join_tables.items()]
        for m in self.models:
            out += self._indexes(m)
        for name in self.join_tables:
            if self.dialect != "postgres":  # PostgreSQL: the primary key `<name>_AB_pkey` instead
                out.append(self._index(f"{name}_AB_unique", name, ["A", "B"], True))
            out.append(self._index(f"{name}_B_index", name, ["B"], False))
        if self.with_fks and self.dialect != "sqlite":
            for m in self.models:
                out += [self._alter_add(m.db_name, c) for c in self._fk_constraints(m)]
            for name, cols in self.join_tables.items():
                out += [self._alter_add(name, c) for c in self._join_fks(name, cols)]
        return out

    def _drops(self) -> list[exp.Expr]:
        tables = list(self.join_tables) + [m.db_name for m in reversed(self.models)]
        drops: list[exp.Expr] = [
            exp.Drop(kind="TABLE", tables=[_table(t)], exists=True, cascade=self.dialect == "postgres")
            for t in tables
        ]
        if self.dialect == "postgres":
            drops += [exp.Drop(kind="TYPE", tables=[_table(e.db_name)], exists=True, cascade=True)
                      for e in self.schema.enums]
        elif self.with_fks and self.dialect == "mysql":  # children-first is not enough for cycles
            drops = [self._set("FOREIGN_KEY_CHECKS", 0), *drops, self._set("FOREIGN_KEY_CHECKS", 1)]
        elif self.with_fks:  # sqlite: PRAGMA foreign_keys is a no-op inside a transaction, so
            # the children-first order above is what makes the drops safe there too.
            drops = [self._pragma("OFF"), *drops, self._pragma("ON")]
        return drops

    @staticmethod
    def _set(name: str, value: int) -> exp.Expr:
        return exp.Set(expressions=[exp.SetItem(this=exp.EQ(this=exp.var(name),
                                                            expression=exp.Literal.number(value)))])

    @staticmethod
    def _pragma(value: str) -> exp.Expr:
        return exp.Pragma(this=exp.EQ(this=exp.var("foreign_keys"), expression=exp.var(value)))

    def _parents_first(self) -> list[Model]:
        """Models ordered so every referenced model comes before its referencing models.

        Cycles (A -> B -> A) are broken in schema order: the foreign keys of pg/mysql come after
        all tables anyway, and SQLite does not check the referenced table at CREATE time.
        """
        parents = {m.name: {p for p, _, _ in self.fks.get(m.name, ()) if p != m.name} for m in self.all_models}
        done: list[Model] = []
        placed: set[str] = set()
        pending = list(self.all_models)
        while pending:
            ready = [m for m in pending if parents[m.name] <= placed] or pending[:1]
            for m in ready:
                done.append(m)
                placed.add(m.name)
                pending.remove(m)
        return done

    # -- names ---------------------------------------------------------------------------------

    def _name(self, table: str, columns: Sequence[str], suffix: str) -> str:
        """Prisma's default constraint name, e.g. `Post_authorId_fkey`, cut to the dialect limit."""
        base = "_".join([table, *columns])
        limit = MAX_NAME[self.dialect] - len(suffix) - 1
        return f"{base[:limit]}_{suffix}"

    def _cols(self, model: Model, field_names: Sequence[str]) -> list[str]:
        by_name = {f.name: f for f in _columns(model)}
        if missing := [n for n in field_names if n not in by_name]:
            raise SchemaError(f"model {model.name} has no field {missing[0]!r}", model.line)
        return [by_name[n].db_name for n in field_names]

    # -- types and defaults --------------------------------------------------------------------

    def _type_spec(self, field: Field) -> tuple[str | exp.DataType.Type, tuple[int, ...]]:
        nt = field.native_type
        if nt is not None:
            spec = NATIVE_TYPES[self.dialect].get(nt.name)
            if self.dialect == "mysql" and field.type == "Boolean" and nt.name == "TinyInt" and not nt.args:
                return "TINYINT", (1,)  # Prisma's Boolean is TINYINT(1), with or without @db.TinyInt
            if spec is not None:
                try:
                    return spec, tuple(int(a) for a in nt.args)
                except ValueError:
                    raise SchemaError(f"@db.{nt.name} arguments must be integers", field.line) from None
            if not any(nt.name in t for t in NATIVE_TYPES.values()):
                raise SchemaError(f"unknown native type @db.{nt.name} on field {field.name}", field.line)
            # a native type of another provider: fall back to Prisma's default for this dialect
        return SCALAR_TYPES[self.dialect][field.type]

    def _column_type(self, field: Field, *, serial: bool = True) -> exp.DataType:
        """The column's type; `serial=False` for columns that reference it (join tables)."""
        if field.kind == "enum":
            enum = self.schema.enum(field.type)
            if enum is None:
                raise SchemaError(f"unknown enum {field.type} on field {field.name}", field.line)
            if self.dialect == "postgres":
                dt = exp.DataType(this=DT.USERDEFINED, kind=_ident(enum.db_name))
            elif self.dialect == "mysql":
                dt = exp.DataType(this=DT.ENUM, expressions=[exp.Literal.string(v.db_name) for v in enum.values])
            else:  # sqlite: TEXT plus a CHECK constraint (see _column)
                dt = exp.DataType(this=DT.USERDEFINED, kind="TEXT")
        else:
            kind, args = self._type_spec(field)
            is_auto = field.default is not None and field.default.kind == "autoincrement"
            if serial and is_auto and self.dialect == "postgres" and isinstance(kind, str):
                kind, args = PG_SERIAL.get(kind, kind), ()
            if isinstance(kind, str):
                dt = exp.DataType(this=DT.USERDEFINED, kind=kind, expressions=_params(args))
            else:
                dt = exp.DataType(this=kind, expressions=_params(args))
        if field.is_list:
            if self.dialect != "postgres":
                raise SchemaError(f"field {field.name}: scalar lists need PostgreSQL", field.line)
            dt = exp.DataType(this=DT.ARRAY, expressions=[dt], nested=True)
        return dt

    def _literal(self, field: Field, value: Any) -> exp.Expr:
        """A default value as a SQL literal (DDL has no bind parameters; sqlglot escapes it)."""
        if isinstance(value, bool):  # SQLite keeps the default's text: Prisma writes it lower case
            return exp.var(str(value).lower()) if self.dialect == "sqlite" else exp.Boolean(this=value)
        if isinstance(value, int | float | decimal.Decimal) or (isinstance(value, str) and field.type in NUMERIC):
            try:
                number = decimal.Decimal(str(value))
            except decimal.InvalidOperation:
                raise SchemaError(f"default of {field.name} is not a number: {value!r}", field.line) from None
            if not number.is_finite():
                raise SchemaError(f"default of {field.name} must be finite", field.line)
            if isinstance(value, float) and value.is_integer():  # as Prisma (Rust's f64 Display): 0, not 0.0
                return exp.Literal.number(str(int(value)))
            return exp.Literal.number(str(value))
        if isinstance(value, str) and field.type == "DateTime":
            return exp.Literal.string(self._datetime_text(field, value))
        if isinstance(value, str):
            return exp.Literal.string(value)
        raise SchemaError(f"unsupported default {value!r} on field {field.name}", field.line)

    def _datetime_text(self, field: Field, value: str) -> str:
        """An ISO-8601 default as UTC text in the form the client stores (MySQL refuses `T`/`Z`)."""
        try:
            when = datetime.datetime.fromisoformat(value)
        except ValueError:
            raise SchemaError(f"default of {field.name} is not an ISO-8601 date-time: {value!r}", field.line) from None
        when = when.replace(tzinfo=when.tzinfo or datetime.UTC).astimezone(datetime.UTC)
        native = field.native_type.name if field.native_type and self.dialect != "sqlite" else ""
        millis = f"{when:%H:%M:%S}.{when.microsecond // 1000:03d}"
        if native == "Date":
            return f"{when:%Y-%m-%d}"
        if native in ("Time", "Timetz"):
            return millis + ("+00:00" if native == "Timetz" else "")
        if self.dialect == "sqlite":  # compiler's fixed-width text: text order is time order
            return f"{when:%Y-%m-%d}T{millis}+00:00"
        return f"{when:%Y-%m-%d} {millis}" + ("+00:00" if native == "Timestamptz" else "")

    def _enum_value(self, field: Field, name: Any) -> exp.Expr:
        enum = self.schema.enum(field.type)
        by_name = {v.name: v.db_name for v in enum.values} if enum else {}
        if name not in by_name:
            raise SchemaError(f"default of {field.name}: {name!r} is not a value of enum {field.type}", field.line)
        return exp.Literal.string(by_name[name])

    def _default(self, field: Field, dt: exp.DataType) -> exp.Expr | None:
        d = field.default
        if d is None:
            return None
        if d.kind == "now":
            if self.dialect == "sqlite":  # as Prisma; the client sets `now()` itself on every create
                return exp.CurrentTimestamp()
            precision = None
            if self.dialect == "mysql":  # MySQL wants the column's own fractional precision
                args = [int(p.name) for p in dt.expressions if isinstance(p, exp.DataTypeParam)]
                precision = exp.Literal.number(args[0]) if args and args[0] else None
            return exp.CurrentTimestamp(this=precision)
        if d.kind == "dbgenerated":
            if not d.value:
                return None  # `dbgenerated()`: the database has a default we do not manage
            try:  # trusted schema text, parsed so the renderer still emits it
                expr = sqlglot.parse_one(str(d.value), read=self.dialect)
            except SqlglotError as e:
                raise SchemaError(f"cannot parse dbgenerated({d.value!r}) on {field.name}: {e}",
                                  field.line) from None
            return self._wrap(expr)
        if d.kind not in ("literal", "enum"):
            return None  # autoincrement / uuid() / cuid() / ... are handled elsewhere or client-side
        if field.is_list:
            items = d.value if isinstance(d.value, list | tuple) else [d.value]
            vals = [self._enum_value(field, v) if field.kind == "enum" else self._literal(field, v) for v in items]
            return exp.Cast(this=exp.Array(expressions=vals), to=dt.copy())
        value = self._enum_value(field, d.value) if field.kind == "enum" else self._literal(field, d.value)
        if self.dialect == "mysql" and str(dt.args.get("kind") or "").upper() in MYSQL_EXPR_DEFAULT:
            return exp.Paren(this=value)
        return value

    def _wrap(self, expr: exp.Expr) -> exp.Expr:
        """SQLite and MySQL accept only literals (and CURRENT_TIMESTAMP) unparenthesised."""
        bare = exp.Literal | exp.Paren | exp.CurrentTimestamp | exp.Boolean | exp.Null | exp.Var
        keep = isinstance(expr, bare) or (isinstance(expr, exp.Neg) and isinstance(expr.this, exp.Literal))
        return expr if keep or self.dialect == "postgres" else exp.Paren(this=expr)

    # -- tables --------------------------------------------------------------------------------

    def _column(self, model: Model, field: Field) -> exp.ColumnDef:
        dt = self._column_type(field)
        cons: list[exp.Expr] = []
        if field.is_required and not field.is_list:
            cons.append(exp.NotNullColumnConstraint())
        elif self.dialect == "mysql":  # explicit NULL, as Prisma (keeps TIMESTAMP columns nullable)
            cons.append(exp.NotNullColumnConstraint(allow_null=True))
        is_auto = field.default is not None and field.default.kind == "autoincrement"
        single_pk = not model.implicit_pk and tuple(model.primary_key) == (field.name,)
        if self.dialect == "sqlite" and is_auto and not single_pk:
            raise SchemaError(f"SQLite autoincrement needs a single @id field ({model.name}.{field.name})",
                              field.line)
        if self.dialect == "sqlite" and single_pk:  # Prisma inlines a one-column key on SQLite,
            cons.append(exp.PrimaryKeyColumnConstraint())  # and an Int key is always AUTOINCREMENT
            if field.type == "Int" or is_auto:
                # BigInt autoincrement: Prisma writes a plain BIGINT key, which SQLite never fills in;
                # only INTEGER aliases the rowid, so ours is INTEGER (the one deliberate difference)
                dt = exp.DataType(this=DT.USERDEFINED, kind="INTEGER")
                cons.append(exp.AutoIncrementColumnConstraint())
        elif is_auto and self.dialect == "mysql":
            cons.append(exp.AutoIncrementColumnConstraint())
        default = self._default(field, dt)
        if default is not None:
            cons.append(exp.DefaultColumnConstraint(this=default))
        return exp.ColumnDef(this=_ident(field.db_name), kind=dt,
                             constraints=[exp.ColumnConstraint(kind=c) for c in cons])

    def _pk_name(self, model: Model) -> str:
        for u in model.uniques:
            if tuple(u.fields) == tuple(model.primary_key) and u.db_name:
                return u.db_name
        return self._name(model.db_name, [], "pkey")

    def _create_table(self, model: Model) -> exp.Expr:
        defs: list[exp.Expr] = [self._column(model, f) for f in _columns(model)]
        inline_pk = any(c.find(exp.PrimaryKeyColumnConstraint) for c in defs)
        if model.primary_key and not inline_pk and not model.implicit_pk:
            pk_cols = self._key_columns(model, model.primary_key, next(
                (u.columns for u in model.uniques if tuple(u.fields) == tuple(model.primary_key)), ()))
            pk = exp.PrimaryKey(expressions=pk_cols)
            # MySQL always names it PRIMARY, and SQLite inlines a single-column key: no name there.
            defs.append(exp.Constraint(this=_ident(self._pk_name(model)), expressions=[pk])
                        if self.dialect == "postgres" else pk)
        if self.with_fks and self.dialect == "sqlite":
            defs += self._fk_constraints(model)
        return self._create(model.db_name, defs)

    def _create(self, name: str, defs: list[exp.Expr]) -> exp.Expr:
        props = None
        if self.dialect == "mysql":  # Prisma's table options; 191 chars x 4 bytes fit an index key
            props = exp.Properties(expressions=[
                exp.CharacterSetProperty(this=exp.var("utf8mb4"), default=True),
                exp.CollateProperty(this=exp.var("utf8mb4_unicode_ci")),
            ])
        return exp.Create(kind="TABLE", this=exp.Schema(this=_table(name), expressions=defs), properties=props)

    def _create_join_table(self, name: str, cols: dict[str, tuple[Model, str]]) -> exp.Expr:
        defs: list[exp.Expr] = []
        for col in sorted(cols):
            model, key = cols[col]
            ref = next((f for f in model.scalar_fields if f.db_name == key), None)
            if ref is None:
                raise SchemaError(f"join table {name}: {model.name} has no column {key!r}", model.line)
            defs.append(exp.ColumnDef(this=_ident(col), kind=self._column_type(ref, serial=False),
                                      constraints=[exp.ColumnConstraint(kind=exp.NotNullColumnConstraint())]))
        if self.dialect == "postgres":
            pk = exp.PrimaryKey(expressions=[_ident("A"), _ident("B")])
            defs.append(exp.Constraint(this=_ident(f"{name}_AB_pkey"), expressions=[pk]))
        if self.with_fks and self.dialect == "sqlite":
            defs += self._join_fks(name, cols)
        return self._create(name, defs)

    def _create_enum(self, name: str, values: list[str]) -> exp.Expr:
        # sqlglot parses `CREATE TYPE x AS ENUM (...)` into exactly this tree and renders it back.
        enum = exp.DataType(this=DT.ENUM, expressions=[exp.Literal.string(v) for v in values])
        return exp.Create(kind="TYPE", this=_table(name), expression=enum)

    # -- indexes -------------------------------------------------------------------------------

    def _index(self, name: str, table: str, columns: Sequence[str | exp.Expr], unique: bool,
               method: str | None = None) -> exp.Expr:
        cols = [exp.column(_ident(c)) if isinstance(c, str) else c for c in columns]
        using = exp.var(method) if method and self.dialect == "postgres" else None
        params = exp.IndexParameters(columns=cols, using=using)
        return exp.Create(kind="INDEX", unique=unique,
                          this=exp.Index(this=_ident(name), table=_table(table), params=params))

    def _key_columns(self, model: Model, fields: Sequence[str], options: Sequence[IndexColumn]) -> list[exp.Expr]:
        """Index/key columns with their `sort:`, `length:` (MySQL) and `ops:` (PostgreSQL) options."""
        by_field = {c.field: c for c in options}
        out: list[exp.Expr] = []
        for name, col in zip(fields, self._cols(model, fields), strict=True):
            term: exp.Expr = exp.column(_ident(col))
            opt = by_field.get(name)
            if opt is not None and opt.length is not None and self.dialect == "mysql":
                term = exp.Anonymous(this=_ident(col), expressions=[exp.Literal.number(opt.length)])
            if opt is not None and opt.ops and self.dialect == "postgres":
                term = exp.Opclass(this=term, expression=exp.var(_snake(opt.ops)))
            if opt is not None and (opt.sort or "").lower() == "desc":
                # PostgreSQL's own default for DESC is NULLS FIRST: said so, sqlglot writes no NULLS clause
                term = exp.Ordered(this=term, desc=True, nulls_first=True if self.dialect == "postgres" else None)
            out.append(term)
        return out

    def _indexes(self, model: Model) -> list[exp.Expr]:
        """Unique indexes (in schema order), then `@@index`es; Prisma adds none for foreign keys."""
        out: list[exp.Expr] = []
        uniques = [(tuple(u.fields), u.db_name, u.columns) for u in model.uniques]
        uniques += [((f.name,), None, ()) for f in model.scalar_fields if f.is_unique and (
            (f.name,) not in [u for u, _, _ in uniques] or (f.is_id and not model.implicit_pk))]  # `@id @unique`
        skipped_pk = model.implicit_pk  # without @id, the chosen unique is a plain unique index
        for fields, db_name, options in uniques:
            if fields == tuple(model.primary_key) and not skipped_pk:
                skipped_pk = True  # the primary key's own entry
                continue
            name = db_name or self._name(model.db_name, self._cols(model, fields), "key")
            out.append(self._index(name, model.db_name, self._key_columns(model, fields, options), True))
        for idx in model.indexes:  # `@@index`, and a `@@unique` repeating a compound `@@id` (unique=True)
            name = idx.db_name or self._name(model.db_name, self._cols(model, idx.fields), "key" if idx.unique else "idx")
            method = INDEX_METHODS.get(idx.type or "")
            out.append(self._index(name, model.db_name, self._key_columns(model, idx.fields, idx.columns), idx.unique,
                                   method))
        return out

    # -- foreign keys --------------------------------------------------------------------------

    def _foreign_keys(self) -> dict[str, list[tuple[str, tuple[str, ...], Field]]]:
        """model name -> [(referenced model, FK field names, relation field)] for direct relations."""
        out: dict[str, list[tuple[str, tuple[str, ...], Field]]] = {}
        for model in self.all_models:
            for f in model.relation_fields:
                r = f.relation
                if r is not None and r.holds_fk and r.kind != "many_to_many" and r.fields:
                    out.setdefault(model.name, []).append((r.to_model, tuple(r.fields), f))
        return out

    def _fk_constraints(self, model: Model) -> list[exp.Expr]:
        out: list[exp.Expr] = []
        for parent_name, fields, rel_field in self.fks.get(model.name, ()):
            r = rel_field.relation
            parent = self.schema.model(parent_name)
            if r is None or parent is None:
                raise SchemaError(f"relation {model.name}.{rel_field.name}: unknown model {parent_name}",
                                  rel_field.line)
            cols = self._cols(model, fields)
            refs = self._cols(parent, r.references)
            required = all(f.is_required for f in (model.field(n) for n in fields) if f is not None)
            on_delete = r.on_delete or ("Restrict" if required else "SetNull")
            on_update = r.on_update or "Cascade"
            name = r.fk_name or self._name(model.db_name, cols, "fkey")  # `map:` else Prisma's default
            out.append(self._fk(name, cols, parent.db_name, refs, on_delete, on_update))
        return out

    def _join_fks(self, name: str, cols: dict[str, tuple[Model, str]]) -> list[exp.Expr]:
        return [self._fk(f"{name}_{col}_fkey", [col], cols[col][0].db_name, [cols[col][1]], "Cascade", "Cascade")
                for col in sorted(cols)]

    @staticmethod
    def _fk(name: str, cols: Sequence[str], table: str, refs: Sequence[str], on_delete: str,
            on_update: str) -> exp.Expr:
        for action in (on_delete, on_update):
            if action not in ACTIONS:
                raise SchemaError(f"unknown referential action {action!r} on {name}")
        ref = exp.Reference(this=exp.Schema(this=_table(table), expressions=[_ident(c) for c in refs]))
        fk = exp.ForeignKey(expressions=[_ident(c) for c in cols], reference=ref,
                            delete=ACTIONS[on_delete], update=ACTIONS[on_update])
        return exp.Constraint(this=_ident(name), expressions=[fk])

    @staticmethod
    def _alter_add(table: str, constraint: exp.Expr) -> exp.Expr:
        return exp.Alter(this=_table(table), kind="TABLE", actions=[exp.AddConstraint(expressions=[constraint])])

