"""The Workers' JSON API: todo lists with their items, over any prisma-edge client.

The three Workers (`neon_worker.py`, `d1_worker.py`, `hyperdrive_worker.py`) differ only in how
they reach their database; each adapts Cloudflare's request to `handle(db, method, url, body)`
and its `(status, json_text)` back to a Response. No `workers` import here, so this module runs
unchanged in the local workerd runs (local/).

    GET    /todos          every list with its items (one SQL statement, one database call)
    POST   /todos          {"title": str, "items": [{"text": str, "done"?: bool}]}
                           -> the list and its items, created by one nested write (one call)
    PATCH  /todos/<id>     {"title"?: str, "add"?: [{"text", "done"?}], "items"?: [{"id", "text"?, "done"?}]}
                           -> rename, add items and update items in one nested update
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from prisma_edge.errors import PrismaEdgeError, RecordNotFoundError, ValidationError

if TYPE_CHECKING:  # the D1 Worker's generated client has the same models and methods
    from prisma_edge_client import (
        Client,
        TodoItemCreateInput,
        TodoItemFindManyArgs,
        TodoItemUpdateInput,
        TodoItemUpdateWithWhereUniqueInput,
        TodoListUpdateInput,
    )

    from prisma_edge.client.delegate import Operation

ITEMS: TodoItemFindManyArgs = {"order": {"id": "asc"}}


class BadRequest(Exception):
    """The request body is not what the route expects (400)."""


def operations(db: Client) -> list[Operation[Any]]:
    """The routes' database calls, unrun: `db.warm(operations(db), dialect=...)` compiles their
    plans at import, so they are in Cloudflare's deploy-time snapshot."""
    return [
        db.todo_list.find_many(order={"id": "asc"}, include={"items": ITEMS}),
        db.todo_list.create({"title": "", "items": {"create": [{"text": "", "done": False}]}}, include={"items": ITEMS}),
    ]


async def handle(db: Client, method: str, url: str, body: str) -> tuple[int, str]:
    """Route one request; returns (HTTP status, JSON text). Never raises."""
    path = urlsplit(str(url)).path.rstrip("/") or "/"
    try:
        if path == "/todos":
            if method == "GET":
                return 200, _json(await db.todo_list.find_many(order={"id": "asc"}, include={"items": ITEMS}))
            if method == "POST":
                return 201, _json(await create(db, _body(body)))
            return 405, _json({"error": f"{method} not allowed on /todos"})
        if m := re.fullmatch(r"/todos/(\d+)", path):
            if method == "PATCH":
                return 200, _json(await update(db, int(m.group(1)), _body(body)))
            return 405, _json({"error": f"{method} not allowed on {path}"})
        return 404, _json({"error": f"no route {path}"})
    except (BadRequest, ValidationError) as e:
        return 400, _json({"error": str(e)})
    except RecordNotFoundError:
        return 404, _json({"error": f"no todo list at {path}"})
    except PrismaEdgeError as e:  # database or network trouble; messages never carry credentials
        return 502, _json({"error": f"{type(e).__name__}: {e}"})


async def create(db: Client, data: dict[str, Any]) -> dict[str, Any]:
    title = _field(data, "title", str)
    items = [_item(i, new=True) for i in _field(data, "items", list, [])]
    _no_other_keys(data, {"title", "items"})
    new_items: list[TodoItemCreateInput] = [{"text": i["text"], "done": i.get("done", False)} for i in items]
    return dict(await db.todo_list.create({"title": title, "items": {"create": new_items}}, include={"items": ITEMS}))


async def update(db: Client, list_id: int, data: dict[str, Any]) -> dict[str, Any]:
    _no_other_keys(data, {"title", "add", "items"})
    change: TodoListUpdateInput = {}
    if "title" in data:
        change["title"] = _field(data, "title", str)
    adds: list[TodoItemCreateInput] = [
        {"text": i["text"], "done": i.get("done", False)} for i in (_item(x, new=True) for x in _field(data, "add", list, []))]
    edits: list[TodoItemUpdateWithWhereUniqueInput] = []
    for i in (_item(x, new=False) for x in _field(data, "items", list, [])):
        edit: TodoItemUpdateInput = {}
        if "text" in i:
            edit["text"] = i["text"]
        if "done" in i:
            edit["done"] = i["done"]
        edits.append({"where": {"id": i["id"]}, "data": edit})
    if adds or edits:
        change["items"] = {"create": adds, "update": edits}
    return dict(await db.todo_list.update(change, where={"id": list_id}, include={"items": ITEMS}))


def _item(value: Any, *, new: bool) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BadRequest("each item must be an object")
    _no_other_keys(value, {"text", "done"} if new else {"id", "text", "done"})
    out: dict[str, Any] = {}
    if not new:
        out["id"] = _field(value, "id", int)
    if new or "text" in value:
        out["text"] = _field(value, "text", str)
    if "done" in value:
        out["done"] = _field(value, "done", bool)
    return out


_MISSING = object()


def _field(obj: dict[str, Any], key: str, kind: type, default: Any = _MISSING) -> Any:
    if key not in obj:
        if default is _MISSING:
            raise BadRequest(f"`{key}` is required")
        return default
    value = obj[key]
    if not isinstance(value, kind) or kind is int and isinstance(value, bool):
        raise BadRequest(f"`{key}` must be {kind.__name__}")
    return value


def _no_other_keys(obj: dict[str, Any], allowed: set[str]) -> None:
    extra = sorted(set(obj) - allowed)
    if extra:
        raise BadRequest(f"unknown field(s): {', '.join(extra)}; expected {', '.join(sorted(allowed))}")


def _body(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text or "{}")
    except ValueError as e:
        raise BadRequest(f"the body is not JSON: {e}") from None
    if not isinstance(data, dict):
        raise BadRequest("the body must be a JSON object")
    return data


def _json(value: Any) -> str:
    return json.dumps(value, default=_default, separators=(",", ":"))


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
