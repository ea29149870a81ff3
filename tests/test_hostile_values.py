"""Hostile values, written and filtered on every adapter: each comes back intact, or is refused
with a typed error; no other row ever changes (issue 11, item 6).

Values (a seeded generator; hypothesis's buffer cannot draw 900 values per example): quotes, NUL, `%`, `_`, `$1`, `?`, SQL comments, astral and right-to-left
Unicode, lone surrogates, 1 MB strings, NaN / infinities / -0.0 / subnormals, integers at and past
32 and 64 bits, extreme Decimals, bytes, DateTimes from year 1 to 9999, Json with odd keys.

Each hypothesis example is one batch of rows, written with ONE `create_many` (split by the
compiler into what each database takes) and read back with one query, then filtered with every
value as a bound `in` value, plus equality, `not`, `contains` / `startswith` / `endswith` on
samples and one `update_many`; a sentinel row written first must be untouched at the end. A
batch the database refuses is bisected to the rows it refuses (each must be a typed error).

Bounded by default (CI: 7 batches of 100 rows = over 5,000 values per adapter); set
`PRISMA_EDGE_HOSTILE_EXAMPLES` for more batches, `PRISMA_EDGE_HOSTILE_SEED` for other values.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import math
import os
import random
import struct
import time
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prisma_edge.client import Client
from prisma_edge.compiler import compile_query
from prisma_edge.compiler.sql.dialects import RULES
from prisma_edge.errors import PrismaEdgeError, ValidationError, ValueOutOfRangeError
from prisma_edge.schema import load_schema
from tests.support.clients import IN_PYODIDE, schema_path
from tests.support.hostile import HOSTILE_ADAPTERS, hostile_client, platform_decimals

# Pyodide runs (Node, Chromium, workerd) take one batch: the 5,000-value floor is the CPython step's.
EXAMPLES = int(os.environ.get("PRISMA_EDGE_HOSTILE_EXAMPLES", "1" if IN_PYODIDE else "7"))
ROWS = 100
COLUMNS = ("s", "i", "b", "f", "d", "t", "at", "j", "bytes")

PIECES = ["'", '"', "\\", "%", "_", "$1", "?", "?1", ":name", "--", "/*", "*/", ";", "`", "[", "]", "\x00",
          "\ud800", "\udfff", "\ud83d", "😀", "𝔘𝔫𝔦", "👩‍👩‍👧", "\u202e", "\u200f", "\u2066", "عربى", "עברית", "\ufeff",
          "\n", "\r\n", "\t", " ", "NULL", "null", "'; DROP TABLE Item; --", "' OR '1'='1", "%%", "\\%", "\\_",
          "\u0301", "e\u0301", "ß", "İ", "ǅ", "\U0010ffff", "\x7f", "\x1b[31m"]
SEED = int(os.environ.get("PRISMA_EDGE_HOSTILE_SEED", "11"))
KEYS = ["", " ", "$", "$.a", ".", "a.b", "[0]", "'", '"', "\\", "key\"q", "😀", "\u202e", "NULL", "__proto__",
        "constructor", "%", "_", "?", "$1"]
INT32 = [0, -1, 1, 2**31 - 1, -(2**31), 2**31, -(2**31) - 1]
INT64 = [2**63 - 1, -(2**63), 2**63, -(2**63) - 1, 2**64, -(2**64), 2**70]
FLOATS = [math.nan, math.inf, -math.inf, -0.0, 0.0, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 0.1,
          1e16, 2.0**53 + 1, -1e-300]
DECIMALS = platform_decimals(*("0", "-0", "0.1", "-0.000000000000000000000000000001", "1E-30", "1E-31",
                                 "9" * 35, "-" + "9" * 35, "9" * 36, "0." + "9" * 30, "12345678901234567890.123456789012345678",
                                 "1E+999999999", "1E+50000000", "-1E-50000000", "1E+308", "1E+400", "1E-400",
                                 "NaN", "Infinity", "-Infinity", "sNaN", "0E-999999", "1.000000000000000000000000000000000"))


class Values:
    """A seeded generator of hostile values per column (deterministic for one seed)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def char(self) -> str:
        r = self.rng.random()
        if r < 0.5:
            return chr(self.rng.randrange(32, 127))
        if r < 0.8:
            return chr(self.rng.randrange(0x80, 0x3000))
        if r < 0.97:
            return chr(self.rng.choice((self.rng.randrange(0xE000, 0x10000), self.rng.randrange(0x10000, 0x110000))))
        return chr(self.rng.randrange(0, 32))

    def text(self) -> str:
        parts = []
        for _ in range(self.rng.randrange(0, 8)):
            parts.append(self.rng.choice(PIECES) if self.rng.random() < 0.6 else
                         "".join(self.char() for _ in range(self.rng.randrange(1, 5))))
        return "".join(parts)

    def json(self, depth: int = 0) -> Any:
        r = self.rng.random()
        if depth < 3 and r < 0.25:
            return [self.json(depth + 1) for _ in range(self.rng.randrange(0, 4))]
        if depth < 3 and r < 0.5:
            return {(self.rng.choice(KEYS) if self.rng.random() < 0.5 else self.text()): self.json(depth + 1)
                    for _ in range(self.rng.randrange(0, 4))}
        return self.rng.choice([None, True, False, self.rng.randint(-(2**53), 2**53), self.text(),
                                self.rng.uniform(-1e6, 1e6), self.rng.choice(FLOATS[3:])])

    def decimal(self) -> Decimal:
        if self.rng.random() < 0.15:
            return self.rng.choice(DECIMALS)
        digits = "".join(self.rng.choice("0123456789") for _ in range(self.rng.randrange(1, 40)))
        return Decimal(f"{self.rng.choice('+-')}{digits}E{self.rng.randint(-45, 20)}")

    def value(self, column: str) -> Any:
        rng = self.rng
        if column == "s":
            return self.text()
        if column == "i":
            return rng.choice(INT32 + INT64[:3]) if rng.random() < 0.2 else rng.randint(-(2**31), 2**31 - 1)
        if column == "b":
            return rng.choice(INT32 + INT64) if rng.random() < 0.2 else rng.randint(-(2**63), 2**63 - 1)
        if column == "f":  # edges, or any 64-bit pattern (NaN payloads, subnormals, infinities)
            return rng.choice(FLOATS) if rng.random() < 0.3 else struct.unpack("<d", rng.randbytes(8))[0]
        if column == "d":
            return self.decimal()
        if column == "t":
            return rng.random() < 0.5
        if column == "at":
            day = dt.datetime(1, 1, 1) + dt.timedelta(days=rng.randrange(0, 3652058))
            return day + dt.timedelta(microseconds=rng.randrange(0, 86_400_000_000))
        if column == "j":
            return self.json()
        return rng.randbytes(rng.randrange(0, 48))

    def row(self) -> dict[str, Any]:
        return {c: self.value(c) for c in COLUMNS if self.rng.random() < 0.95}


SENTINEL = {"batch": "sentinel", "s": "keep '%_' me", "i": 42, "b": 2**40, "f": 1.25, "d": Decimal("7.5"), "t": True,
            "at": dt.datetime(2020, 2, 29, 12, 0, tzinfo=dt.UTC), "j": {"k": ["v"]}, "bytes": b"\x00\xff"}


def refusable(column: str, value: Any) -> bool:
    """Values no database stores as given (a refusal of anything else is a bug)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return "\x00" in value
    if column == "i":
        return not -(2**31) <= value < 2**31
    if column == "b":
        return not -(2**63) <= value < 2**63
    if column == "f":
        return not math.isfinite(value)
    if column == "d":
        return not value.is_finite() or (bool(value) and not -308 <= value.adjusted() <= 307)
    if column == "j":
        return any(refusable("s", x) for x in _strings(value))
    return False


def db_refusable(column: str, value: Any, dialect: str) -> bool:
    """Values within our limits that a database's column type may still refuse (a typed error)."""
    if column == "s" and dialect == "mysql":
        return len(value) > 191  # VARCHAR(191)
    if column == "d" and dialect != "sqlite":
        return bool(value) and value.adjusted() >= 35  # DECIMAL(65, 30)
    if column == "at" and dialect == "mysql":
        return value.year < 1000  # DATETIME(3) starts at 1000-01-01
    if column == "d" and dialect == "mysql":  # the MySQL literal writer's bound (protocols/mysql/format.py)
        return len(value.as_tuple().digits) + abs(value.as_tuple().exponent) > 200
    if column == "f" and dialect == "mysql":
        return value != 0 and abs(value) < 2.2250738585072014e-308  # MySQL refuses subnormal doubles
    return False


def _strings(value: Any) -> list[str]:
    out: list[str] = []
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            out.extend(v)
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
    return out


def expected(column: str, value: Any, dialect: str) -> Any:
    """What reading `value` back must give, computed here, from the column types' documented behaviour."""
    if column == "at":
        v = value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
        return v.replace(microsecond=v.microsecond // 1000 * 1000)
    if column == "f":
        return float(value)
    if column == "d" and dialect != "sqlite":  # DECIMAL(65, 30): the database rounds half away from zero
        with localcontext() as ctx:
            ctx.prec = 200
            return value.quantize(Decimal("1E-30"), rounding=ROUND_HALF_UP)
    return value


def same(column: str, want: Any, got: Any, dialect: str) -> bool:
    if column == "d":
        if dialect == "sqlite":  # a DECIMAL column is REAL in SQLite: the nearest double (as Prisma's SQLite)
            return got is not None and float(got) == float(want)
        with localcontext() as ctx:
            ctx.prec = 200
            return got is not None and Decimal(got) == want
    if column == "f":
        return isinstance(got, float) and got == want
    if column == "j":
        return json_same(want, got)
    return type(got) is type(want) and got == want


def json_same(want: Any, got: Any) -> bool:
    """JSON equality, numbers compared as the doubles JSON means: PostgreSQL's jsonb keeps numbers
    as numeric and writes 1.7976931348623157e308 out in full digits (an int to json.loads)."""
    if isinstance(want, dict):
        return isinstance(got, dict) and want.keys() == got.keys() and all(json_same(want[k], got[k]) for k in want)
    if isinstance(want, list):
        return isinstance(got, list) and len(want) == len(got) and all(json_same(a, b) for a, b in zip(want, got, strict=True))
    if isinstance(want, float) and isinstance(got, int | float) and not isinstance(got, bool):
        return float(got) == want
    return type(got) is type(want) and got == want


class Run:
    """One adapter's run: counts, mismatches, typed refusals."""

    def __init__(self, db: Client, adapter: str) -> None:
        self.db, self.adapter, self.dialect = db, adapter, db.adapter.dialect
        self.values = self.refused = self.db_refused = self.filters = 0
        self.failures: list[str] = []
        self.batches = 0
        self.rng = random.Random(11)

    def fail(self, text: str) -> None:
        if len(self.failures) < 40:
            self.failures.append(f"{self.adapter}: {text}"[:400])

    async def insert(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Write rows; return the ones stored. Refusals must be typed and justified."""
        if not rows:
            return []
        try:
            await self.db.item.create_many(data=rows)  # type: ignore[attr-defined]
            return rows
        except PrismaEdgeError as e:
            if isinstance(e, ValidationError) or isinstance(e, ValueOutOfRangeError) and e.problems:
                return await self.refused_rows(rows, e)  # ours, before the query (P2020 lists problems too)
            if len(rows) > 1:
                half = len(rows) // 2
                return await self.insert(rows[:half]) + await self.insert(rows[half:])
            row = rows[0]
            if not any(v is not None and db_refusable(c, v, self.dialect) for c, v in row.items() if c in COLUMNS):
                self.fail(f"the database refused a row within every limit ({type(e).__name__}: {str(e)[:160]}): "
                          f"{ {c: v for c, v in row.items() if v is not None}!r:.200}")
            self.db_refused += 1
            return []
        except Exception as e:  # noqa: BLE001 - the suite's point: no bare exception
            self.fail(f"bare {type(e).__name__} writing a batch: {str(e)[:200]}")
            return []

    async def refused_rows(self, rows: list[dict[str, Any]], e: ValidationError | ValueOutOfRangeError) -> list[dict[str, Any]]:
        """The rows our refusal names are dropped (each must be refusable); the rest are written."""
        bad: set[int] = set()
        for p in e.problems:
            head = p.path.split(".", 1)
            if not head[0].startswith("data[") or len(head) < 2:
                self.fail(f"a ValidationError without a row path: {e}")
                return []
            k, column = int(head[0][5:-1]), head[1].split(".")[0]
            bad.add(k)
            if column not in COLUMNS or not refusable(column, rows[k][column]):
                self.fail(f"refused {column}={rows[k].get(column)!r:.120}: {p}")
            self.refused += 1
        return await self.insert([r for k, r in enumerate(rows) if k not in bad])

    async def ids(self, where: dict[str, Any]) -> set[int]:
        self.filters += 1
        try:
            rows = await self.db.item.find_many(where={"batch": self.tag, **where}, select={"n": True})  # type: ignore[attr-defined]
        except PrismaEdgeError as e:
            self.fail(f"filter {where!r:.150} refused: {type(e).__name__}: {str(e)[:200]}")
            return set()
        except Exception as e:  # noqa: BLE001
            self.fail(f"bare {type(e).__name__} filtering {where!r:.150}: {str(e)[:200]}")
            return set()
        return {r["n"] for r in rows}

    def check_filter(self, where: dict[str, Any], want: set[int], got: set[int], *, collation: bool = False) -> None:
        """MySQL compares text case- and accent-insensitively (its default collation): there the
        rows that match exactly must be among those found."""
        ok = want <= got if collation and self.dialect == "mysql" else want == got
        if not ok:
            self.fail(f"filter {where!r:.160}: expected rows {sorted(want)[:10]}, got {sorted(got)[:10]}")

    async def batch(self, raw_rows: list[dict[str, Any]]) -> None:
        self.batches += 1
        self.tag = f"b{self.batches}"
        rows = [{"batch": self.tag, "n": n, **{c: v for c, v in r.items() if v is not None}} for n, r in enumerate(raw_rows)]
        if self.batches == 1 and len(rows) >= 2:  # the 1 MB strings, in every run
            rows[0]["s"] = "x" * 2**20 + "'%_\U0001f600"
            rows[1]["j"] = {"big": "y" * 2**20}
        self.values += sum(1 for r in rows for c in COLUMNS if c in r)
        stored = await self.insert(rows)
        by_n = {r["n"]: r for r in stored}
        try:
            got = await self.db.item.find_many(where={"batch": self.tag}, order={"n": "asc"})  # type: ignore[attr-defined]
        except Exception as e:  # noqa: BLE001 - written values must read back
            self.fail(f"batch {self.tag} cannot be read back: {type(e).__name__}: {str(e)[:200]}")
            return
        if sorted(r["n"] for r in got) != sorted(by_n):
            self.fail(f"batch {self.tag}: stored rows {sorted(by_n)[:10]}..., read {sorted(r['n'] for r in got)[:10]}...")
        for r in got:
            sent = by_n.get(r["n"], {})
            for c in COLUMNS:
                want = expected(c, sent[c], self.dialect) if c in sent else None
                if want is None and r[c] is not None or want is not None and not same(c, want, r[c], self.dialect):
                    self.fail(f"{c}: wrote {sent.get(c)!r:.120}, read {r[c]!r:.120}")
        await self.filter(stored)

    async def filter(self, stored: list[dict[str, Any]]) -> None:
        for c in ("s", "i", "b", "f", "d", "at", "bytes"):
            present = [r for r in stored if c in r]
            if present:  # every value, bound as a filter value; matching what the column stored
                where = {c: {"in": [r[c] for r in present]}}
                if c == "d" and self.dialect != "sqlite":  # the column stored the value rounded (to 30 places)
                    listed = {r[c] for r in present}
                    want = {r["n"] for r in present if expected(c, r[c], self.dialect) in listed}
                else:
                    want = {r["n"] for r in present}
                self.check_filter(where, want, await self.ids(where))
        texts = [r for r in stored if "s" in r and len(r["s"]) < 1000]
        for r in self.rng.sample(texts, min(5, len(texts))):
            v = r["s"]
            self.check_filter({"s": v}, {x["n"] for x in stored if x.get("s") == v}, await self.ids({"s": v}), collation=True)
            if v:
                i = self.rng.randrange(len(v))
                part = v[i:i + self.rng.randint(1, 3)]
                for op, test in (("contains", str.__contains__), ("startswith", str.startswith), ("endswith", str.endswith)):
                    needle = part if op == "contains" else v[:3] if op == "startswith" else v[-3:]
                    where = {"s": {op: needle}}
                    want = {x["n"] for x in stored if "s" in x and test(x["s"], needle)}
                    self.check_filter(where, want, await self.ids(where), collation=True)
        if texts:
            v = texts[0]["s"]
            if self.dialect != "mysql":
                where = {"s": {"not": v}}
                self.check_filter(where, {x["n"] for x in stored if "s" in x and x["s"] != v}, await self.ids(where))
            w = self.rng.choice(PIECES[:14]) + "updated"
            want = {x["n"] for x in stored if x.get("s") == v}
            try:
                count = await self.db.item.update_many(where={"batch": self.tag, "s": v}, data={"s": w})  # type: ignore[attr-defined]
            except PrismaEdgeError as e:
                self.fail(f"update_many to {w!r} refused: {e}")
                return
            if self.dialect != "mysql" and count != len(want):
                self.fail(f"update_many where s={v!r:.80} changed {count} rows, expected {len(want)}")
            self.check_filter({"s": w}, want, await self.ids({"s": w}), collation=True)


@pytest.mark.parametrize("adapter", HOSTILE_ADAPTERS)
async def test_hostile_values_round_trip_or_are_refused_with_typed_errors(adapter: str):
    started = time.perf_counter()
    async with hostile_client(adapter) as db:
        run = Run(db, adapter)
        sentinel = await db.item.create(data=SENTINEL)  # type: ignore[attr-defined]
        values = Values(SEED)
        for _ in range(EXAMPLES):
            await run.batch([values.row() for _ in range(ROWS)])
        after = await db.item.find_many(where={"batch": "sentinel"})  # type: ignore[attr-defined]
        total = await db.item.count()  # type: ignore[attr-defined]
    print(f"\nhostile values on {adapter}: {run.values} values in {run.batches} batches, {run.refused} refused by "
          f"validation, {run.db_refused} rows refused by the database (typed), {run.filters} filters, "
          f"{time.perf_counter() - started:.1f} s")
    assert run.failures == [], "\n".join(run.failures)
    assert after == [sentinel]  # no other row ever changed
    assert total >= 1 + run.batches  # nothing deleted
    if "PRISMA_EDGE_HOSTILE_EXAMPLES" not in os.environ and not IN_PYODIDE:
        assert run.values >= 5000


# ---- the same checks with hypothesis's strategies (small batches: its buffer bounds one example) ----

TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=6).map("".join)
JSON = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(-(2**53), 2**53), TEXT,
                              st.floats(allow_nan=False, allow_infinity=False)),
                    lambda c: st.one_of(st.lists(c, max_size=3), st.dictionaries(st.one_of(st.sampled_from(KEYS), TEXT), c, max_size=3)),
                    max_leaves=6)
STRATEGIES: dict[str, Any] = {
    "s": TEXT,
    "i": st.one_of(st.integers(-(2**31), 2**31 - 1), st.sampled_from(INT32 + INT64[:3])),
    "b": st.one_of(st.integers(-(2**63), 2**63 - 1), st.sampled_from(INT32 + INT64)),
    "f": st.one_of(st.floats(), st.sampled_from(FLOATS)),
    "d": st.one_of(st.decimals(allow_nan=False, allow_infinity=False), st.sampled_from(DECIMALS)),
    "t": st.booleans(),
    "at": st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31, 23, 59, 59)),
    "j": JSON,
    "bytes": st.binary(max_size=32),
}
ROW = st.fixed_dictionaries({}, optional=STRATEGIES)
HYPOTHESIS_EXAMPLES = int(os.environ.get("PRISMA_EDGE_HOSTILE_EXAMPLES", "25"))


@pytest.mark.no_pyodide("a sync hypothesis test drives its own event loop; the generated-values test above runs in Pyodide")
@pytest.mark.parametrize("adapter", HOSTILE_ADAPTERS)
def test_hypothesis_values_round_trip_or_are_refused_with_typed_errors(adapter: str):
    """hypothesis draws the rows (and shrinks a failing batch); `PRISMA_EDGE_HOSTILE_EXAMPLES` sets
    how many batches of up to 8 rows."""
    loop = asyncio.new_event_loop()
    cm = hostile_client(adapter)
    try:
        db = loop.run_until_complete(cm.__aenter__())
        run = Run(db, adapter)
        sentinel = loop.run_until_complete(db.item.create(data=SENTINEL))  # type: ignore[attr-defined]

        @settings(max_examples=HYPOTHESIS_EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(st.lists(ROW, min_size=1, max_size=8))
        def one_batch(rows: list[dict[str, Any]]) -> None:
            run.failures.clear()
            loop.run_until_complete(run.batch(rows))
            assert run.failures == [], "\n".join(run.failures)

        one_batch()
        after = loop.run_until_complete(db.item.find_many(where={"batch": "sentinel"}))  # type: ignore[attr-defined]
    finally:
        loop.run_until_complete(cm.__aexit__(None, None, None))
        loop.close()
    assert after == [sentinel]
    print(f"\nhypothesis values on {adapter}: {run.values} values in {run.batches} batches")


ODD_VALUES: list[Any] = [object(), {1, 2}, (1, 2), [], {}, {"x": 1}, b"x", bytearray(b"x"), memoryview(b"x"), 10**5000,
                         2**1100, "9" * 5000, *platform_decimals("sNaN", "1E+999999999"), math.nan, -math.inf, True, None,
                         ..., type, range(3), 1j, "\ud800", "\x00"]


@pytest.mark.parametrize("dialect", sorted(RULES))
def test_any_value_of_any_type_in_any_value_position_is_typed(dialect: str):
    """Cross-typed values (a Decimal for a String, a set for an Int, a 5,000-digit int for a Float,
    an object as a direction...) in 13 value positions: a ValidationError or a plan, never a bare
    exception (this found OverflowError, ValueError from str() of huge ints, and sNaN)."""
    schema = load_schema(schema_path("hostile"))
    gen = Values(SEED)
    values = [gen.value(c) for c in COLUMNS for _ in range(6)] + ODD_VALUES
    bare: list[str] = []
    for c in (*COLUMNS, "n", "id", "owner"):
        for v in values:
            for action, args in (("find_many", {"where": {c: v}}), ("find_many", {"where": {c: {"gt": v}}}),
                                 ("find_many", {"where": {c: {"in": [v]}}}), ("find_many", {"where": {c: {"not": v}}}),
                                 ("create", {"data": {"batch": "x", c: v}}), ("update_many", {"where": {}, "data": {c: v}}),
                                 ("update_many", {"where": {}, "data": {c: {"increment": v}}}), ("find_many", {"take": v}),
                                 ("find_many", {"where": {"j": {"path": [v], "equals": 1}}}),
                                 ("find_many", {"where": {"j": {"path": ["a"], "equals": v}}}),
                                 ("find_many", {"where": {"s": {"contains": v}}}), ("find_many", {"order": {c: v}}),
                                 ("find_many", {"cursor": {"id": v}})):
                try:
                    compile_query(schema, "Item", action, args, dialect)
                except PrismaEdgeError:
                    pass
                except Exception as e:  # noqa: BLE001 - the point: none escapes
                    bare.append(f"{action} {c} {type(v).__name__}: {type(e).__name__}: {str(e)[:120]}")
    assert bare == []
