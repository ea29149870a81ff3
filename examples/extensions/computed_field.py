"""Computed fields as a client extension (Prisma's `result` component), with a global omit.

`fullName` needs `firstName` and `lastName`; `initials` needs `fullName` (a computed field may
need one defined before it). With `select`, a computed field is returned only when selected, and
the fields it needs are read but not returned. `passwordHash` is hidden everywhere by the
client's global `omit` (Prisma 7), unless a query asks for it.

Run: `python examples/extensions/computed_field.py`. Typed client:
`prisma-edge generate --schema examples/extensions/schema.prisma --extensions examples/extensions/computed_field.py:names`.
"""

from __future__ import annotations

import asyncio
from typing import Any

from prisma_edge import Client
from prisma_edge.client.extensions.extend import define_extension


def full_name(user: dict[str, Any]) -> str:
    return f"{user['firstName']} {user['lastName']}"


def initials(user: dict[str, Any]) -> str:
    return "".join(part[0] for part in user["fullName"].split())


# Typed by `prisma-edge generate --extensions examples/extensions/computed_field.py:names`:
# the generated `User` then has `fullName: str` and `initials: str` (from the return annotations).
names = define_extension(
    name="names",
    result={
        "user": {
            "fullName": {"needs": {"firstName": True, "lastName": True}, "compute": full_name},
            "initials": {"needs": {"fullName": True}, "compute": initials},
        }
    },
)


def with_names(base: Client) -> Client:
    return base.extend(names)


async def demo(base: Client) -> dict[str, Any]:
    hidden = Client(base.schema, adapter=base.adapter, omit={"user": {"passwordHash": True}})
    db = with_names(hidden)
    await db.user.create(
        {"email": "ada@example.com", "firstName": "Ada", "lastName": "Lovelace", "passwordHash": "pbkdf2$..."}
    )
    ada = await db.user.find_unique(where={"email": "ada@example.com"})
    return {
        "record": {k: ada[k] for k in ("fullName", "initials")},
        "password_hidden": "passwordHash" not in ada,
        "password_on_request": (await db.user.find_first(omit={"passwordHash": False}))["passwordHash"],
        "select_initials": await db.user.find_first(select={"initials": True}),
        "in_a_relation": (
            await db.post.create(
                {"title": "Notes", "author": {"connect": {"id": ada["id"]}}}, include={"author": True}
            )
        )["author"]["fullName"],
    }


async def main() -> None:
    from common import fresh_client  # type: ignore[import-not-found]

    base = await fresh_client()
    for key, value in (await demo(base)).items():
        print(f"{key}: {value}")
    await base.close()


if __name__ == "__main__":
    asyncio.run(main())
