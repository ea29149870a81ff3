"""Our results in the engine's JSON shape, and the corpus' comparison rules.

The engine answers `{"data": {"findManyUser": [...]}}` with typed scalars tagged
(`{"$type": "DateTime", "value": "2020-01-01T00:00:00.000Z"}`); the corpus compares after
de-tagging, except for `raw_json_protocol` steps. `Renderer` puts our Python values in that form
by the schema's field types: an `int` in a BigInt field becomes `{"$type": "BigInt", "value":
"1"}`, a `datetime` becomes ISO with milliseconds and `Z`, `Decimal` is printed normalized as the
engine prints it, `bytes` as base64, Json as compact JSON text. A value of the wrong Python type
for its field (a `str` in a BigInt field, a naive datetime, a float in an Int field) is rendered
as `{"$wrongType": ..., "value": ...}` so it never compares equal by accident.

`judge(expect, outcome, ...)` applies the README's rules: `null` (success), `data`, error codes
(our `ValidationError` counts for P2009 and the engine's other request-validation codes),
`any_error`, `one_of`, `batch`, `checks`, `compare: strip_spaces`; it returns None or the first
`Mismatch`.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs

from prisma_edge.errors import PrismaEdgeError, ValidationError
from prisma_edge.schema.model import Field, Model, Schema

from .translate import COUNT_ACTIONS, Call

# Engine codes for requests rejected before any SQL runs; our ValidationError (P2009) covers them.
VALIDATION_CODES = frozenset({"P2009", "P2012", "P2016", "P2019", "P2033"})
TAGGED_TYPES = frozenset({"DateTime", "BigInt", "Decimal", "Bytes", "Json", "Enum", "FieldRef"})


@attrs.frozen
class Ok:
    """A call returned `value` (our Python result)."""

    call: Call
    value: Any


@attrs.frozen
class Err:
    """A call (or a whole transactional batch) raised."""

    error: BaseException


@attrs.frozen
class BatchOutcome:
    """Per-request outcomes of a batch, in request order."""

    items: tuple[Ok | Err, ...]


Outcome = Ok | Err | BatchOutcome


@attrs.frozen
class Mismatch:
    """Why a step failed: `cause` is short and groupable, `detail` shows expected vs got."""

    cause: str
    detail: str
    is_error: bool = False  # our exception where a result was expected


# ---- rendering ---------------------------------------------------------------------------------


def fmt_decimal(d: Decimal) -> str:
    """The engine prints Decimals normalized, without exponent (45000.00 -> "45000")."""
    if d.is_zero():
        return "0"
    return format(d.normalize(), "f")


def fmt_datetime(d: dt.datetime) -> str:
    """`2020-01-01T00:00:00.000Z`: UTC, always milliseconds (more digits only if we kept them)."""
    d = d.astimezone(dt.UTC)
    spec = "milliseconds" if d.microsecond % 1000 == 0 else "microseconds"
    return d.replace(tzinfo=None).isoformat(timespec=spec) + "Z"


def tag(t: str, value: str) -> dict[str, str]:
    return {"$type": t, "value": value}


def wrong(v: Any, expected: str) -> dict[str, Any]:
    return {"$wrongType": f"{type(v).__name__} for {expected}", "value": generic(v)}


def generic(v: Any) -> Any:
    """Render a value whose field type is unknown, by its Python type."""
    if isinstance(v, bool) or v is None or isinstance(v, int | float | str):
        return v
    if isinstance(v, dt.datetime):
        if v.tzinfo is None:  # our contract is aware UTC datetimes
            return {"$wrongType": "naive datetime", "value": v.isoformat()}
        return tag("DateTime", fmt_datetime(v))
    if isinstance(v, Decimal):
        return tag("Decimal", fmt_decimal(v))
    if isinstance(v, bytes | bytearray | memoryview):
        return tag("Bytes", base64.b64encode(bytes(v)).decode())
    if isinstance(v, dict):
        return {str(k): generic(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [generic(x) for x in v]
    return {"$wrongType": type(v).__name__, "value": repr(v)}


def render_scalar(t: str, v: Any) -> Any:
    """One non-null value of Prisma scalar type `t` ("Enum" for enums) in the engine's tagged form."""
    is_int = isinstance(v, int) and not isinstance(v, bool)
    if t in ("String", "Enum"):
        return v if isinstance(v, str) else wrong(v, t)
    if t == "Int":
        return v if is_int else wrong(v, t)
    if t == "BigInt":
        return tag("BigInt", str(v)) if is_int else wrong(v, t)
    if t == "Float":
        return v if is_int or isinstance(v, float) else wrong(v, t)
    if t == "Decimal":
        return tag("Decimal", fmt_decimal(v)) if isinstance(v, Decimal) else wrong(v, t)
    if t == "Boolean":
        return v if isinstance(v, bool) else wrong(v, t)
    if t == "DateTime":
        return tag("DateTime", fmt_datetime(v)) if isinstance(v, dt.datetime) and v.tzinfo else wrong(v, t)
    if t == "Bytes":
        return tag("Bytes", base64.b64encode(v).decode()) if isinstance(v, bytes) else wrong(v, t)
    if t == "Json":
        if repr(v) == "JsonNull" and type(v).__module__ == "prisma_edge.fields":  # the Json value null
            return tag("Json", "null")
        try:
            return tag("Json", json.dumps(v, separators=(",", ":"), ensure_ascii=False, allow_nan=False))
        except (TypeError, ValueError):
            return wrong(v, t)
    return generic(v)


def field_type(f: Field) -> str:
    return "Enum" if f.kind == "enum" else f.type


def render_field(f: Field, v: Any) -> Any:
    if v is None:
        return None
    t = field_type(f)
    if f.is_list:
        return [None if x is None else render_scalar(t, x) for x in v] if isinstance(v, list) else wrong(v, f"{t}[]")
    return render_scalar(t, v)


def aggregate_type(fn: str, f: Field | None) -> str | None:
    """The engine's output type of `fn(field)`: counts are Int, `_avg` is Float (Decimal stays)."""
    if fn == "_count":
        return "Int"
    if f is None:
        return None
    t = field_type(f)
    if fn == "_avg":
        return "Decimal" if t == "Decimal" else "Float"
    return t


class Renderer:
    """Our Python results -> the engine's tagged JSON, by the schema."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema

    def record(self, model: Model, v: Any) -> Any:
        if v is None:
            return None
        if isinstance(v, list):
            return [self.record(model, x) for x in v]
        if not isinstance(v, dict):
            return wrong(v, f"{model.name} record")
        return {k: self.key(model, k, x) for k, x in v.items()}

    def key(self, model: Model, k: str, v: Any) -> Any:
        if k in ("_count", "_sum", "_avg", "_min", "_max"):
            if isinstance(v, dict):
                out: dict[str, Any] = {}
                for fk, fv in v.items():
                    f = model.field(fk)
                    t = "Int" if k == "_count" else aggregate_type(k, f)
                    if f is not None and f.kind == "object" and k == "_count":
                        t = "Int"
                    out[fk] = None if fv is None else render_scalar(t, fv) if t else generic(fv)
                return out
            return None if v is None else render_scalar("Int", v) if k == "_count" else generic(v)
        f = model.field(k)
        if f is None:
            return generic(v)
        if f.kind == "object":
            target = self.schema.model(f.type)
            return self.record(target, v) if target is not None else generic(v)
        return render_field(f, v)

    def result(self, call: Call, value: Any, expected: Any = None) -> Any:
        """Our result of `call` as the value under `data[call.response_key]`."""
        if call.kind == "execute_raw":
            return value
        if call.kind == "query_raw":
            return render_raw(value, expected)
        if call.action in COUNT_ACTIONS and isinstance(value, int) and not isinstance(value, bool):
            return {"count": value}
        model = self.schema.model(call.model or "")
        if model is None:
            return generic(value)
        return self.record(model, value)


# ---- raw query results -------------------------------------------------------------------------


def fmt_raw_datetime(d: dt.datetime) -> str:
    """chrono's RFC 3339 as the engine's raw results print it: `+00:00`, fraction only if any."""
    d = d.astimezone(dt.UTC) if d.tzinfo else d.replace(tzinfo=dt.UTC)
    spec = "seconds" if d.microsecond == 0 else "milliseconds" if d.microsecond % 1000 == 0 else "microseconds"
    return d.isoformat(timespec=spec)


def render_raw_value(t: str | None, v: Any) -> Any:
    if v is None:
        return None
    if t and t.endswith("-array"):
        base = t[: -len("-array")]
        return [render_raw_value(base, x) for x in v] if isinstance(v, list) else wrong(v, t)
    is_int = isinstance(v, int) and not isinstance(v, bool)
    if t == "int":
        return v if is_int else wrong(v, t)
    if t == "bigint":
        return str(v) if is_int else wrong(v, t)
    if t in ("float", "double"):
        return v if is_int or isinstance(v, float) else wrong(v, t)
    if t in ("decimal", "numeric"):
        return fmt_decimal(v) if isinstance(v, Decimal) else wrong(v, t)
    if t in ("bool", "boolean"):
        return v if isinstance(v, bool) else wrong(v, t)
    if t == "datetime":
        return fmt_raw_datetime(v) if isinstance(v, dt.datetime) else wrong(v, t)
    if t == "date":
        return v.isoformat() if isinstance(v, dt.date) and not isinstance(v, dt.datetime) else wrong(v, t)
    if t == "time":
        return v.isoformat() if isinstance(v, dt.time) else wrong(v, t)
    if t == "bytes":
        return base64.b64encode(bytes(v)).decode() if isinstance(v, bytes | bytearray) else wrong(v, t)
    if t == "json":
        return v
    if t in ("string", "text", "char", "enum", "uuid", "xml"):
        return v if isinstance(v, str) else wrong(v, t)
    return generic(v)


def render_raw(rows: Any, expected: Any) -> Any:
    """`query_raw`'s list of dicts -> `{"columns", "types", "rows"}`.

    Our API returns neither column types nor, for an empty result, column names: those two are
    taken from the expectation (a known gap of `query_raw`, not judged); every value is judged,
    printed as the engine prints a value of the expected column type.
    """
    if not isinstance(rows, list):
        return wrong(rows, "list of rows")
    exp = expected if isinstance(expected, dict) else {}
    types: list[str | None] = list(exp.get("types") or [])
    columns = list(rows[0].keys()) if rows and isinstance(rows[0], dict) else list(exp.get("columns") or [])
    types += [None] * (len(columns) - len(types))
    out_rows = []
    for r in rows:
        if not isinstance(r, dict):
            out_rows.append(wrong(r, "row dict"))
            continue
        out_rows.append([render_raw_value(types[i] if i < len(types) else None, r.get(c)) for i, c in enumerate(columns)])
    return {"columns": columns, "types": exp.get("types"), "rows": out_rows}


# ---- comparison ----------------------------------------------------------------------------------


def detag(v: Any) -> Any:
    if isinstance(v, dict):
        if set(v) == {"$type", "value"} and v["$type"] in TAGGED_TYPES:
            return v["value"]
        return {k: detag(x) for k, x in v.items()}
    if isinstance(v, list):
        return [detag(x) for x in v]
    return v


def short(v: Any, limit: int = 300) -> str:
    try:
        text = json.dumps(v, ensure_ascii=False, default=repr, separators=(",", ":"))
    except (TypeError, ValueError):
        text = repr(v)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _path(p: Sequence[Any]) -> str:
    return "".join(f"[{x}]" if isinstance(x, int) else f".{x}" for x in p) or "."


def diff(exp: Any, got: Any, path: tuple[Any, ...] = ()) -> tuple[str, str] | None:
    """First difference between two JSON values: (kind, "path: expected X, got Y") or None."""
    if isinstance(exp, dict):
        if not isinstance(got, dict):
            return "type", f"{_path(path)}: expected {short(exp)}, got {short(got)}"
        missing = [k for k in exp if k not in got]
        if missing:
            return "missing key", f"{_path(path)}: missing {missing}, got {short(got)}"
        extra = [k for k in got if k not in exp]
        if extra:
            return "extra key", f"{_path(path)}: unexpected {extra} in {short(got)}"
        for k in exp:
            d = diff(exp[k], got[k], (*path, k))
            if d:
                return d
        return None
    if isinstance(exp, list):
        if not isinstance(got, list):
            return "type", f"{_path(path)}: expected {short(exp)}, got {short(got)}"
        if len(exp) != len(got):
            return "length", f"{_path(path)}: expected {len(exp)} items {short(exp)}, got {len(got)} {short(got)}"
        for i, (a, b) in enumerate(zip(exp, got, strict=True)):
            d = diff(a, b, (*path, i))
            if d:
                return d
        return None
    if _scalar_equal(exp, got):
        return None
    kind = "null" if exp is None or got is None else "value"
    return kind, f"{_path(path)}: expected {short(exp)}, got {short(got)}"


def _scalar_equal(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b  # JSON numbers: 5 and 5.0 are the same value
    return type(a) is type(b) and a == b


def strip_spaces(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace(" ", "")


def error_chain(e: BaseException) -> list[BaseException]:
    out: list[BaseException] = []
    cur: BaseException | None = e
    while cur is not None and cur not in out:
        out.append(cur)
        cur = cur.__cause__ or cur.__context__
    return out


def code_of(e: BaseException) -> str | None:
    return getattr(e, "code", None) if isinstance(e, PrismaEdgeError) else None


def code_matches(e: BaseException, expected: str | None) -> bool:
    if not isinstance(e, PrismaEdgeError):
        return False
    if expected is None:
        return e.code is None
    if isinstance(e, ValidationError) and expected in VALIDATION_CODES:
        return True
    return e.code == expected


def describe_error(e: BaseException) -> str:
    code = code_of(e)
    return f"{code + ' ' if code else ''}{type(e).__name__}: {e}"[:400]


class Judge:
    """Applies one step's expectation to its outcome."""

    def __init__(self, renderer: Renderer, *, raw_json: bool = False, ignore_messages: bool = False) -> None:
        self.renderer = renderer
        self.raw_json = raw_json
        self.ignore_messages = ignore_messages

    def response(self, ok: Ok, expected_data: Any = None) -> dict[str, Any]:
        exp = expected_data.get(ok.call.response_key) if isinstance(expected_data, dict) else None
        data = {ok.call.response_key: self.renderer.result(ok.call, ok.value, exp)}
        return {"data": data if self.raw_json else detag(data)}

    def __call__(self, expect: Any, outcome: Outcome) -> Mismatch | None:
        if expect is None:
            return self.success(outcome)
        if "one_of" in expect:
            first = None
            for alt in expect["one_of"]:
                m = self(alt, outcome)
                if m is None:
                    return None
                first = first or m
            return Mismatch(f"{first.cause} (none of {len(expect['one_of'])} alternatives)", first.detail, first.is_error) if first else None
        if "batch" in expect:
            return self.batch(expect["batch"], outcome)
        if "error_code" in expect or "any_error" in expect:
            return self.error(expect, outcome)
        if isinstance(outcome, Err):
            return self.unexpected_error(outcome.error)
        if not isinstance(outcome, Ok):
            return Mismatch("batch result where one result was expected", short(expect))
        if "data" in expect:
            got = self.response(ok=outcome, expected_data=expect["data"])["data"]
            exp = expect["data"] if self.raw_json else detag(expect["data"])
            if expect.get("compare") == "strip_spaces":
                if strip_spaces(exp) != strip_spaces(got):
                    return Mismatch(f"wrong result in {outcome.call.action} (value)",
                                    f"expected {short(exp)}, got {short(got)}")
            else:
                d = diff(exp, got)
                if d:
                    return Mismatch(f"wrong result in {outcome.call.action} ({d[0]})", d[1])
        for check in expect.get("checks") or ():
            m = self.check(check, outcome)
            if m:
                return m
        return None

    def success(self, outcome: Outcome) -> Mismatch | None:
        if isinstance(outcome, Err):
            return self.unexpected_error(outcome.error)
        if isinstance(outcome, BatchOutcome):
            for item in outcome.items:
                if isinstance(item, Err):
                    return self.unexpected_error(item.error)
        return None

    @staticmethod
    def unexpected_error(e: BaseException) -> Mismatch:
        return Mismatch(error_cause(e), describe_error(e), is_error=True)

    def batch(self, expects: list[Any], outcome: Outcome) -> Mismatch | None:
        if isinstance(outcome, Err):
            return self.unexpected_error(outcome.error)
        if not isinstance(outcome, BatchOutcome):
            return Mismatch("single result where a batch was expected", short(expects))
        if len(outcome.items) != len(expects):
            return Mismatch("batch length differs", f"expected {len(expects)} results, got {len(outcome.items)}")
        for i, (e, o) in enumerate(zip(expects, outcome.items, strict=True)):
            m = self(e, o)
            if m:
                return Mismatch(m.cause, f"batch[{i}]: {m.detail}", m.is_error)
        return None

    def error(self, expect: dict[str, Any], outcome: Outcome) -> Mismatch | None:
        code = expect.get("error_code")
        want = "an error" if "any_error" in expect else f"error {code or 'without a Prisma code'}"
        if isinstance(outcome, BatchOutcome):
            errs = [i.error for i in outcome.items if isinstance(i, Err)]
            if not errs:
                return Mismatch(f"no error (expected {code or 'an error'})", f"expected {want}, the batch succeeded")
            outcome = Err(errs[0])
        if isinstance(outcome, Ok):
            got = self.response(outcome)["data"]
            return Mismatch(f"no error (expected {code or 'an error'})", f"expected {want}, got {short(got)}")
        e = outcome.error
        chain = error_chain(e)
        if not any(isinstance(x, PrismaEdgeError) for x in chain):
            return Mismatch(error_cause(e), f"expected {want}, got {describe_error(e)}", is_error=True)
        if "any_error" in expect:
            return None
        matching = [x for x in chain if code_matches(x, code)]
        if not matching:
            got_code = next((code_of(x) for x in chain if isinstance(x, PrismaEdgeError)), None)
            return Mismatch(f"wrong error code (expected {code}, got {got_code or type(e).__name__})",
                            f"expected {want} {short(expect.get('message_contains'))}, got {describe_error(e)}")
        text = expect.get("message_contains")
        if text and not self.ignore_messages and not any(text in str(x) or text in getattr(x, "message", "") for x in matching):
            return Mismatch(f"error message differs ({code})", f"expected message containing {short(text)}, got {describe_error(e)}")
        return None

    def check(self, check: dict[str, Any], outcome: Ok) -> Mismatch | None:
        node: Any = self.response(outcome)
        for p in check["path"]:
            try:
                node = node[p]
            except (KeyError, IndexError, TypeError):
                return Mismatch(f"wrong result in {outcome.call.action} (missing key)",
                                f"check path {check['path']} not found in {short(self.response(outcome))}")
        op, value = check["op"], check.get("value")
        ok = {
            "equals": lambda: diff(value, node) is None,
            "length": lambda: hasattr(node, "__len__") and len(node) == value,
            "one_of": lambda: any(diff(v, node) is None for v in value),
            "is_string": lambda: isinstance(node, str),
            "is_array": lambda: isinstance(node, list),
            "is_object": lambda: isinstance(node, dict),
            "is_number": lambda: isinstance(node, int | float) and not isinstance(node, bool),
            "is_bool": lambda: isinstance(node, bool),
            "is_null": lambda: node is None,
            "text_contains": lambda: str(value) in json.dumps(node, ensure_ascii=False, separators=(",", ":")),
            "text_not_contains": lambda: str(value) not in json.dumps(node, ensure_ascii=False, separators=(",", ":")),
        }.get(op)
        if ok is None:
            return Mismatch(f"unknown check op {op}", short(check))
        if not ok():
            return Mismatch(f"wrong result in {outcome.call.action} (check {op})",
                            f"{_path(check['path'])} {op} {short(value)}: got {short(node)}")
        return None


_NORMALIZE = [
    (re.compile(r"`[^`]*`"), "`_`"),
    (re.compile(r"'[^']*'"), "'_'"),
    (re.compile(r'"[^"]*"'), '"_"'),
    (re.compile(r"\b\d+\b"), "N"),
    (re.compile(r"\s+"), " "),
]


def normalize(text: str) -> str:
    for rx, sub in _NORMALIZE:
        text = rx.sub(sub, text)
    return text.strip()[:140]


def error_cause(e: BaseException) -> str:
    """A short, groupable cause for an exception (identifiers and numbers blanked out)."""
    problems = getattr(e, "problems", None)
    if isinstance(e, ValidationError) and problems:
        return f"ValidationError: {normalize(problems[0].message)}"
    if isinstance(e, AttributeError | TypeError) and not isinstance(e, PrismaEdgeError):
        return f"API: {str(e)[:140]}"  # names a missing method or keyword: keep it
    text = getattr(e, "message", None) or str(e)
    msg = text.splitlines()[0] if text.strip() else repr(e)
    code = code_of(e)
    return f"{type(e).__name__}{' ' + code if code else ''}: {normalize(msg)}"


__all__ = ["BatchOutcome", "Err", "Judge", "Mismatch", "Ok", "Outcome", "Renderer", "detag", "diff", "error_cause",
           "fmt_datetime", "fmt_decimal", "normalize", "render_raw"]
