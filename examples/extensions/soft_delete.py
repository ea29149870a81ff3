"""Soft delete as a client extension (Prisma's "soft delete" recipe, with `db.extend`).

Every model with a `deletedAt` field: `delete` / `delete_many` set `deletedAt` instead of removing
rows, and reads (`find_*`, `count`, `aggregate`, `group_by`) skip soft-deleted rows unless the
query names `deletedAt` itself. The hooks call the *base* client for the rewritten writes, so
(as in Prisma) a soft delete inside `db.tx()` runs outside that transaction.

Run: `python examples/extensions/soft_delete.py`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

from prisma_edge import Client

READS = (
    "find_unique",
    "find_unique_or_raise",
    "find_first",
    "find_first_or_raise",
    "find_many",
    "count",
    "aggregate",
    "group_by",
)


def soft_delete(base: Client) -> Client:
    """`base` extended with soft deletes for every model that has a `deletedAt` field."""
    soft = {m.name for m in base.schema.models if m.field("deletedAt") is not None}

    async def hook(params: Any, next: Any) -> Any:
        if params.model not in soft:
            return await next()
        args = params.args
        delegate = getattr(base, params.model)
        now = dt.datetime.now(dt.UTC)
        if params.operation == "delete":
            return await delegate.update(where=args["where"], data={"deletedAt": now})
        if params.operation == "delete_many":
            return await delegate.update_many(data={"deletedAt": now}, where=args.get("where"))
        if params.operation in READS and "deletedAt" not in (args.get("where") or {}):
            where = args.get("where")
            if params.operation.startswith("find_unique"):  # a unique selector may take more filters
                args["where"] = {**where, "deletedAt": None}
            else:
                args["where"] = {"AND": [where, {"deletedAt": None}]} if where else {"deletedAt": None}
        return await next(args)

    async def restore(delegate: Any, where: dict[str, Any]) -> Any:
        return await getattr(base, delegate.model_name).update(where=where, data={"deletedAt": None})

    return base.extend(
        name="soft-delete",
        query={"$all_models": {"$all_operations": hook}},
        model={"$all_models": {"restore": restore}},
    )


async def demo(base: Client) -> dict[str, Any]:
    db = soft_delete(base)
    ann = await db.user.create({"email": "ann@example.com", "firstName": "Ann", "lastName": "Lee"})
    await db.user.create({"email": "bo@example.com", "firstName": "Bo", "lastName": "Ng"})
    await db.user.delete(where={"id": ann["id"]})
    out = {
        "visible": [u["email"] for u in await db.user.find_many(order={"id": "asc"})],
        "count": await db.user.count(),
        "find_unique_deleted": await db.user.find_unique(where={"id": ann["id"]}),
        "still_stored": await base.user.count(),
        "deleted_on_request": [
            u["email"] for u in await db.user.find_many(where={"deletedAt": {"not": None}})
        ],
    }
    await db.user.restore({"id": ann["id"]})
    out["after_restore"] = await db.user.count()
    return out


async def main() -> None:
    from common import fresh_client  # type: ignore[import-not-found]

    base = await fresh_client()
    for key, value in (await demo(base)).items():
        print(f"{key}: {value}")
    await base.close()


if __name__ == "__main__":
    asyncio.run(main())
