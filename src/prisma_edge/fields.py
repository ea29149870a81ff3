"""Values with a special meaning in queries: field references and the three Json nulls.

- `FieldRef("other")` compares a field with another field of the same record, Prisma's
  `prisma.model.fields.other`: `where={"price": {"lt": FieldRef("listPrice")}}`.
- `DbNull`, `JsonNull`, `AnyNull` tell a database NULL from a Json `null` in Json fields, as in
  Prisma. In data, `DbNull` (and Python `None`) store SQL NULL and `JsonNull` stores the Json
  value `null`; in filters, `AnyNull` matches either.
"""

from __future__ import annotations

from attrs import frozen


@frozen
class FieldRef:
    """A reference to another scalar field of the same model, usable as a filter value."""

    name: str


class _NullKind:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name

    def __reduce__(self) -> str:
        return self.name


DbNull = _NullKind("DbNull")
JsonNull = _NullKind("JsonNull")
AnyNull = _NullKind("AnyNull")

__all__ = ["AnyNull", "DbNull", "FieldRef", "JsonNull"]
