"""OpenTelemetry spans per operation: `Client(..., tracing=True)` (Prisma's `@prisma/instrumentation`).

One span per operation (`prisma_edge:User.find_many`), with the statements it sent as events on
it (SQL text only: values are never put on a span). `opentelemetry-api` is imported here, lazily,
only when tracing is asked for; without it the client says what to install. Spans go to whatever
tracer provider the application set up (`opentelemetry.trace.set_tracer_provider`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import ClientError
from ..fetch_adapters.base import Query

_SYSTEM = {"postgres": "postgresql", "sqlite": "sqlite", "mysql": "mysql"}


class Tracer:
    def __init__(self, trace: Any) -> None:
        self._trace = trace
        self._tracer = trace.get_tracer("prisma_edge")

    def start(self, adapter: Any, kind: str, model: str | None, action: str) -> Any:
        name = f"prisma_edge:{model}.{action}" if model else f"prisma_edge:{action}"
        attrs: dict[str, Any] = {
            "db.system": _SYSTEM.get(getattr(adapter, "dialect", ""), "other_sql"),
            "db.operation.name": action,
            "prisma_edge.adapter": kind,
        }
        if model:
            attrs["db.collection.name"] = model
        return self._tracer.start_span(name, kind=self._trace.SpanKind.CLIENT, attributes=attrs)

    def statements(self, span: Any, queries: Sequence[Query]) -> None:
        for q in queries:
            span.add_event("db.query", {"db.query.text": q.sql})

    def failed(self, span: Any, error: BaseException, message: str) -> None:
        """`message`: the error's text, already redacted."""
        span.set_status(self._trace.Status(self._trace.StatusCode.ERROR, message))
        span.set_attribute("error.type", type(error).__name__)


def make_tracer() -> Tracer:
    try:
        from opentelemetry import trace
    except ImportError:
        raise ClientError(
            "tracing=True needs OpenTelemetry: pip install opentelemetry-api "
            "(and opentelemetry-sdk to export spans)"
        ) from None
    return Tracer(trace)
