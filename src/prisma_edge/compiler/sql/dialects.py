"""Per-dialect SQL differences, in one table per dialect (the sqlglot way).

Each `Rules` subclass names its sqlglot dialect and overrides only what differs: JSON
construction and aggregation, how a value is made JSON-safe, LIKE for case-(in)sensitive
matching, RETURNING, insert-ignore. Rendering uses a subclass of the dialect's sqlglot
Generator whose TRANSFORMS entry for `exp.Placeholder` records which value each placeholder
binds, in the order the placeholders appear in the text (so `?` dialects stay correct), and
prints the dialect's marker (`$n` for PostgreSQL, `?` elsewhere).

Placeholders carry a key in `this`: "<slot>" for a user value, "r<step>.<column>" for a value
taken from an earlier statement's first row, "j<slot>.<slot>..." for several user values packed
into one JSON parameter (see `plan.Statement`).

Each subclass also states what one statement may carry (`max_params`, `max_statement_bytes`),
the compiler's one table of per-dialect statement limits: `compiler.build` packs long `in` lists
and splits multi-row inserts to stay inside them, and refuses what still does not fit.
`rules_for(key)` looks a table up by its key: a dialect's name, or a variant such as "d1"
(SQLite SQL whose operations must each be one static batch).
"""

from __future__ import annotations

from functools import cache
from typing import Any, ClassVar

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect

from ...schema.model import Field
from ..plan import Pack, ParamRef, Ref, Statement


def param(key: int | Ref | Pack) -> exp.Placeholder:
    """A placeholder node for a slot index, a Ref or a Pack."""
    if isinstance(key, Ref):
        return exp.Placeholder(this=f"r{key.step}.{key.column}" + (f".{key.alt}" if key.alt is not None else ""))
    if isinstance(key, Pack):
        return exp.Placeholder(this="j" + ".".join(map(str, key.slots)))
    return exp.Placeholder(this=str(key))


def parse_key(text: str) -> ParamRef:
    """The ParamRef a placeholder key names (see `param`)."""
    if text.startswith("r"):
        parts = [int(x) for x in text[1:].split(".")]  # column -1: the step's insertId
        return Ref(parts[0], parts[1], parts[2] if len(parts) > 2 else None)
    if text.startswith("j"):
        return Pack(tuple(int(x) for x in text[1:].split(".")))
    return int(text)


def ident(name: str) -> exp.Identifier:
    return exp.to_identifier(name, quoted=True)


def col(alias: str, name: str) -> exp.Column:
    return exp.Column(this=ident(name), table=ident(alias))


def fn(name: str, *args: exp.Expression) -> exp.Expression:
    """A plain function call by name (our own constant names, never user input)."""
    return exp.Anonymous(this=name, expressions=list(args))


class Rules:
    """Base rules (ANSI-ish). Subclasses override per dialect."""

    name: ClassVar[str] = ""  # the SQL dialect (what `rules.name == ...` checks compare)
    key: ClassVar[str] = ""  # the table's key in RULES, when it is a variant of `name`
    sqlglot_dialect: ClassVar[str] = ""
    placeholder: ClassVar[str] = "?"
    returning: ClassVar[bool] = True
    json_array_fn: ClassVar[str] = "JSON_ARRAY"
    json_agg_fn: ClassVar[str] = "JSON_ARRAYAGG"
    supports_nulls_ordering: ClassVar[bool] = True
    # Correlated derived tables (a FROM-subquery that references the outer row).
    correlated_derived_tables: ClassVar[bool] = True
    # A check that must stop a write (P2025 inside a batch, Restrict) is a statement that fails
    # (writes/guards.py), not a step the client checks between statements.
    guards: ClassVar[bool] = False
    # Every plan must be static (one batch, no values passed between statements): D1.
    static_plans: ClassVar[bool] = False
    # What one statement may carry: bind parameters, and bytes of SQL text.
    max_params: ClassVar[int] = 65_535
    max_statement_bytes: ClassVar[int] = 1_000_000_000

    def nulls_first_default(self, descending: bool) -> bool:
        """Where NULLs sort when no `nulls` is given: MySQL and SQLite put them first ascending."""
        return not descending

    # ---- JSON ----------------------------------------------------------------------------

    def json_array(self, items: list[exp.Expression]) -> exp.Expression:
        return fn(self.json_array_fn, *items)

    def json_agg(self, value: exp.Expression) -> exp.Expression:
        return fn(self.json_agg_fn, value)

    def empty_json_array(self) -> exp.Expression:
        return exp.Literal.string("[]")

    def json_safe(self, value: exp.Expression, field: Field) -> exp.Expression:
        """Make a column value representable inside JSON without loss."""
        if field.type == "Bytes":
            return fn("HEX", value)
        return value

    def nested_json(self, value: exp.Expression) -> exp.Expression:
        """A subquery's JSON result, placed inside another JSON value."""
        return value

    # ---- matching ------------------------------------------------------------------------

    def like(self, column: exp.Expression, pattern: exp.Expression, insensitive: bool) -> exp.Expression:
        if insensitive:
            column, pattern = exp.Lower(this=column), exp.Lower(this=pattern)
        return exp.Escape(this=exp.Like(this=column, expression=pattern), expression=exp.Literal.string("\\"))

    def match(self, op: str, column: exp.Expression, text: exp.Expression, pattern: exp.Expression,
              insensitive: bool) -> exp.Expression:
        """contains / startswith / endswith: `text` is the raw value, `pattern` its LIKE pattern."""
        return self.like(column, pattern, insensitive)

    def concat(self, parts: list[exp.Expression]) -> exp.Expression:
        out = parts[0]
        for part in parts[1:]:
            out = exp.DPipe(this=out, expression=part)
        return out

    def cast_param(self, value: exp.Expression, field: Field, enum_db_name: str | None) -> exp.Expression:
        return value

    def top_level(self, value: exp.Expression, field: Field) -> exp.Expression:
        """A column selected at the top level of a result (not inside JSON)."""
        return value

    def fail_with(self, text: exp.Expression) -> exp.Expression:
        """An expression that fails its statement with `text` in the error message (guards.py)."""
        return exp.Cast(this=text, to=exp.DataType.build("int"))

    # `in` lists can go as ONE JSON parameter (`packed_list`) when a statement has too many
    packs_lists: ClassVar[bool] = False

    def packed_list(self, pack: exp.Expression) -> exp.Expression:
        """The values of one packed JSON parameter as a subquery an IN can read."""
        raise NotImplementedError(f"{self.name} does not read packed lists")

    # ---- rendering -----------------------------------------------------------------------

    def render(self, expression: exp.Expression) -> Statement:
        source = expression.copy() if self.static_plans else None  # for writes/static.py
        cls, dialect = _generator_class(type(self))
        gen = cls(dialect=dialect)
        sql = gen.generate(expression, copy=False)
        return Statement(sql, tuple(gen.pe_params), source)


class PostgresRules(Rules):
    name = "postgres"
    sqlglot_dialect = "postgres"
    placeholder = "$"
    guards = True
    max_params = 65_535  # the protocol's 16-bit parameter count
    max_statement_bytes = 2**30 - 1  # the largest protocol message
    json_array_fn = "JSON_BUILD_ARRAY"
    json_agg_fn = "JSON_AGG"

    def nulls_first_default(self, descending: bool) -> bool:
        return descending  # PostgreSQL: NULLs are larger than every value

    def empty_json_array(self) -> exp.Expression:
        return exp.Cast(this=exp.Literal.string("[]"), to=exp.DataType.build("json"))

    def json_safe(self, value: exp.Expression, field: Field) -> exp.Expression:
        if field.type == "Bytes":
            return fn("ENCODE", value, exp.Literal.string("hex"))
        return value

    def like(self, column: exp.Expression, pattern: exp.Expression, insensitive: bool) -> exp.Expression:
        node = exp.ILike if insensitive else exp.Like
        return exp.Escape(this=node(this=column, expression=pattern), expression=exp.Literal.string("\\"))

    def cast_param(self, value: exp.Expression, field: Field, enum_db_name: str | None) -> exp.Expression:
        if enum_db_name is not None:  # the enum type's name, quoted by the renderer
            dtype = exp.DataType(this=exp.DataType.Type.USERDEFINED, kind=exp.to_identifier(enum_db_name, quoted=True))
        elif (native := getattr(field, "native_type", None)) is not None and native.name in PG_NATIVE_CASTS:
            # the column's own type (`@db.Uuid`, `@db.Timestamptz`, ...): text would not assign to it
            dtype = _pg_type(PG_NATIVE_CASTS[native.name])
            if native.name in ("Time", "Timetz"):  # a DateTime is sent as a full timestamp: take its time
                via = "timestamp" if native.name == "Time" else "timestamptz"
                return exp.Cast(this=exp.Cast(this=value, to=_pg_type(via)), to=dtype)
        elif (pg := PG_CAST_TYPES.get(field.type)) is not None:
            dtype = exp.DataType.build(pg, dialect="postgres")
        else:
            return value
        if field.is_list:
            dtype = exp.DataType(this=exp.DataType.Type.ARRAY, expressions=[dtype], nested=True)
        return exp.Cast(this=value, to=dtype)


PG_CAST_TYPES = {
    "String": "text",
    "Int": "integer",
    "BigInt": "bigint",
    "Float": "double precision",
    "Decimal": "numeric",
    "Boolean": "boolean",
    "DateTime": "timestamp(3)",
    "Json": "jsonb",
    "Bytes": "bytea",
}


# `@db.<Name>` -> the PostgreSQL type a bound value is cast to before it is written, where a text
# value would not assign to the column (no length/precision: the column applies its own). String
# types (Char, VarChar, Text, Bit...) keep the text cast, which assigns to them as it is.
PG_NATIVE_CASTS = {
    "Uuid": "uuid", "Xml": "xml", "Inet": "inet", "Citext": "citext", "Boolean": "boolean",
    "Integer": "integer", "SmallInt": "smallint", "Oid": "oid", "BigInt": "bigint",
    "DoublePrecision": "double precision", "Real": "real", "Decimal": "numeric", "Money": "money",
    "Timestamp": "timestamp", "Timestamptz": "timestamptz", "Date": "date", "Time": "time", "Timetz": "timetz",
    "Json": "json", "JsonB": "jsonb", "ByteA": "bytea",
    "Bit": "varbit", "VarBit": "varbit",  # text does not assign to bit; varbit keeps the length to check
}


def _pg_type(name: str) -> exp.DataType:
    if name in ("citext", "varbit"):  # types sqlglot does not know by name
        return exp.DataType(this=exp.DataType.Type.USERDEFINED, kind=exp.to_identifier(name))
    return exp.DataType.build(name, dialect="postgres")


class SqliteRules(Rules):
    name = "sqlite"
    sqlglot_dialect = "sqlite"
    json_array_fn = "json_array"
    json_agg_fn = "json_group_array"
    max_params = 32_766  # SQLITE_MAX_VARIABLE_NUMBER
    max_statement_bytes = 1_000_000_000  # SQLITE_MAX_SQL_LENGTH
    packs_lists = True

    def fail_with(self, text: exp.Expression) -> exp.Expression:
        # a JSON path must start with `$`: json_extract fails with the path in its message
        return fn("json_extract", exp.Literal.string("{}"), text)

    def packed_list(self, pack: exp.Expression) -> exp.Expression:
        each = exp.Table(this=exp.Anonymous(this="json_each", expressions=[pack]))
        return exp.Select(expressions=[exp.column("value")]).from_(each, copy=False)

    def json_safe(self, value: exp.Expression, field: Field) -> exp.Expression:
        if field.type == "Bytes":  # hex(NULL) is '' in SQLite: keep NULL as NULL
            return exp.Case(ifs=[exp.If(this=exp.Is(this=value.copy(), expression=exp.Null()), true=exp.Null())],
                            default=fn("hex", value))
        if field.type == "Json":
            return fn("json", value)
        return value

    def nested_json(self, value: exp.Expression) -> exp.Expression:
        # Subtypes do not cross subquery boundaries in SQLite: json() re-marks the text as JSON.
        return fn("json", value)

    def like(self, column: exp.Expression, pattern: exp.Expression, insensitive: bool) -> exp.Expression:
        # SQLite's LIKE ignores ASCII case, which is exactly Prisma's `insensitive` there.
        return super().like(column, pattern, False)

    def match(self, op: str, column: exp.Expression, text: exp.Expression, pattern: exp.Expression,
              insensitive: bool) -> exp.Expression:
        """Case-sensitive matching cannot use LIKE here: instr() / substr() on the raw text
        (the binder sends the raw value for these slots; see client.codec)."""
        if insensitive:
            return self.like(column, pattern, True)
        position = fn("instr", column, text)
        if op == "contains":
            return exp.GT(this=position, expression=exp.Literal.number(0))
        if op == "startswith":
            return exp.EQ(this=position, expression=exp.Literal.number(1))
        start = exp.Add(this=exp.Sub(this=fn("length", column.copy()), expression=fn("length", text.copy())),
                        expression=exp.Literal.number(1))
        return exp.EQ(this=fn("substr", column.copy(), start), expression=text.copy())


class MysqlRules(Rules):
    name = "mysql"
    sqlglot_dialect = "mysql"
    returning = False
    supports_nulls_ordering = False
    max_statement_bytes = 16 * 2**20  # max_allowed_packet's default (PlanetScale interpolates values)

    def concat(self, parts: list[exp.Expression]) -> exp.Expression:
        return exp.Concat(expressions=parts)  # `||` is OR in MySQL
    correlated_derived_tables = False  # MariaDB has none; MySQL 8.0.14+ has them: one SQL serves both

    def list_values(self, pack: exp.Expression, value_type: str) -> exp.Select:
        """An Int/BigInt list packed as `[[...]]` (compiler/lengths.py) as rows an IN can read:
        JSON_TABLE, the same on MariaDB 10.6+ (run here) and MySQL 8.0.4+ (by its documentation;
        the value arrives as a string constant, PlanetScale's API interpolating it). BIGINT holds
        every Int and BigInt value exactly (the arguments' validation keeps them within it)."""
        kind = exp.DataType.build("bigint")
        column = exp.JSONColumnDef(this=ident("v"), kind=kind, path=exp.Literal.string("$"))
        table = exp.JSONTable(this=pack, path=exp.Literal.string("$[0][*]"),
                              schema=exp.JSONSchema(expressions=[column]))
        source = exp.Table(this=table, alias=exp.TableAlias(this=ident("pe_list")))
        return exp.Select(expressions=[col("pe_list", "v")]).from_(source, copy=False)


class D1Rules(SqliteRules):
    """Cloudflare D1: SQLite behind `batch()`, which runs its statements in order and atomically
    (a failing statement rolls the whole batch back) but cannot hand one statement's result to
    the next, and has no interactive transaction (no BEGIN). So every plan is static: guards fail
    the batch, and dynamic plans are lowered (writes/static.py). Limits from Cloudflare's D1
    limits page: 100 bound parameters and 100,000 bytes of SQL per statement. D1 returns numbers
    as JavaScript doubles, so BigInt columns are selected as text (exact beyond 2**53)."""

    key = "d1"
    guards = True
    static_plans = True
    max_params = 100
    max_statement_bytes = 100_000

    def top_level(self, value: exp.Expression, field: Field) -> exp.Expression:
        if field.type == "BigInt" and not field.is_list:
            return exp.Cast(this=value, to=exp.DataType.build("text"))
        return value


RULES: dict[str, Rules] = {r.key or r.name: r for r in (PostgresRules(), SqliteRules(), MysqlRules(), D1Rules())}


def rules_for(dialect: str) -> Rules:
    try:
        return RULES[dialect]
    except KeyError:
        raise ValueError(f"unknown dialect {dialect!r}; expected one of {', '.join(RULES)}") from None


@cache
def _generator_class(rules_cls: type[Rules]) -> tuple[type[Any], Dialect]:
    dialect = Dialect.get_or_raise(rules_cls.sqlglot_dialect)
    base = dialect.generator_class
    numbered = rules_cls.placeholder == "$"

    def placeholder_sql(self: Any, e: exp.Placeholder) -> str:
        self.pe_params.append(parse_key(str(e.this)))
        return f"${len(self.pe_params)}" if numbered else "?"

    class Generator(base):  # type: ignore[misc, valid-type]
        TRANSFORMS = {**base.TRANSFORMS, exp.Placeholder: placeholder_sql}

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.pe_params: list[ParamRef] = []

    Generator.__name__ = f"{rules_cls.__name__}Generator"
    return Generator, dialect
