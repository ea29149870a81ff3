"""The realistic schemas (blog, shop, multi-tenant SaaS) push to every database and round-trip data."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from prisma_edge.errors import UniqueConstraintError
from tests.support.clients import ADAPTERS, open_client

pytestmark = pytest.mark.parametrize("adapter", ADAPTERS)

IMAGE = bytes(range(256)) * 3
PLACED = dt.datetime(2025, 2, 3, 4, 5, 6, 789000, tzinfo=dt.UTC)


async def test_shop_three_levels_deep_in_one_statement_with_typed_values(adapter):
    async with open_client("shop", adapter) as db:
        c = await db.customer.create({"email": "ada@example.com", "name": "Ada"})
        kb = await db.product.create({"sku": "KB-1", "name": "Keyboard", "price": Decimal("49.90"), "barcode": 2**53 + 1,
                                      "image": IMAGE, "soldCount": 2**40})
        ms = await db.product.create({"sku": "MS-2", "name": "Mouse", "price": Decimal("19.50")})
        assert kb["barcode"] == 2**53 + 1 and kb["image"] == IMAGE and kb["inStock"] is True and kb["soldCount"] == 2**40
        order = await db.order.create({"customerId": c["id"], "placedAt": PLACED, "total": Decimal("88.90")})
        assert re.fullmatch(r"c[0-9a-z]{24}", order["number"]) and order["status"] == "PENDING"
        await db.orderitem.create_many([
            {"orderId": order["id"], "productId": kb["id"], "quantity": 1, "unitPrice": Decimal("49.90")},
            {"orderId": order["id"], "productId": ms["id"], "quantity": 2, "unitPrice": Decimal("19.50")},
        ])
        cancelled = await db.order.update(where={"id": order["id"]}, data={"status": "CANCELLED"})
        assert cancelled["status"] == "CANCELLED"  # stored as its @map value, read back by name

        db.adapter.stats.reset()
        (got,) = await db.customer.find_many(
            include={"orders": {"include": {"items": {"order": {"quantity": "asc"}, "include": {"product": True}}}}})
        assert db.adapter.stats.statements == 1 and db.adapter.stats.round_trips == 1
        (o,) = got["orders"]
        assert o["placedAt"] == PLACED and o["placedAt"].tzinfo is dt.UTC
        assert o["total"] == Decimal("88.90") and isinstance(o["total"], Decimal)
        assert o["status"] == "CANCELLED"
        first, second = o["items"]
        assert first["product"]["image"] == IMAGE and isinstance(first["product"]["image"], bytes)
        assert first["product"]["barcode"] == 2**53 + 1 and isinstance(first["product"]["barcode"], int)
        assert first["product"]["soldCount"] == 2**40
        assert first["product"]["price"] == Decimal("49.90")
        assert second["product"]["image"] is None and second["quantity"] == 2
        assert isinstance(o["updatedAt"], dt.datetime)
        filtered = await db.order.find_many(where={"status": "CANCELLED", "items": {"some": {"product": {"sku": "MS-2"}}}})
        assert [x["id"] for x in filtered] == [order["id"]]
        by_barcode = await db.product.find_unique(where={"barcode": 2**53 + 1})
        assert by_barcode["sku"] == "KB-1"
        assert await db.orderitem.find_unique(where={"orderId_productId": {"orderId": order["id"], "productId": ms["id"]}}) is not None
        await db.customer.delete(where={"id": c["id"]})  # cascades to orders and items
        assert await db.order.count() == 0 and await db.orderitem.count() == 0


async def test_saas_tenants_users_roles(adapter):
    async with open_client("saas", adapter) as db:
        acme = await db.tenant.create({"slug": "acme", "name": "Acme"})
        assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}", acme["id"])
        boss = await db.user.create({"tenantId": acme["id"], "email": "boss@acme.io"})
        dev = await db.user.create({"tenantId": acme["id"], "email": "dev@acme.io", "managerId": boss["id"]})
        admin = await db.role.create({"tenantId": acme["id"], "name": "admin"})
        assert admin["id"][14] == "7"  # uuid(7)
        await db.membership.create({"userId": dev["id"], "roleId": admin["id"], "grantedBy": boss["id"]})
        with pytest.raises(UniqueConstraintError) as e:
            await db.user.create({"tenantId": acme["id"], "email": "dev@acme.io"})
        assert set(e.value.fields) == {"tenantId", "email"}
        found = await db.user.find_unique(where={"tenant_email": {"tenantId": acme["id"], "email": "dev@acme.io"}},
                                          include={"manager": True, "memberships": {"include": {"role": {"include": {"tenant": True}}}}})
        assert found["manager"]["email"] == "boss@acme.io"
        assert found["memberships"][0]["role"]["tenant"]["slug"] == "acme"
        assert (await db.user.find_unique(where={"id": boss["id"]}, include={"reports": True}))["reports"][0]["id"] == dev["id"]
        await db.user.delete(where={"id": boss["id"]})  # onDelete: SetNull on the manager relation
        assert (await db.user.find_unique(where={"id": dev["id"]}))["managerId"] is None
        assert await db.membership.count(where={"user": {"email": "dev@acme.io"}}) == 1


async def test_blog_update_many_and_relation_counts(adapter):
    async with open_client("blog", adapter) as db:
        u = await db.user.create({"email": "a@b.c", "name": "A"})
        await db.post.create_many([{"title": f"t{i}", "authorId": u["id"], "published": i % 2 == 0} for i in range(6)])
        assert await db.post.update_many(where={"published": False}, data={"views": {"increment": 7}}) == 3
        got = await db.user.find_unique(where={"id": u["id"]},
                                        select={"_count": {"select": {"posts": {"where": {"views": 7}}}}, "email": True})
        assert got == {"_count": {"posts": 3}, "email": "a@b.c"}
