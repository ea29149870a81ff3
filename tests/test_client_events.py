"""Query logs and events (`Client(log=[...])`, `db.on("query", fn)`): what was sent, on every adapter,
and never a secret."""

from __future__ import annotations

import logging

import pytest

from prisma_edge.client import Client
from prisma_edge.errors import ClientError, UniqueConstraintError
from tests.support.clients import ADAPTERS, open_client, raw_sql

pytestmark = pytest.mark.parametrize("adapter", ADAPTERS)

SECRET_TOKEN = "tok_live_5ecr3t9x"  # a value that must never show unless log_params=True


def secrets_of(adapter: str) -> list[str]:
    """The connection secrets of the adapter under test (URL with credentials, its password)."""
    from urllib.parse import urlsplit

    from tests.support import clients

    urls: list[str] = []
    if adapter in ("neon_http", "neon_ws"):
        urls.append(clients._neon()[0])
    if adapter == "planetscale":
        urls.append(clients._planetscale())
    out = [SECRET_TOKEN]
    if adapter == "libsql":
        out.append(clients._libsql().auth_token)
    if adapter == "d1" and clients.workerd_binding("DB") is None:
        out.append(clients._d1()[1])
    for url in urls:
        out.append(url)
        pw = urlsplit(url).password
        if pw and len(pw) >= 4:
            out.append(pw)
    return out


class Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def text(self) -> str:
        return "\n".join(r.getMessage() for r in self.records)


@pytest.fixture
def captured():
    handler = Capture()
    log = logging.getLogger("prisma_edge")
    log.addHandler(handler)
    try:
        yield handler
    finally:
        log.removeHandler(handler)


async def test_query_events_for_reads_nested_writes_and_raw(adapter, captured):
    async with open_client("blog", adapter) as base:
        db = Client(base.schema, adapter=base.adapter, log=["query", "info", "warn", "error"])
        events: list = []
        off = db.on("query", events.append)
        u = await db.user.create(
            {
                "email": "a@x.io",
                "name": SECRET_TOKEN,
                "posts": {"create": [{"title": "one"}, {"title": "two"}]},
            }
        )
        write_events = list(events)
        assert write_events, "a nested create sends statements"
        assert {e.model for e in write_events} == {"User"} and {e.action for e in write_events} == {"create"}
        assert all(e.adapter == adapter for e in write_events)
        sql = " ".join(e.sql for e in write_events).upper()
        assert "INSERT" in sql and sql.count("INSERT") >= (1 if adapter in ("neon_http", "neon_ws") else 2)
        assert all(
            e.duration_ms >= 0 and e.round_trips >= (0 if adapter == "sqlite" else 1) for e in write_events
        )
        assert all(SECRET_TOKEN not in str(e.params) for e in write_events)
        assert any("<str>" in e.params for e in write_events)  # types only, by default

        events.clear()
        found = await db.user.find_unique(where={"id": u["id"]}, include={"posts": True})
        assert len(found["posts"]) == 2
        assert len(events) >= 1 and events[0].action == "find_unique" and "SELECT" in events[0].sql.upper()
        assert (
            events[0].query == events[0].sql and events[0].duration == events[0].duration_ms
        )  # Prisma's names

        events.clear()
        rows = await db.query_raw(raw_sql(db, 'SELECT COUNT(*) AS n FROM "Post" WHERE "title" = ?'), "one")
        assert int(rows[0]["n"]) == 1
        assert [(e.model, e.action, e.params) for e in events] == [(None, "query_raw", ("<str>",))]

        off()
        await db.tag.count()
        assert events[-1].action == "query_raw", "unsubscribed listeners get nothing"
        logged = captured.text()
        assert "INSERT" in logged.upper() and "find_unique" in logged and "query_raw" in logged
        assert all(r.levelno == logging.DEBUG for r in captured.records if "-- params" in r.getMessage())


async def test_batch_and_transaction_events(adapter, captured):
    async with open_client("blog", adapter) as base:
        db = Client(base.schema, adapter=base.adapter, log=[{"emit": "event", "level": "query"}, "info"])
        events: list = []
        db.on("query", events.append)
        infos: list = []
        db.on("info", infos.append)
        await db.batch([db.tag.create({"name": "a"}), db.tag.create({"name": "b"}), db.tag.count()])
        assert events and all(e.model in (None, "Tag") for e in events)
        assert any(e.action == "batch" or e.action == "create" for e in events)
        assert sum(1 for e in events if "INSERT" in e.sql.upper()) >= 2
        if adapter in ("neon_http", "neon_ws", "libsql", "d1"):  # one wire call: its statements share it
            assert {e.batch_size for e in events} == {len(events)} and [
                e.batch_index for e in events
            ] == list(range(len(events)))
            assert {e.round_trips for e in events} == {1}
        assert not [r for r in captured.records if "-- params" in r.getMessage()], (
            "query level is event-only here"
        )

        if adapter in ("neon_http", "d1"):  # no interactive transactions on these
            return
        events.clear()
        infos.clear()
        async with db.tx() as tx:
            await tx.tag.create({"name": "c"})
            await tx.query_raw(raw_sql(db, 'SELECT "name" FROM "Tag" WHERE "name" = ?'), "c")
        assert [e.action for e in events if e.action != "create"][-1] == "query_raw"
        assert any(e.action == "create" and e.model == "Tag" for e in events)
        assert [i.message.split(" ")[1] for i in infos][:1] == ["begun"] and "committed" in infos[-1].message
        infos.clear()
        with pytest.raises(UniqueConstraintError):
            async with db.tx() as tx:
                await tx.tag.create({"name": "c"})
        assert "rolled back" in infos[-1].message


async def test_no_secret_in_logs_or_events(adapter, captured):
    async with open_client("blog", adapter) as base:
        db = Client(base.schema, adapter=base.adapter, log=["query", "info", "warn", "error"])
        seen: list = []
        for level in ("query", "info", "warn", "error"):
            db.on(level, seen.append)
        await db.tag.create({"name": SECRET_TOKEN})
        with pytest.raises(UniqueConstraintError):
            await db.tag.create({"name": SECRET_TOKEN})
        # a secret pasted into raw SQL (a comment) is redacted from the logged text
        url = "postgresql://admin:hunter2pw@db.example.com/app"
        await db.query_raw(
            raw_sql(db, f'SELECT COUNT(*) AS n FROM "Tag" WHERE "name" <> ? /* {url} */'), SECRET_TOKEN
        )
        errors = [e for e in seen if getattr(e, "level", None) == "error"]
        assert errors and errors[0].model == "Tag" and errors[0].action == "create"
        text = captured.text() + "\n".join(f"{e}\n{e!r}" for e in seen)
        for secret in [*secrets_of(adapter), "hunter2pw"]:
            assert secret not in text
        assert "SELECT" in text.upper()


async def test_log_params_shows_values(adapter):
    async with open_client("blog", adapter) as base:
        db = Client(base.schema, adapter=base.adapter, log_params=True)
        events: list = []
        db.on("query", events.append)
        await db.tag.find_many(where={"name": "visible"})
        assert any("visible" in e.params for e in events)


async def test_bad_log_options_are_named(adapter):
    if adapter != "sqlite":
        pytest.skip("option checks need no database")
    with pytest.raises(ClientError, match="unknown log level `debug`"):
        Client("model A {\n id Int @id\n}\n", url=":memory:", log=["debug"])
    with pytest.raises(ClientError, match="unknown log emit"):
        Client("model A {\n id Int @id\n}\n", url=":memory:", log=[{"emit": "file", "level": "query"}])
    db = Client("model A {\n id Int @id\n}\n", url=":memory:")
    with pytest.raises(ClientError, match="unknown event `queries`"):
        db.on("queries", print)


async def test_a_failing_listener_is_a_warning_and_the_query_goes_on(adapter, captured):
    if adapter != "sqlite":
        pytest.skip("about listeners, not the database")
    async with open_client("blog", adapter) as base:
        db = Client(base.schema, adapter=base.adapter, log=["warn"])
        warnings: list = []
        db.on("warn", warnings.append)

        def broken(event):
            raise RuntimeError("listener bug, password=hunter2pw")

        db.on("query", broken)
        assert await db.tag.count() == 0
        assert warnings and "RuntimeError" in warnings[0].message and "hunter2pw" not in warnings[0].message
        assert any(r.levelno == logging.WARNING and "listener" in r.getMessage() for r in captured.records)
        assert logging.getLogger("prisma_edge").level == logging.NOTSET, "no global logging state is changed"
        query_records = [r for r in captured.records if getattr(r, "prisma_level", None) == "query"]
        assert query_records == [], "query was not asked for in log="
