"""The real-schema corpus (tests/schemas/corpus, MANIFEST.json): each project's schema, the
databases its provider allows, and create payloads for a model filled the way a user would
(every required field, required parents created in the same nested write)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal
from itertools import count
from pathlib import Path
from typing import Any

from prisma_edge.schema.model import Field, Model, Schema

CORPUS = Path(__file__).resolve().parent.parent / "schemas" / "corpus"


def projects() -> dict[str, dict[str, Any]]:
    return json.loads((CORPUS / "MANIFEST.json").read_text())["projects"]


def schema_path(project: dict[str, Any]) -> Path:
    """The project's schema as Prisma would be given it: its one file, or the folder of its files."""
    locals_ = [CORPUS / p["local"] for p in project["paths"]]
    if len(locals_) == 1:
        return locals_[0]
    root = locals_[0].parent
    while not all(root in p.parents for p in locals_):
        root = root.parent
    return root


class Payloads:
    """Create payloads with distinct values (so unique constraints hold across records)."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self.n = count(1)

    def create(self, model: Model, depth: int = 0, seen: tuple[str, ...] = ()) -> dict[str, Any] | None:
        """A create payload for `model`, or None when its required parents cannot be nested
        (a cycle, more than 4 levels, or two required relations sharing a foreign-key column)."""
        if depth > 4 or model.name in seen:
            return None
        data: dict[str, Any] = {}
        covered: set[str] = set()
        for f in model.relation_fields:
            r = f.relation
            if r is None or not r.holds_fk or not r.fields or r.kind == "many_to_many":
                continue
            if not all(model.field(n).is_required for n in r.fields):  # type: ignore[union-attr]
                continue
            if covered & set(r.fields):
                return None
            parent = self.schema.model(r.to_model)
            assert parent is not None
            nested = self.create(parent, depth + 1, (*seen, model.name))
            if nested is None:
                return None
            data[f.name] = {"create": nested}
            covered |= set(r.fields)
        for f in model.scalar_fields:
            if f.name in covered or f.default is not None or f.is_updated_at:
                continue
            if f.is_required or f.is_list:
                data[f.name] = self.value(f)
        return data

    def value(self, f: Field) -> Any:
        i = next(self.n)
        if f.is_list:
            return [self.scalar(f, i)]
        return self.scalar(f, i)

    def scalar(self, f: Field, i: int) -> Any:
        native = f.native_type.name if f.native_type else ""
        if f.kind == "enum":
            enum = self.schema.enum(f.type)
            assert enum is not None
            return enum.values[0].name
        if f.type == "String":
            if native == "Uuid":
                return str(uuid.UUID(int=i))
            if native == "Inet":
                return f"10.0.{i // 250}.{i % 250}"
            if native in ("Bit", "VarBit"):
                return "1"
            if native == "Xml":
                return f"<v>{i}</v>"
            text = f"v{i}-{f.name}"
            if native in ("VarChar", "Char") and f.native_type and f.native_type.args:
                n = int(f.native_type.args[0])
                text = (text + "x" * n)[:n] if native == "Char" else text[:n]  # Char(n) is padded to n
            return text
        if f.type in ("Int", "BigInt"):
            return i
        if f.type == "Float":
            return i + 0.5
        if f.type == "Decimal":
            return Decimal(f"{i}.25")
        if f.type == "Boolean":
            return True
        if f.type == "DateTime":
            if native == "Date":
                return dt.datetime(2024, 1, 1 + i % 28, tzinfo=dt.UTC)
            if native in ("Time", "Timetz"):
                return dt.datetime(1970, 1, 1, 10, i % 60, tzinfo=dt.UTC)
            return dt.datetime(2024, 1, 2, 3, 4, i % 60, 123000, tzinfo=dt.UTC)
        if f.type == "Json":
            return {"n": i, "tags": ["a", "b"]}
        if f.type == "Bytes":
            return bytes([i % 256, 0, 255])
        raise AssertionError(f.type)
