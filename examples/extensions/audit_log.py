"""An audit log as a client extension: every write is recorded in `AuditLog` (model, action, the
record's id and the names of the fields it set; never their values, which may be secrets).

A query hook on all models wraps the writes: it lets the write run (`await next()`), then records
it with the base client; a client method `audit_trail(model, id)` reads the log back. Writes
inside `db.batch([...])` are recorded too (the hook resumes after the batch's one round trip).

Run: `python examples/extensions/audit_log.py`.
"""

from __future__ import annotations

import asyncio
from typing import Any

from prisma_edge import Client

WRITES = (
    "create",
    "update",
    "upsert",
    "delete",
    "create_many",
    "update_many",
    "delete_many",
    "create_many_and_return",
    "update_many_and_return",
)


def audited(base: Client) -> Client:
    async def record(params: Any, next: Any) -> Any:
        result = await next()
        if params.operation in WRITES and params.model != "AuditLog":
            data = params.args.get("data") or {
                **params.args.get("create", {}),
                **params.args.get("update", {}),
            }
            fields = sorted({k for row in (data if isinstance(data, list) else [data]) for k in row})
            record_id = result.get("id") if isinstance(result, dict) else None
            await base.auditlog.create(
                {
                    "model": params.model,
                    "action": params.operation,
                    "recordId": record_id,
                    "fields": ",".join(fields),
                }
            )
        return result

    async def audit_trail(client: Client, model: str, record_id: int) -> list[str]:
        rows = await base.auditlog.find_many(
            where={"model": model, "recordId": record_id}, order={"id": "asc"}
        )
        return [f"{r['action']}({r['fields']})" for r in rows]

    return base.extend(
        name="audit-log",
        query={"$all_models": {"$all_operations": record}},
        client={"audit_trail": audit_trail},
    )


async def demo(base: Client) -> dict[str, Any]:
    db = audited(base)
    u = await db.user.create(
        {"email": "ann@example.com", "firstName": "Ann", "lastName": "Lee", "passwordHash": "s3cret-hash"}
    )
    await db.user.update(where={"id": u["id"]}, data={"lastName": "Lee-Smith"})
    post, _ = await db.batch([db.post.create({"title": "Hello", "authorId": u["id"]}), db.user.count()])
    await db.post.delete(where={"id": post["id"]})
    logged = await base.auditlog.find_many(order={"id": "asc"})
    return {
        "user_trail": await db.audit_trail("User", u["id"]),
        "post_trail": await db.audit_trail("Post", post["id"]),
        "entries": len(logged),
        "values_logged": any("s3cret" in r["fields"] for r in logged),
    }


async def main() -> None:
    from common import fresh_client  # type: ignore[import-not-found]

    base = await fresh_client()
    for key, value in (await demo(base)).items():
        print(f"{key}: {value}")
    await base.close()


if __name__ == "__main__":
    asyncio.run(main())
