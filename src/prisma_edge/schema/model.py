"""The parsed schema: frozen, slotted value classes (the contract between parser, DDL and compiler).

Everything a later layer needs is resolved here once, at parse time: database names (`@map`),
primary keys, uniques, and for every relation field the exact join between the two tables (or the
implicit m-n join table). The compiler then never re-derives relation topology per query.

Theory of operation:
- `Field.kind` is "scalar", "enum" or "object". Object fields carry a `Relation`.
- A `Relation` describes the join from the field's model (the *parent* side of a query) to
  `Relation.to_model`. For direct relations, `join` pairs (column on this model, column on the
  other model). For an implicit many-to-many, the join goes through `join_table`: this model's
  key column(s) -> `join_table.<self_column>`, `join_table.<other_column>` -> other model key.
"""

from __future__ import annotations

from typing import Any, Literal

import attrs
from attrs import field, frozen

SCALAR_TYPES = frozenset(
    {"String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes"}
)

FieldKind = Literal["scalar", "enum", "object"]
RelationKind = Literal["one_to_one", "one_to_many", "many_to_one", "many_to_many"]
ReferentialAction = Literal["Cascade", "Restrict", "NoAction", "SetNull", "SetDefault"]


@frozen
class Default:
    """A field default: `kind` is autoincrement | uuid | cuid | now | literal | enum | dbgenerated | sequence.

    `value` holds the literal (already a Python value: str, int, float, bool, Decimal-as-str,
    list for scalar lists), the enum value name, or the dbgenerated SQL text. `args` keeps
    function arguments such as `uuid(7)`.
    """

    kind: str
    value: Any = None
    args: tuple[Any, ...] = ()


@frozen
class NativeType:
    """`@db.VarChar(255)` -> NativeType("VarChar", ("255",)); kept for DDL only."""

    name: str
    args: tuple[str, ...] = ()


@frozen
class Relation:
    """How an object field joins its model to `to_model` (see module docstring)."""

    name: str
    kind: RelationKind
    to_model: str
    opposite_field: str
    # This side stores the foreign key (has `fields:`/`references:`).
    holds_fk: bool
    # Scalar field names on this model / referenced on the other (only on the FK-holding side,
    # mirrored for the other side so both directions can join).
    fields: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    # Column pairs (this model's db column, other model's db column) for direct relations.
    join: tuple[tuple[str, str], ...] = ()
    on_delete: str | None = None
    on_update: str | None = None
    # Implicit many-to-many only.
    join_table: str | None = None
    self_column: str | None = None  # "A" or "B": column in join_table referencing this model
    other_column: str | None = None
    self_key: str | None = None  # db column on this model referenced by the join table
    other_key: str | None = None  # db column on the other model referenced by the join table
    # `@relation(map: "...")`: the foreign key constraint's name (FK-holding side only); None means
    # Prisma's default `<table>_<columns>_fkey`.
    fk_name: str | None = None


@frozen
class Field:
    """One model field. `type` is a scalar name, an enum name or a model name (per `kind`)."""

    name: str
    type: str
    kind: FieldKind
    db_name: str
    is_list: bool = False
    is_required: bool = True
    is_id: bool = False
    is_unique: bool = False
    is_updated_at: bool = False
    default: Default | None = None
    native_type: NativeType | None = None
    relation: Relation | None = None
    documentation: str | None = None
    line: int = 0

    @property
    def is_scalar(self) -> bool:
        return self.kind != "object"

    @property
    def is_relation(self) -> bool:
        return self.kind == "object"


@frozen
class UniqueIndex:
    """`@unique` / `@@unique` / `@@id`. `name` is the compound selector name (`a_b` or `name:`)."""

    fields: tuple[str, ...]
    name: str
    db_name: str | None = None


@frozen
class Index:
    """`@@index([a, b], map: "...")`: kept for DDL."""

    fields: tuple[str, ...]
    db_name: str | None = None
    # partial index (`where:`, Prisma's partialIndexes preview): raw SQL text, or {field: value |
    # None | ("not", value)}; `unique` for a partial `@@unique` (no selector: it holds for some rows)
    where: Any = None
    unique: bool = False


@frozen
class Model:
    name: str
    db_name: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    # Every unique selector, including the primary key (first) and single-field @unique.
    uniques: tuple[UniqueIndex, ...] = ()
    indexes: tuple[Index, ...] = ()
    documentation: str | None = None
    line: int = 0
    # a `view` block: read-only, no table of its own (the database's view of that name)
    is_view: bool = False
    # `@@schema("name")` (PostgreSQL multiSchema): the database schema holding the table
    db_schema: str | None = None
    # `@@fulltext([a, b], map: "...")` (MySQL): kept for DDL and the `search` filter
    fulltext: tuple[Index, ...] = ()
    _by_name: dict[str, Field] = field(factory=dict, init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        self._by_name.update({f.name: f for f in self.fields})

    def field(self, name: str) -> Field | None:
        return self._by_name.get(name)

    @property
    def scalar_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.kind != "object")

    @property
    def relation_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.kind == "object")


@frozen
class EnumValue:
    name: str
    db_name: str
    documentation: str | None = None


@frozen
class Enum:
    name: str
    db_name: str
    values: tuple[EnumValue, ...]
    documentation: str | None = None
    line: int = 0
    db_schema: str | None = None  # `@@schema("name")` (PostgreSQL multiSchema)


@frozen
class Datasource:
    """`provider` is normalised to "sqlite" | "postgresql" | "mysql".

    `url` is the literal URL when given inline, `url_env` the variable name for `env("...")`.
    The URL is a secret: it is excluded from repr.
    """

    name: str
    provider: str
    url: str | None = field(default=None, repr=False)
    url_env: str | None = None
    relation_mode: str = "foreignKeys"
    extra: tuple[tuple[str, str], ...] = ()
    # `schemas = ["base", "shop"]` (PostgreSQL multiSchema): the database schemas models live in
    schemas: tuple[str, ...] = ()


@frozen
class Generator:
    name: str
    properties: tuple[tuple[str, Any], ...] = ()


@frozen
class Schema:
    models: tuple[Model, ...]
    enums: tuple[Enum, ...] = ()
    datasource: Datasource | None = None
    generators: tuple[Generator, ...] = ()
    # the file or folder it was loaded from (None: parsed from text); `.env` and relative SQLite
    # paths are looked up beside it
    source_path: str | None = field(default=None, eq=False)
    _models: dict[str, Model] = field(factory=dict, init=False, eq=False, hash=False, repr=False)
    _enums: dict[str, Enum] = field(factory=dict, init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        self._models.update({m.name: m for m in self.models})
        self._enums.update({e.name: e for e in self.enums})

    def model(self, name: str) -> Model | None:
        return self._models.get(name)

    def enum(self, name: str) -> Enum | None:
        return self._enums.get(name)

    @property
    def provider(self) -> str:
        return self.datasource.provider if self.datasource else "sqlite"

    @property
    def relation_mode(self) -> str:
        return self.datasource.relation_mode if self.datasource else "foreignKeys"

    def evolve(self, **changes: Any) -> Schema:
        return attrs.evolve(self, **changes)
