"""Prisma schema language tables: the providers, attributes, default functions, native types and
referential actions the resolver accepts, with the arguments each takes.

Data only (no logic), so checking the list against a Prisma release is reading one short file.
"""

from __future__ import annotations

PROVIDERS = {"sqlite": "sqlite", "postgresql": "postgresql", "postgres": "postgresql", "mysql": "mysql"}
# attribute -> accepted argument names (the first is the positional one where it has one)
FIELD_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "id": ("map", "length", "sort", "clustered"), "unique": ("map", "length", "sort", "clustered"),
    "default": ("value", "map"), "map": ("name",), "updatedAt": (), "ignore": (),
    "relation": ("name", "fields", "references", "onDelete", "onUpdate", "map"),
    # PlanetScale sharding (Prisma's shardKeys preview): routing only, the SQL is unchanged.
    "shardKey": (),
}
MODEL_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "id": ("fields", "name", "map", "length", "sort", "clustered"),
    "unique": ("fields", "name", "map", "length", "sort", "clustered", "where"),
    "index": ("fields", "map", "name", "type", "clustered", "where"), "map": ("name",), "ignore": (),
    "schema": ("name",), "fulltext": ("fields", "map"), "shardKey": ("fields",),
}
_INTS, _STR = ("Int", "BigInt"), ("String",)
# function -> (scalar types it fits; () = any, None = valid Prisma we do not support, allowed args)
DEFAULT_FUNCTIONS: dict[str, tuple[tuple[str, ...] | None, tuple[str, ...]]] = {
    "autoincrement": (_INTS, ()), "now": (("DateTime",), ()), "uuid": (_STR, ("4", "7")),
    "cuid": (_STR, ("1", "2")), "dbgenerated": ((), ()), "nanoid": (_STR, tuple(str(n) for n in range(2, 256))),
    "ulid": (_STR, ()),
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
DEFAULT_VERSION = {"uuid": 4, "cuid": 1}  # `uuid()` is uuid(4), `cuid()` is cuid(1), as in Prisma's DMMF
REFERENTIAL_ACTIONS = ("Cascade", "Restrict", "NoAction", "SetNull", "SetDefault")
