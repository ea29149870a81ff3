"""prisma-edge quickstart: a schema.prisma, an embedded SQLite database, Prisma's queries in Python.

Run it with `bash scripts/quickstart.sh` (sets everything up), or `python examples/quickstart/main.py`
once prisma-edge is installed. DATABASE_URL defaults to a fresh SQLite file in a temp folder.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from decimal import Decimal
from pathlib import Path

from prisma_edge import Client
from prisma_edge.migrate.push import push_schema

HERE = Path(__file__).resolve().parent


async def main() -> None:
    url = os.environ.get("DATABASE_URL") or f"file:{Path(tempfile.mkdtemp()) / 'quickstart.db'}"
    db = Client(HERE / "schema.prisma", url=url)
    await push_schema(db.adapter, db.schema, drop_first=True)  # what `prisma-edge db push` does

    ada = await db.customer.create({"email": "ada@example.com", "name": "Ada"})
    grace = await db.customer.create({"email": "grace@example.com", "name": "Grace"})
    await db.product.create_many([
        {"sku": "KB-1", "name": "Keyboard", "price": Decimal("49.90")},
        {"sku": "MS-2", "name": "Mouse", "price": Decimal("19.50")},
        {"sku": "MN-3", "name": "Monitor", "price": Decimal("189.00")},
    ])
    products = {p["sku"]: p for p in await db.product.find_many()}
    for customer, lines in ((ada, [("KB-1", 1), ("MS-2", 2)]), (grace, [("MN-3", 1)]), (ada, [("MN-3", 2)])):
        order = await db.order.create({"customerId": customer["id"]})
        await db.orderitem.create_many(
            [{"orderId": order["id"], "productId": products[sku]["id"], "quantity": q} for sku, q in lines]
        )
    await db.order.update(where={"id": 1}, data={"status": "PAID"})

    print("Customers with their orders, items and products (one SQL statement):")
    customers = await db.customer.find_many(
        order={"name": "asc"},
        include={"orders": {"order": {"id": "asc"}, "include": {"items": {"include": {"product": True}}}}, "_count": True},
    )
    for c in customers:
        print(f"  {c['name']} <{c['email']}>: {c['_count']['orders']} orders")
        for o in c["orders"]:
            total = sum(i["quantity"] * i["product"]["price"] for i in o["items"])
            lines = ", ".join(f"{i['quantity']} x {i['product']['name']}" for i in o["items"])
            print(f"    order #{o['id']} [{o['status']}] {lines} = {total}")

    big = await db.customer.find_many(where={"orders": {"some": {"items": {"some": {"quantity": {"gte": 2}}}}}})
    print("Customers who ordered 2 or more of something:", [c["name"] for c in big])
    print("Products under 50:", [p["name"] for p in await db.product.find_many(where={"price": {"lt": 50}}, order={"price": "asc"})])
    print("Pending orders:", await db.order.count(where={"status": "PENDING"}))
    print("Statements sent:", db.adapter.stats.statements)
    await db.close()


if __name__ == "__main__":
    asyncio.run(main())
