"""Column types per dialect: Prisma's default type per scalar and the `@db.*` native types,
plus the small tables of dialect facts the DDL needs (serials, referential actions, name limits)."""

from __future__ import annotations

from sqlglot import exp

DT = exp.DataType.Type

# Prisma's default column type per scalar: (SQL type, type arguments).
SCALAR_TYPES: dict[str, dict[str, tuple[str, tuple[int, ...]]]] = {
    "postgres": {
        "String": ("TEXT", ()), "Int": ("INTEGER", ()), "BigInt": ("BIGINT", ()),
        "Float": ("DOUBLE PRECISION", ()), "Decimal": ("DECIMAL", (65, 30)), "Boolean": ("BOOLEAN", ()),
        "DateTime": ("TIMESTAMP", (3,)), "Json": ("JSONB", ()), "Bytes": ("BYTEA", ()),
    },
    "mysql": {
        "String": ("VARCHAR", (191,)), "Int": ("INTEGER", ()), "BigInt": ("BIGINT", ()),
        "Float": ("DOUBLE", ()), "Decimal": ("DECIMAL", (65, 30)), "Boolean": ("BOOLEAN", ()),
        "DateTime": ("DATETIME", (3,)), "Json": ("JSON", ()), "Bytes": ("LONGBLOB", ()),
    },
    # Json is JSONB, as Prisma declares it (NUMERIC affinity: a bare top-level JSON number such as
    # `1e5` is stored as a number; objects, arrays and strings stay text).
    "sqlite": {
        "String": ("TEXT", ()), "Int": ("INTEGER", ()), "BigInt": ("BIGINT", ()), "Float": ("REAL", ()),
        "Decimal": ("DECIMAL", ()), "Boolean": ("BOOLEAN", ()), "DateTime": ("DATETIME", ()),
        "Json": ("JSONB", ()), "Bytes": ("BLOB", ()),
    },
}


def _upper(names: str) -> dict[str, str | exp.DataType.Type]:
    return {n: n.upper() for n in names.split()}


# `@db.<Name>` -> SQL type: mostly the name in capitals. A DataType.Type where sqlglot renders it
# exactly (MySQL's unsigned integers put `UNSIGNED` after the arguments).
NATIVE_TYPES: dict[str, dict[str, str | exp.DataType.Type]] = {
    "postgres": {**_upper("Text Char VarChar Bit VarBit Uuid Xml Inet Citext Boolean Integer SmallInt Oid BigInt "
                          "Real Decimal Money Timestamp Timestamptz Date Time Timetz Json JsonB ByteA"),
                 "DoublePrecision": "DOUBLE PRECISION"},
    "mysql": {**_upper("VarChar Text Char TinyText MediumText LongText Bit Binary VarBinary TinyBlob Blob "
                       "MediumBlob LongBlob Int SmallInt MediumInt TinyInt BigInt Year Float Double Decimal "
                       "DateTime Timestamp Date Time Json"),
              "UnsignedInt": DT.UINT, "UnsignedSmallInt": DT.USMALLINT, "UnsignedMediumInt": DT.UMEDIUMINT,
              "UnsignedTinyInt": DT.UTINYINT, "UnsignedBigInt": DT.UBIGINT},
    "sqlite": {},  # Prisma has no SQLite native types; `@db.*` from another provider is ignored
}
PG_SERIAL = {"INTEGER": "SERIAL", "BIGINT": "BIGSERIAL", "SMALLINT": "SMALLSERIAL"}
# MySQL refuses a bare literal DEFAULT on these types; an expression default `('...')` is fine.
MYSQL_EXPR_DEFAULT = {"JSON", "TEXT", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT", "BLOB", "TINYBLOB",
                       "MEDIUMBLOB", "LONGBLOB"}
NUMERIC = {"Int", "BigInt", "Float", "Decimal"}
ACTIONS = {"Cascade": "CASCADE", "Restrict": "RESTRICT", "NoAction": "NO ACTION",
            "SetNull": "SET NULL", "SetDefault": "SET DEFAULT"}
MAX_NAME = {"postgres": 63, "mysql": 64, "sqlite": 10_000}
DIALECTS = ("sqlite", "postgres", "mysql")
# `@@index(type: ...)` -> PostgreSQL access method (BTree is the default and is not written)
INDEX_METHODS = {"Hash": "HASH", "Gist": "GIST", "Gin": "GIN", "SpGist": "SPGIST", "Brin": "BRIN"}
