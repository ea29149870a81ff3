"""The one table of input limits, and the checks that apply them before anything is built.

Why: hostile or accidental input must end in a `ValidationError` naming the argument, never in
a RecursionError, an OverflowError, a UnicodeEncodeError or a gigabyte-sized parameter. Each
limit is what the databases (or the Python stack) can actually take, so only what is truly out
of range is refused; the values Prisma coerces stay the semantics layer's business.

Statement limits (bind parameters and SQL bytes per statement, per dialect) live beside the SQL
rules they shape (`sql/dialects.py`, `Rules.max_params` / `max_statement_bytes`): `compiler.build`
packs `in` lists, splits multi-row inserts and refuses by name what still does not fit.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..schema.parser import MAX_EXPRESSION_NESTING

# Objects nested in one argument (`where`, `include`/`select`, `order`, nested `data`): each key
# of an argument path is one level, list indexes are not. Deeper input is refused by path.
MAX_NESTING = 64
# Nesting of one schema expression (`@default([[...]])`, function arguments): kept by the parser.
MAX_SCHEMA_NESTING = MAX_EXPRESSION_NESTING
# `take` / `skip` / `limit` are bound as 64-bit integers on every database.
INT64 = (-(2**63), 2**63 - 1)

# Decimal: (integer digits, fractional digits) a column can hold, by provider, when the field has
# no `@db.Decimal(p, s)`: PostgreSQL and MySQL columns are DECIMAL(65, 30) (what `db push` makes);
# SQLite keeps DECIMAL as REAL, whose exponent stops at 1e308 (and 1e-307 before it degrades).
# Fractional digits beyond a column's scale are rounded by the database, so they are bounded only
# by what any database takes in a literal (PostgreSQL numeric: 16,383 after the point).
DECIMAL_DEFAULT = {"postgresql": (35, 30), "mysql": (35, 30), "sqlite": (309, 307)}
DECIMAL_MAX_INTEGER_DIGITS = 131_072  # PostgreSQL numeric, the widest of the databases
DECIMAL_MAX_FRACTION_DIGITS = 16_383  # PostgreSQL numeric
DECIMAL_MAX_DIGITS = DECIMAL_MAX_INTEGER_DIGITS + DECIMAL_MAX_FRACTION_DIGITS


# MySQL refuses JSON documents nested past 100 levels (error 3157); the same bound everywhere keeps
# the adapters alike and keeps the C JSON encoder far from Pyodide's small WebAssembly stack.
MAX_JSON_DEPTH = 100


def json_depth_problem(value: Any) -> str | None:
    """Why a Json value is nested too deep to send, measured without recursion."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        v, depth = stack.pop()
        if isinstance(v, dict | list | tuple):
            if depth > MAX_JSON_DEPTH:
                return f"a Json value nested more than {MAX_JSON_DEPTH} levels deep (MAX_JSON_DEPTH, MySQL's limit)"
            stack.extend((c, depth + 1) for c in (v.values() if isinstance(v, dict) else v))
    return None


def too_deep(path: str) -> bool:
    """True once `path` (an argument path such as `where.posts.some.author`) passes MAX_NESTING."""
    return path.count(".") >= MAX_NESTING


def nesting_message() -> str:
    return f"nested more than {MAX_NESTING} levels deep; flatten the query (limit: MAX_NESTING)"


def short_path(path: str, keep: int = 120) -> str:
    """An argument path short enough for a message (deep paths keep their head and tail)."""
    return path if len(path) <= keep else path[: keep // 2] + " … " + path[-keep // 2 :]


def text_problem(value: str) -> str | None:
    """Why `value` cannot be stored as UTF-8 text on every database alike (None: it can)."""
    if "\x00" in value:
        return "a String cannot contain the NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        return (f"a String must be valid Unicode text: a lone surrogate {value[e.start]!r} at position {e.start} "
                f"cannot be encoded as UTF-8")
    return None


def decimal_problem(d: Decimal, integer_digits: int = DECIMAL_MAX_INTEGER_DIGITS,
                    fraction_digits: int = DECIMAL_MAX_FRACTION_DIGITS, column: str = "") -> str | None:
    """Why the finite Decimal `d` does not fit (None: it fits). Looks only at its exponent and
    digit count, so `Decimal("1E+999999999")` is refused without ever being written out."""
    if not d:
        return None
    sign_, digits, exponent = d.as_tuple()
    assert isinstance(exponent, int)  # finite: checked by the caller
    if len(digits) > DECIMAL_MAX_DIGITS:
        return f"a Decimal of {len(digits)} digits is out of range for every database (at most {DECIMAL_MAX_DIGITS})"
    whole = d.adjusted() + 1  # digits before the point (<= 0: a fraction)
    what = f" for the column {column}" if column else ""
    if whole > integer_digits:
        return f"Decimal with {whole} digits before the point is out of range{what} (at most {integer_digits})"
    if -exponent > DECIMAL_MAX_FRACTION_DIGITS or -whole >= fraction_digits:
        shown = -exponent if -exponent > DECIMAL_MAX_FRACTION_DIGITS else -whole + 1
        return (f"Decimal with {shown} digits after the point is out of range{what} "
                f"(at most {min(fraction_digits, DECIMAL_MAX_FRACTION_DIGITS)})")
    return None


def decimal_bounds(provider: str, native: Any) -> tuple[int, int, str]:
    """(integer digits, fractional digits, column description) for a Decimal field."""
    if native is not None and native.name in ("Decimal", "Numeric") and native.args:
        try:
            p = int(native.args[0])
            s = int(native.args[1]) if len(native.args) > 1 else 0
        except ValueError:
            p, s = 65, 30
        return p - s, DECIMAL_MAX_FRACTION_DIGITS, f"{native.name}({p}, {s})"
    if native is not None and native.name == "Money":  # PostgreSQL money: 8 bytes of cents
        return 17, DECIMAL_MAX_FRACTION_DIGITS, "Money"
    whole, frac = DECIMAL_DEFAULT.get(provider, DECIMAL_DEFAULT["postgresql"])
    return whole, frac if provider == "sqlite" else DECIMAL_MAX_FRACTION_DIGITS, (
        "DECIMAL (REAL)" if provider == "sqlite" else "DECIMAL(65, 30)")


def int64_problem(value: int) -> str | None:
    """For `take`/`skip`/`limit` (a negative `take` is bound as its absolute value, so symmetric)."""
    hi = INT64[1]
    if -hi <= value <= hi:
        return None
    return f"{value if abs(value) < 10**30 else 'the number'} is out of the 64-bit range (-{hi} to {hi})"
