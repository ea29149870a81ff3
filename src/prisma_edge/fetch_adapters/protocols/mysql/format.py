"""Client-side parameter interpolation for PlanetScale's HTTP API, which has no bind parameters.

`interpolate(sql, params)` is the one place where a value becomes SQL text, so it is written to be
boring and total: every accepted Python type has exactly one literal form, everything else raises.

Theory of operation:

- The SQL is tokenized like database-js 1.20.2 does (protocols.md C.7): a `?` inside a quoted
  string/identifier (`'..'`, `".."`, `` `..` ``), a comment (`# ..`, `-- ..`, `/* .. */`) or a
  user variable (`@name`) is not a placeholder. Our own compiler never puts one there, but raw SQL
  written by users may. Placeholder offsets are cached per SQL text (the plan cache repeats them),
  so a repeated statement costs only the splicing of its values.
- Strings are escaped exactly as database-js does (`\\0 \\b \\n \\r \\t \\Z \\\\ \\"` and `'` doubled
  to `''`). Doubling the quote (instead of `\\'`) keeps the literal closed in both
  NO_BACKSLASH_ESCAPES modes: in the default mode (MySQL, MariaDB, and always in Vitess, whose parser
  knows no other) the value comes back exact; with NO_BACKSLASH_ESCAPES on, escapes stay visible but
  nothing can leave the literal.
- Bytes are `X'hex'` (never a quoted string, so no charset conversion or escaping can touch them);
  floats always carry an exponent so MySQL reads them as DOUBLE, not DECIMAL; Decimals are plain
  digits (an exact-value literal); datetimes are UTC text with microseconds.
- A value never merges with the SQL around it: a space is added where it would glue onto an
  identifier, and a negative number after `-` is parenthesised so `-` + `-1` never reads as `--`.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from prisma_edge.errors import ClientError

__all__ = ["interpolate"]

_ESCAPES = {
    "\0": "\\0",
    "\b": "\\b",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\x1a": "\\Z",
    "\\": "\\\\",
    '"': '\\"',
    "'": "''",
}
_NEEDS_ESCAPE = re.compile("[\0\b\n\r\t\x1a\\\\\"']")
_SURROGATE = re.compile("[\ud800-\udfff]")
# One token per match: a placeholder, or something in which `?` is not one. Every alternative ends
# in an optional part, so a match never fails half-way and nothing backtracks.
_TOKENS = re.compile(
    r"""
      '(?:[^'\\]|\\.|'')*'?                      # 'string' ('' and \x inside), to the end if open
    | "(?:[^"\\]|\\.|"")*"?                      # "string"
    | `(?:[^`]|``)*`?                              # `identifier`
    | \#[^\n]*                                     # comment to end of line
    | --(?=\s|$)[^\n]*                              # `-- ` comment (dashes then whitespace)
    | /\*(?!!).*?(?:\*/|\Z)                         # /* comment */ (not /*! executable */)
    | @@?(?:`(?:[^`]|``)*`?|'(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?|[\w$.]*)  # @variable
    | \?
    """,
    re.VERBOSE | re.DOTALL,
)
# Longest plain-notation Decimal we render: MySQL keeps at most 65 digits, this only stops a
# Decimal('1E+999999999') from allocating gigabytes before the server rejects it.
_MAX_DECIMAL_CHARS = 200
_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$.'\"`")


def interpolate(sql: str, params: Sequence[Any]) -> str:
    """Replace each `?` placeholder in `sql` with the MySQL literal for the matching parameter.

    Args:
        sql: MySQL text with `?` placeholders (as rendered by the compiler, or raw SQL).
        params: one value per placeholder: None, bool, int, float (finite), Decimal (finite), str,
            bytes/bytearray/memoryview, datetime, date, time. JSON must already be a `str`.

    Returns:
        The SQL text with every placeholder replaced by a literal.

    Raises:
        ClientError: the number of placeholders differs from the number of values, or a value
            cannot be written as a MySQL literal (NaN, a lone surrogate, a dict...). The message
            names the parameter's position and type, never its content.
    """
    positions = _placeholders(sql)
    if len(positions) != len(params):
        raise ClientError(f"SQL has {len(positions)} `?` placeholder(s) but {len(params)} parameter(s) were given")
    out: list[str] = []
    copy_from = 0
    for index, i in enumerate(positions):
        literal = _literal(params[index], index)
        prev = out[-1][-1:] if i == copy_from and out else sql[i - 1 : i]
        if prev == "-" and literal[0] == "-":  # `1-?` with -1: `1--1` could read as a comment
            literal = "(" + literal + ")"
        elif prev in _WORD:
            literal = " " + literal
        nxt = sql[i + 1 : i + 2]
        if nxt and (nxt in _WORD or nxt in "?:"):
            literal += " "
        out.append(sql[copy_from:i])
        out.append(literal)
        copy_from = i + 1
    if not out:
        return sql
    out.append(sql[copy_from:])
    return "".join(out)


@functools.lru_cache(maxsize=512)
def _placeholders(sql: str) -> tuple[int, ...]:
    """Offsets of the real `?` placeholders; cached, as the compiler's plan cache repeats SQL texts."""
    return tuple(m.start() for m in _TOKENS.finditer(sql) if m.group() == "?")


def _literal(value: Any, index: int) -> str:
    """The MySQL literal for one value; `index` (0-based) only names the parameter in errors."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(int(value))  # int() drops IntEnum & co. reprs
    if isinstance(value, str):
        if _SURROGATE.search(value):
            raise ClientError(
                f"parameter {index + 1} is a str with a lone surrogate, which is not valid UTF-8 and cannot be sent"
            )
        return "'" + _NEEDS_ESCAPE.sub(lambda m: _ESCAPES[m.group()], value) + "'"
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ClientError(f"parameter {index + 1} is {value!r}: MySQL has no NaN or infinity")
        text = repr(value)
        return text if "e" in text else text + "e0"  # exponent => DOUBLE literal, not DECIMAL
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ClientError(f"parameter {index + 1} is Decimal({str(value)!r}): MySQL has no NaN or infinity")
        sign, digits, exponent = value.as_tuple()
        assert isinstance(exponent, int)
        if len(digits) + abs(exponent) > _MAX_DECIMAL_CHARS:
            raise ClientError(f"parameter {index + 1} is a Decimal too large or too precise for MySQL")
        return format(value, "f")
    if isinstance(value, bytes | bytearray | memoryview):
        return "X'" + bytes(value).hex() + "'"
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            value = value.astimezone(_dt.UTC).replace(tzinfo=None)
        return _iso_datetime(value)
    if isinstance(value, _dt.date):
        return f"'{value.year:04d}-{value.month:02d}-{value.day:02d}'"
    if isinstance(value, _dt.time):
        offset = value.utcoffset()
        if offset:
            value = (_dt.datetime.combine(_dt.date(2000, 1, 1), value.replace(tzinfo=None)) - offset).time()
        return f"'{value.hour:02d}:{value.minute:02d}:{value.second:02d}.{value.microsecond:06d}'"
    kind = type(value).__name__
    hint = " (serialise JSON to a str first)" if isinstance(value, dict | list | tuple) else ""
    raise ClientError(f"parameter {index + 1} has type {kind}, which cannot be sent to MySQL{hint}")


def _iso_datetime(value: _dt.datetime) -> str:
    """'YYYY-MM-DD HH:MM:SS.ffffff' with a zero-padded year (strftime does not pad years < 1000)."""
    return (
        f"'{value.year:04d}-{value.month:02d}-{value.day:02d} "
        f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}.{value.microsecond:06d}'"
    )
