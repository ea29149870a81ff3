"""aggregate, group_by and count with select, on every adapter."""

from __future__ import annotations

from decimal import Decimal

import pytest

from prisma_edge.errors import ValidationError
from tests.support.clients import ADAPTERS, open_client

pytestmark = pytest.mark.parametrize("adapter", ADAPTERS)


async def seed(db):
    ada = await db.customer.create({"email": "ada@x.io", "name": "Ada"})
    bob = await db.customer.create({"email": "bob@x.io", "name": "Bob"})
    for sku, price, stock in (("A", "10.50", 3), ("B", "20.25", 0), ("C", "5.00", 7), ("D", "7.25", 1)):
        await db.product.create({"sku": sku, "name": sku, "price": Decimal(price), "stock": stock})
    for customer, status, total in ((ada, "PAID", "30.00"), (ada, "PAID", "12.50"), (ada, "PENDING", "1.00"), (bob, "SHIPPED", "99.99")):
        await db.order.create({"customerId": customer["id"], "status": status, "total": Decimal(total)})
    return ada, bob


async def test_aggregate(adapter):
    async with open_client("shop", adapter) as db:
        await seed(db)
        got = await db.product.aggregate(_count={"_all": True, "description": True}, _sum={"stock": True},
                                         _avg={"stock": True}, _min={"price": True}, _max={"price": True, "sku": True})
        assert got == {
            "_count": {"_all": 4, "description": 0},
            "_sum": {"stock": 11},
            "_avg": {"stock": 2.75},
            "_min": {"price": Decimal("5.00")},
            "_max": {"price": Decimal("20.25"), "sku": "D"},
        }
        assert isinstance(got["_sum"]["stock"], int) and isinstance(got["_avg"]["stock"], float)
        assert await db.product.aggregate(_count=True) == {"_count": 4}
        windowed = await db.product.aggregate(where={"stock": {"gt": 0}}, order={"price": "desc"}, take=2, _sum={"stock": True})
        assert windowed == {"_sum": {"stock": 4}}  # A (10.50, 3) and D (7.25, 1)
        empty = await db.product.aggregate(where={"sku": "none"}, _sum={"stock": True}, _count={"_all": True})
        assert empty == {"_sum": {"stock": None}, "_count": {"_all": 0}}
        avg_price = (await db.order.aggregate(_avg={"total": True}))["_avg"]["total"]
        assert isinstance(avg_price, Decimal) and abs(avg_price - Decimal("35.8725")) < Decimal("0.0001")


async def test_group_by(adapter):
    async with open_client("shop", adapter) as db:
        ada, bob = await seed(db)
        groups = await db.order.group_by(["customerId", "status"], _count={"_all": True}, _sum={"total": True},
                                         order=[{"customerId": "asc"}, {"status": "asc"}])
        assert groups == [
            {"customerId": ada["id"], "status": "PENDING", "_count": {"_all": 1}, "_sum": {"total": Decimal("1.00")}},
            {"customerId": ada["id"], "status": "PAID", "_count": {"_all": 2}, "_sum": {"total": Decimal("42.50")}},
            {"customerId": bob["id"], "status": "SHIPPED", "_count": {"_all": 1}, "_sum": {"total": Decimal("99.99")}},
        ] or sorted(groups, key=lambda g: (g["customerId"], g["status"])) == sorted([
            {"customerId": ada["id"], "status": "PENDING", "_count": {"_all": 1}, "_sum": {"total": Decimal("1.00")}},
            {"customerId": ada["id"], "status": "PAID", "_count": {"_all": 2}, "_sum": {"total": Decimal("42.50")}},
            {"customerId": bob["id"], "status": "SHIPPED", "_count": {"_all": 1}, "_sum": {"total": Decimal("99.99")}},
        ], key=lambda g: (g["customerId"], g["status"]))
        big = await db.order.group_by("customerId", having={"total": {"_sum": {"gt": 50}}}, _sum={"total": True})
        assert big == [{"customerId": bob["id"], "_sum": {"total": Decimal("99.99")}}]
        top = await db.order.group_by("customerId", order={"_count": {"_all": "desc"}}, take=1, _count={"_all": True})
        assert top == [{"customerId": ada["id"], "_count": {"_all": 3}}]
        paid = await db.order.group_by("status", where={"status": {"in": ["PAID", "SHIPPED"]}}, _max={"total": True},
                                       order={"status": "asc"})
        assert {g["status"] for g in paid} == {"PAID", "SHIPPED"}


async def test_aggregate_validation(adapter):
    async with open_client("shop", adapter) as db:
        with pytest.raises(ValidationError, match="_sum.name"):
            await db.product.aggregate(_sum={"name": True})
        with pytest.raises(ValidationError, match="need an `order`"):
            await db.order.group_by("status", take=1)
        with pytest.raises(ValidationError, match="must be in `by`"):
            await db.order.group_by("status", order={"total": "asc"})
