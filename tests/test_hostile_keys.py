"""Hostile keys in every argument position (issue 11, item 6): unknown field names with quotes,
SQL, NUL, surrogates, non-string keys, model and operation names, Json path keys. Each is a typed
error naming the position (or, for a Json path key, a plain answer), nothing is sent for a refused
call, and no row changes, on every adapter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from prisma_edge.compiler import compile_query
from prisma_edge.compiler.sql.dialects import RULES
from prisma_edge.errors import PrismaEdgeError, UnsupportedError, ValidationError
from prisma_edge.schema import load_schema
from tests.support.clients import endpoint_requests, schema_path
from tests.support.hostile import HOSTILE_ADAPTERS, hostile_client

TEXT_KEYS: list[Any] = ["'", '"', "`", "id; DROP TABLE Item; --", 's" OR 1=1 --', "s`) OR 1=1 #", "$1", "?", "%", "_",
                        "\x00", "s\x00", "\ud800", "😀", "\u202e", "", " ", "s ", "S", "__proto__", "constructor", "a.b",
                        "[0]", "select", "*", "x" * 10_000]
KEYS: list[Any] = [*TEXT_KEYS, 1, None, (1, 2), b"s", 1.5, True, frozenset()]

# (position, call building the query's arguments for a hostile key k): (action, args)
POSITIONS: list[tuple[str, Callable[[Any], tuple[str, dict[str, Any]]]]] = [
    ("top-level argument", lambda k: ("find_many", {k: 1})),
    ("where field", lambda k: ("find_many", {"where": {k: "x"}})),
    ("where operator", lambda k: ("find_many", {"where": {"s": {k: "x"}}})),
    ("where in AND", lambda k: ("find_many", {"where": {"AND": [{k: 1}]}})),
    ("relation filter operator", lambda k: ("find_many", {"where": {"owner": {k: {}}}})),
    ("relation filter field", lambda k: ("find_many", {"where": {"owner": {"is": {k: 1}}}})),
    ("string filter mode", lambda k: ("find_many", {"where": {"s": {"equals": "x", "mode": k}}})),
    ("select", lambda k: ("find_many", {"select": {k: True}})),
    ("include", lambda k: ("find_many", {"include": {k: True}})),
    ("omit", lambda k: ("find_many", {"omit": {k: True}})),
    ("nested include argument", lambda k: ("find_many", {"include": {"owner": {k: True}}})),
    ("_count select", lambda k: ("find_many", {"select": {"_count": {"select": {k: True}}}})),
    ("order field", lambda k: ("find_many", {"order": {k: "asc"}})),
    ("order direction", lambda k: ("find_many", {"order": {"s": k}})),
    ("order sort/nulls", lambda k: ("find_many", {"order": {"s": {"sort": "asc", k: "first"}}})),
    ("distinct", lambda k: ("find_many", {"distinct": [k]})),
    ("cursor", lambda k: ("find_many", {"cursor": {k: 1}})),
    ("create data", lambda k: ("create", {"data": {"batch": "x", k: 1}})),
    ("create relation operation", lambda k: ("create", {"data": {"batch": "x", "owner": {k: {}}}})),
    ("nested create data", lambda k: ("create", {"data": {"batch": "x", "owner": {"create": {"name": "o", k: 1}}}})),
    ("create_many row", lambda k: ("create_many", {"data": [{"batch": "x"}, {"batch": "x", k: 1}]})),
    ("update data", lambda k: ("update_many", {"where": {}, "data": {k: 1}})),
    ("update operation", lambda k: ("update_many", {"where": {}, "data": {"i": {k: 1}}})),
    ("update where", lambda k: ("update", {"where": {"id": 1, k: 1}, "data": {"s": "x"}})),
    ("upsert create", lambda k: ("upsert", {"where": {"id": 1}, "create": {"batch": "x", k: 1}, "update": {}})),
    ("upsert update", lambda k: ("upsert", {"where": {"id": 1}, "create": {"batch": "x"}, "update": {k: 1}})),
    ("delete_many where", lambda k: ("delete_many", {"where": {k: 1}})),
    ("count select", lambda k: ("count", {"select": {k: True}})),
    ("aggregate field", lambda k: ("aggregate", {"_sum": {k: True}})),
    ("group_by by", lambda k: ("group_by", {"by": [k]})),
    ("group_by having", lambda k: ("group_by", {"by": ["s"], "having": {k: {"_count": {"gt": 1}}}})),
    ("group_by having aggregate", lambda k: ("group_by", {"by": ["s"], "having": {"i": {k: {"gt": 1}}}})),
]


def _refused(call: Callable[[], Any]) -> str | None:
    """None when `call` raises a ValidationError; else what happened instead."""
    try:
        call()
    except ValidationError:
        return None
    except PrismaEdgeError as e:
        return f"{type(e).__name__}: {str(e)[:200]}"
    except Exception as e:  # noqa: BLE001 - the point: no bare exception
        return f"bare {type(e).__name__}: {str(e)[:200]}"
    return "accepted"


def test_a_huge_key_gives_a_short_message():
    schema = load_schema(schema_path("hostile"))
    for action, args in (("find_many", {"where": {"x" * 10_000: 1}}), ("find_many", {"x" * 10_000: 1}),
                         ("create", {"data": {"batch": "b", "x" * 10_000: 1}})):
        with pytest.raises(ValidationError) as e:
            compile_query(schema, "Item", action, args, "sqlite")
        assert len(str(e.value)) < 600 and "xxx…" in str(e.value)


def test_enough_positions_and_keys():
    assert len(POSITIONS) >= 30 and len(KEYS) >= 30


@pytest.mark.parametrize("dialect", sorted(RULES))
def test_hostile_keys_in_every_position_are_validation_errors(dialect: str):
    schema = load_schema(schema_path("hostile"))
    wrong = []
    for position, build in POSITIONS:
        for k in KEYS:
            action, args = build(k)
            if (what := _refused(lambda a=action, g=args: compile_query(schema, "Item", a, g, dialect))) is not None:  # noqa: B023
                wrong.append(f"{position} {k!r:.40}: {what}")
    assert wrong == []


@pytest.mark.parametrize("name", [*KEYS, "item ", "Item; DROP TABLE Item", "_prisma_migrations", "sqlite_master"])
def test_hostile_model_and_operation_names_are_validation_errors(name: Any):
    schema = load_schema(schema_path("hostile"))
    assert _refused(lambda: compile_query(schema, name, "find_many", {}, "sqlite")) is None
    assert _refused(lambda: compile_query(schema, "Item", name, {}, "sqlite")) is None


async def test_an_unknown_model_attribute_is_an_attribute_error():
    """The Python convention for a missing attribute, with the nearest model named."""
    async with hostile_client("sqlite") as db:
        with pytest.raises(AttributeError, match="did you mean `item`|did you mean `Item`"):
            db.itme  # noqa: B018


@pytest.mark.parametrize("adapter", HOSTILE_ADAPTERS)
async def test_hostile_keys_send_nothing_and_json_path_keys_are_data(adapter: str):
    async with hostile_client(adapter) as db:
        item = db.item  # type: ignore[attr-defined]
        rows = [{"batch": "k", "n": n, "j": {str(k): n}} for n, k in enumerate(TEXT_KEYS) if "\x00" not in str(k)
                and "\ud800" not in str(k)]
        await item.create_many(data=rows)
        before_rows = await item.find_many(order={"n": "asc"})
        sent = endpoint_requests(adapter)
        wrong = []
        delegates: dict[str, Callable[..., Any]] = {"find_many": item.find_many, "create": item.create,
                                                     "update_many": item.update_many, "count": item.count}
        for position, build in POSITIONS:
            action, args = build("id; DROP TABLE Item; --")
            if action not in delegates or "top-level" in position:
                continue
            try:
                await delegates[action](**args)
                wrong.append(f"{position}: accepted")
            except ValidationError:
                pass
            except Exception as e:  # noqa: BLE001
                wrong.append(f"{position}: {type(e).__name__}: {str(e)[:200]}")
        assert wrong == []
        assert endpoint_requests(adapter) == sent  # refused before anything was sent
        # a Json path key is data: a bound value, found exactly where it was written
        for r in rows:
            key = next(iter(r["j"]))
            try:
                found = await item.find_many(where={"j": {"path": [key], "equals": r["n"]}}, select={"n": True})
            except UnsupportedError as e:  # SQLite's path syntax cannot name a key with a `"`
                if not ('"' in key and db.adapter.dialect == "sqlite"):
                    wrong.append(f"path key {key!r:.40}: {type(e).__name__}: {str(e)[:200]}")
                continue
            except PrismaEdgeError as e:
                wrong.append(f"path key {key!r:.40}: {type(e).__name__}: {str(e)[:200]}")
                continue
            except Exception as e:  # noqa: BLE001
                wrong.append(f"path key {key!r:.40}: bare {type(e).__name__}: {str(e)[:200]}")
                continue
            if found != [{"n": r["n"]}]:
                wrong.append(f"path key {key!r:.40}: found {found!r:.120}")
        assert wrong == []
        assert await item.find_many(order={"n": "asc"}) == before_rows  # nothing changed
