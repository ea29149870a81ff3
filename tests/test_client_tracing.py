"""OpenTelemetry spans per operation (`Client(..., tracing=True)`), with opentelemetry-sdk's
in-memory exporter; skipped when the SDK is not installed (it is in the `dev` extra)."""

from __future__ import annotations

import pytest

from prisma_edge.client import Client
from prisma_edge.errors import UniqueConstraintError
from tests.support.clients import open_client

otel_trace = pytest.importorskip("opentelemetry.trace")
sdk_trace = pytest.importorskip("opentelemetry.sdk.trace")
export = pytest.importorskip("opentelemetry.sdk.trace.export")
in_memory = pytest.importorskip("opentelemetry.sdk.trace.export.in_memory_span_exporter")

_EXPORTER = in_memory.InMemorySpanExporter()
_PROVIDER = sdk_trace.TracerProvider()
_PROVIDER.add_span_processor(export.SimpleSpanProcessor(_EXPORTER))
otel_trace.set_tracer_provider(_PROVIDER)  # once per process, as an application would


@pytest.mark.parametrize("adapter", ["sqlite", "neon_http", "neon_ws", "planetscale"])
async def test_one_span_per_operation_with_its_statements(adapter):
    async with open_client("blog", adapter) as base:
        db = Client(base.schema, adapter=base.adapter, tracing=True)
        _EXPORTER.clear()
        await db.user.create({"email": "a@x.io", "posts": {"create": {"title": "t"}}})
        await db.user.find_many(where={"email": "secret-value@x.io"})
        with pytest.raises(UniqueConstraintError):
            await db.user.create({"email": "a@x.io"})
        spans = _EXPORTER.get_finished_spans()
        assert [s.name for s in spans] == [
            "prisma_edge:User.create",
            "prisma_edge:User.find_many",
            "prisma_edge:User.create",
        ]
        system = {"sqlite": "sqlite", "planetscale": "mysql"}.get(adapter, "postgresql")
        assert {s.attributes["db.system"] for s in spans} == {system}
        assert spans[0].attributes["db.collection.name"] == "User"
        texts = [e.attributes["db.query.text"] for e in spans[0].events]
        assert texts and any("INSERT" in t.upper() for t in texts)
        assert all("secret-value" not in e.attributes["db.query.text"] for s in spans for e in s.events)
        assert spans[2].status.status_code == otel_trace.StatusCode.ERROR
        assert spans[2].attributes["error.type"] == "UniqueConstraintError"
        _EXPORTER.clear()
        await base.user.count()  # a client without tracing makes no span
        assert _EXPORTER.get_finished_spans() == ()
