"""The real-schema corpus: 16 public projects' schemas (tests/schemas/corpus, each file with its
source and commit) are parsed, pushed to every database their provider allows (PostgreSQL over
TCP and over the Neon HTTP endpoint, MariaDB behind the PlanetScale endpoint, SQLite), and used:
a nested create (required parents created in the same call) and a find round trip on the first
models of each schema, every value read back as written.

`PRISMA_EDGE_CORPUS_MODELS` sets how many models per schema are exercised (default 4; `all`).
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import pytest

from prisma_edge.client import Client
from prisma_edge.fetch_adapters.base import Query
from prisma_edge.migrate.push import push_schema
from prisma_edge.schema import load_schema
from tests.support.corpus import Payloads, projects, schema_path
from tests.support.live import PROVIDER_ADAPTERS, fresh_adapter

PROJECTS = projects()
# what still fails, and why (not special-cased: the case runs and is reported as xfail/xpass)
KNOWN: dict[tuple[str, str], str] = {}  # (schema, adapter) -> why it cannot pass yet
CASES = [
    pytest.param(
        name,
        kind,
        id=f"{name}-{kind}",
        marks=[pytest.mark.xfail(reason=KNOWN[(name, kind)], strict=False)] if (name, kind) in KNOWN else [],
    )
    for name, p in PROJECTS.items()
    for kind in PROVIDER_ADAPTERS[p["provider"]]
]
_LIMIT = os.environ.get("PRISMA_EDGE_CORPUS_MODELS", "4")
LIMIT = 10**6 if _LIMIT == "all" else int(_LIMIT)
# native types (and index operator classes) that need a PostgreSQL extension the projects' own
# migrations create
EXTENSIONS = {"Citext": "citext"}
OPS_EXTENSIONS = {"gin_trgm_ops": "pg_trgm", "gist_trgm_ops": "pg_trgm"}


@pytest.mark.parametrize("name", list(PROJECTS))
def test_every_corpus_schema_loads(name):
    schema = load_schema(schema_path(PROJECTS[name]))
    assert schema.provider == PROJECTS[name]["provider"]
    assert len(schema.models) == PROJECTS[name]["features"]["models"] + PROJECTS[name]["features"]["views"]


def _expected(value: Any, f: Any) -> Any:
    """What the column stores: a date only, or the time at the column's precision (`@db.Timestamp(0)`)."""
    native = f.native_type
    if isinstance(value, dt.datetime) and native is not None and native.name == "Date":
        return value.replace(hour=0, minute=0, second=0, microsecond=0)
    if isinstance(value, dt.datetime) and native is not None and native.args:
        step = 10 ** (
            6 - min(int(native.args[0]), 6)
        )  # our values' digits past it are small: rounding = cutting
        return value.replace(microsecond=value.microsecond // step * step)
    return value


@pytest.mark.parametrize(("name", "kind"), CASES)
async def test_corpus_schema_pushes_and_round_trips(name, kind):
    schema = load_schema(schema_path(PROJECTS[name]))
    async with fresh_adapter(kind, "pe_corpus") as adapter:
        if adapter.dialect == "postgres":
            needed = {
                EXTENSIONS[f.native_type.name]
                for m in schema.models
                for f in m.scalar_fields
                if f.native_type and f.native_type.name in EXTENSIONS
            }
            # index operator classes from extensions (`ops: raw("gin_trgm_ops")`), once the DDL keeps `ops:`
            needed |= {
                OPS_EXTENSIONS[c.ops]
                for m in schema.models
                for i in m.indexes
                for c in getattr(i, "columns", ())
                if getattr(c, "ops", None) in OPS_EXTENSIONS
            }
            for ext in sorted(needed):  # names from our own tables above
                await adapter.query(Query(f'CREATE EXTENSION IF NOT EXISTS "{ext}"'))
        await push_schema(adapter, schema)
        db = Client(schema, adapter=adapter)
        payloads = Payloads(schema)
        tried = 0
        for model in schema.models:
            if tried >= LIMIT or model.is_view:
                continue
            data = payloads.create(model)
            if data is None:
                continue
            tried += 1
            delegate = getattr(db, model.name)
            parents = [k for k, v in data.items() if isinstance(v, dict) and "create" in v]
            created = await delegate.create(data, include={p: True for p in parents} or None)
            for key, value in data.items():
                f = model.field(key)
                assert f is not None
                if key in parents:
                    for pk, pv in value["create"].items():
                        if not isinstance(pv, dict):
                            pf = schema.model(f.type).field(pk)  # type: ignore[union-attr]
                            assert created[key][pk] == _expected(pv, pf)
                    continue
                assert created[key] == _expected(value, f), (model.name, key)
            where = {n: created[n] for n in model.primary_key}
            if len(model.primary_key) > 1:
                where = {
                    "_".join(model.primary_key) if not model.uniques[0].name else model.uniques[0].name: where
                }
            found = await delegate.find_unique(where=where, include={p: True for p in parents} or None)
            assert found == created, model.name
            assert await delegate.count() >= 1
        assert tried >= min(LIMIT, 2), f"{name}: only {tried} models could be exercised"
