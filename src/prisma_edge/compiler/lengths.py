"""Plans independent of `in` list lengths: one list = ONE bound parameter (issue 15 item 4).

The IR holds one slot per `in` value, so every list length is another plan-cache key and another
render (a loader that asks for 1, 2, ... 50 ids renders 50 plans). Before the cache lookup,
`normalise` rewrites each such list into ONE list-valued slot and renumbers the other slots in
order, returning the call's values regrouped to match; the SQL then reads the list from that one
parameter: `col = ANY(CAST($1 AS integer[]))` on PostgreSQL, `col IN (SELECT value FROM
json_each(?, '$[0]'))` on SQLite (the packed-JSON parameter of `plan.Pack`).

Only where that is exact: String, Int, BigInt and enum values (text and integers compare the same
from a JSON array as from a bound value), case-sensitive lists, on the "postgres", "sqlite" and
"d1" rules (D1: SQLite's `json_each`, one parameter of its 100). On MySQL/MariaDB, Int and BigInt
lists only: `col IN (SELECT v FROM JSON_TABLE(?, '$[0][*]' COLUMNS (v <type> PATH '$')) AS j)`
(`MysqlRules.list_values`); a string read from JSON_TABLE carries its own collation, not the
column's (case and accents would compare differently from `col IN (?, ?)`, or fail as an illegal
mix of collations), so strings and enums keep one parameter per value there, as other types do.

Every other list (those MySQL strings and enums, case-insensitive lists, DateTime, Float, Decimal,
Boolean, Bytes...) keeps one parameter per value but is padded to the next size of a fixed ladder
(`padded_size`: 1, 2, 4, ... 1024, then multiples of 1024) by repeating its last value: a repeated
value changes neither `IN` nor `NOT IN` (nor their case-insensitive forms), and 50 lengths then
need 7 plans, not 50. Padding is only a cache key: `compile_query` drops it when the padded plan
would pass the database's parameter limit, so limits and their messages stay those of the input.
"""

from __future__ import annotations

from typing import Any

import attrs

from . import ir

LIST_TYPES = ("String", "Int", "BigInt")
# the value types a dialect (a rules key) reads from ONE list parameter; "Enum" stands for enums
DIALECTS: dict[str, tuple[str, ...]] = {
    "postgres": (*LIST_TYPES, "Enum"),
    "sqlite": (*LIST_TYPES, "Enum"),
    "d1": (*LIST_TYPES, "Enum"),
    "mysql": ("Int", "BigInt"),
}


LADDER_TOP = 1024  # past it, lists pad to a multiple of it (at most 1023 values more)


def padded_size(n: int) -> int:
    """The ladder size a list of `n` values is padded to: few sizes, at most twice as long."""
    if n <= LADDER_TOP:
        return 1 << (n - 1).bit_length() if n > 1 else n
    return -(-n // LADDER_TOP) * LADDER_TOP


def _listable(c: ir.Compare, types: tuple[str, ...]) -> bool:
    if c.op not in ("in", "not_in") or c.insensitive or not isinstance(c.value, tuple) or not c.value:
        return False
    return all(
        s.role == "value"
        and not s.is_list
        and (s.type in types or ("Enum" in types and s.type.startswith("Enum:")))
        and s.type == c.value[0].type
        for s in c.value
    )


def has_list_filter(args: Any) -> bool:
    """Whether the call's arguments hold an `in` / `notIn` list (outside `data`): a scan of the
    small argument dict, so the IR walk below runs only for the calls it can change."""
    if isinstance(args, dict):
        for k, v in args.items():
            if k in ("in", "not_in", "notIn") and isinstance(v, list | tuple):
                return True
            if k != "data" and isinstance(v, dict | list) and has_list_filter(v):
                return True
    elif isinstance(args, list):
        return any(isinstance(x, dict | list) and has_list_filter(x) for x in args)
    return False


def _paddable(c: ir.Compare) -> bool:
    return c.op in ("in", "not_in") and isinstance(c.value, tuple) and len(c.value) > 1 and all(
        isinstance(s, ir.Slot) for s in c.value) and padded_size(len(c.value)) != len(c.value)


def normalise(op: ir.Operation, values: list[Any], dialect: str, *,
              pad: bool = True) -> tuple[ir.Operation, list[Any]] | None:
    """(the op with each `in` list as one list slot, or padded to its ladder size, the regrouped
    values), or None to keep `op`."""
    types = DIALECTS.get(dialect, ())
    remap: list[int | tuple[int, ...]] = []
    lists = 0

    def walk(v: Any) -> Any:
        nonlocal lists
        if isinstance(v, ir.Compare) and _listable(v, types):
            assert isinstance(v.value, tuple)
            remap.append(tuple(s.index for s in v.value))
            lists += 1
            return attrs.evolve(v, value=(ir.Slot(len(remap) - 1, v.value[0].type, is_list=True),))
        if pad and isinstance(v, ir.Compare) and _paddable(v):
            assert isinstance(v.value, tuple)
            slots = []
            for s in (*v.value, *[v.value[-1]] * (padded_size(len(v.value)) - len(v.value))):
                remap.append(s.index)
                slots.append(ir.Slot(len(remap) - 1, s.type, s.is_list, s.role))
            lists += 1
            return attrs.evolve(v, value=tuple(slots))
        if isinstance(v, ir.Slot):
            remap.append(v.index)
            return ir.Slot(len(remap) - 1, v.type, v.is_list, v.role)
        if isinstance(v, tuple):
            items = tuple(walk(x) for x in v)
            return items if any(a is not b for a, b in zip(items, v, strict=True)) else v
        if attrs.has(type(v)):
            changes = {}
            for a in attrs.fields(type(v)):
                old = getattr(v, a.name)
                new = walk(old)
                if new is not old:
                    changes[a.alias] = new
            return attrs.evolve(v, **changes) if changes else v
        return v

    new_op = walk(op)
    if not lists:
        return None
    seen = {j for i in remap for j in (i if isinstance(i, tuple) else (i,))}
    if seen != set(range(len(values))):  # a value no slot names (or the other way): keep the op as it is
        return None
    return new_op, [[values[j] for j in i] if isinstance(i, tuple) else values[i] for i in remap]


def is_one_list(c: ir.Compare) -> bool:
    """An `in` list that `normalise` made one list-valued parameter."""
    return isinstance(c.value, tuple) and len(c.value) == 1 and c.value[0].is_list
