"""Replay Prisma's connector-test-kit records through our public API and print pass rates.

    python -m conformance.runner [--adapter sqlite,neon_http,planetscale] [--area PREFIX]
                                 [--limit N] [--show-failures N] [--json out.json]

For each record and adapter: decide whether the record applies (connector tags, capabilities),
write a `datasource test { ... }` block for the adapter's provider in front of the record's schema
(the kit names its datasource `test`, hence `@test.VarChar`), parse it with
`prisma_edge.schema.parse_schema`, get a fresh database (SQLite: in memory; neon_http and
planetscale: ONE local endpoint each, reset before every record) and push the schema, then run
the steps in order through `prisma_edge.Client`. A record passes only if every step passes.

Statuses: `pass`; `fail` (first mismatch: expected vs got, a missing/wrong error); `error` (our
exception where a result was expected, an untranslatable request, a schema or push failure,
a timeout); `skipped` (the record does not apply to this connector, with the reason).
Run from the repository root: the network adapters come from `tests/support/clients.py`.

Connectors as the kit's tags name them: sqlite = `Sqlite`, neon_http = `Postgres`, planetscale =
`MySql` (version `mariadb` when the local endpoint runs MariaDB, as it does here, else `8`), and
`Vitess` only for records that name it in `only`. Driver-adapter tags (`Postgres(neon.js.wasm)`)
and executor filters do not apply to us. Capabilities are prisma-engines' lists per connector.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from prisma_edge.client import Client
from prisma_edge.errors import SchemaError
from prisma_edge.fetch_adapters.base import Adapter, Query
from prisma_edge.migrate.push import push_schema
from prisma_edge.schema import parse_schema

from . import BASELINE, CORPUS
from .compare import BatchOutcome, Err, Judge, Ok, Outcome, Renderer, error_cause
from .translate import BatchCall, Call, Untranslatable, translate

ADAPTERS = ("sqlite", "neon_http", "planetscale")
PROVIDER = {"sqlite": "sqlite", "neon_http": "postgresql", "planetscale": "mysql"}
CONNECTOR = {"sqlite": "Sqlite", "neon_http": "Postgres", "planetscale": "MySql"}
URL = {"sqlite": "file:conformance.db", "neon_http": "postgresql://localhost/conformance",
       "planetscale": "mysql://localhost/conformance"}

# Connector capabilities as prisma-engines (psl builtin connectors, 2025) declares them; a record
# needing one its connector lacks is skipped, as the kit skips it.
_MYSQL_CAPS = frozenset({
    "Enums", "EnumArrayPush", "Json", "AutoIncrementAllowedOnNonId", "RelationFieldsInArbitraryOrder", "CreateMany",
    "WritableAutoincField", "CreateSkipDuplicates", "UpdateableId", "JsonFiltering", "JsonFilteringJsonPath",
    "JsonFilteringAlphanumeric", "CreateManyWriteableAutoIncId", "AutoIncrement", "CompoundIds", "AnyId", "SqlQueryRaw",
    "NamedForeignKeys", "AdvancedJsonNullability", "IndexColumnLengthPrefixing", "FullTextIndex", "FullTextSearch",
    "FullTextSearchWithIndex", "NativeFullTextSearch", "NativeFullTextSearchWithIndex", "MultipleFullTextAttributesPerModel",
    "ImplicitManyToManyRelation", "DecimalType", "OrderByNullsFirstLast", "FilteredInlineChildNestedToOneDisconnect",
    "SupportsTxIsolationReadUncommitted", "SupportsTxIsolationReadCommitted", "SupportsTxIsolationRepeatableRead",
    "SupportsTxIsolationSerializable", "RowIn", "SupportsFiltersOnRelationsWithoutJoins", "CorrelatedSubqueries",
    "SupportsDefaultInInsert",
})
CAPABILITIES: dict[str, frozenset[str]] = {
    "Postgres": frozenset({
        "AdvancedJsonNullability", "AnyId", "AutoIncrement", "AutoIncrementAllowedOnNonId", "AutoIncrementMultipleAllowed",
        "AutoIncrementNonIndexedAllowed", "CompoundIds", "CreateMany", "CreateManyWriteableAutoIncId",
        "CreateSkipDuplicates", "Enums", "EnumArrayPush", "NativeFullTextSearch", "NativeFullTextSearchWithoutIndex",
        "InsensitiveFilters", "Json", "JsonFiltering", "JsonFilteringArrayPath", "JsonFilteringAlphanumeric",
        "JsonFilteringAlphanumericFieldRef", "JsonArrayContains", "MultiSchema", "NamedForeignKeys", "NamedPrimaryKeys",
        "RelationFieldsInArbitraryOrder", "ScalarLists", "JsonLists", "UpdateableId", "WritableAutoincField",
        "ImplicitManyToManyRelation", "DecimalType", "OrderByNullsFirstLast", "FilteredInlineChildNestedToOneDisconnect",
        "SupportsTxIsolationReadUncommitted", "SupportsTxIsolationReadCommitted", "SupportsTxIsolationRepeatableRead",
        "SupportsTxIsolationSerializable", "NativeUpsert", "InsertReturning", "UpdateReturning", "RowIn", "DistinctOn",
        "DeleteReturning", "SupportsFiltersOnRelationsWithoutJoins", "LateralJoin", "SupportsDefaultInInsert",
        "PartialIndex", "SqlQueryRaw",
    }),
    "MySql": _MYSQL_CAPS,
    "Vitess": _MYSQL_CAPS,
    "Sqlite": frozenset({
        "AnyId", "AutoIncrement", "CompoundIds", "SqlQueryRaw", "RelationFieldsInArbitraryOrder", "UpdateableId",
        "ImplicitManyToManyRelation", "DecimalType", "BackwardCompatibleQueryRaw", "OrderByNullsFirstLast",
        "SupportsTxIsolationSerializable", "NativeUpsert", "FilteredInlineChildNestedToOneDisconnect", "RowIn",
        "InsertReturning", "DeleteReturning", "UpdateReturning", "SupportsFiltersOnRelationsWithoutJoins", "CreateMany",
        "CreateManyWriteableAutoIncId", "Json", "JsonFiltering", "JsonFilteringJsonPath", "AdvancedJsonNullability",
    }),
}


@attrs.define
class RecordResult:
    id: str
    area: str
    adapter: str
    status: str  # pass | fail | error | skipped
    cause: str = ""
    detail: str = ""
    step: int | None = None
    seconds: float = 0.0


def area_of(record_id: str) -> str:
    """The corpus README's areas: up to two directories of the test file.

    `queries/filters/field_reference/bigint_filter.rs::...` -> `queries/filters`;
    `new/multi_schema.rs::...` -> `new`.
    """
    dirs = record_id.split("::", 1)[0].split("/")[:-1]
    return "/".join(dirs[:2]) or "(top)"


def load_records(path: Path = CORPUS) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _tag(t: str) -> tuple[str, str | None]:
    name, _, ver = t.partition("(")
    return name, ver.rstrip(")") or None


@attrs.define
class Target:
    """One adapter the records run on: its connector name/version as the kit's tags spell them."""

    name: str
    connector: str
    version: str | None = None  # e.g. "mariadb" for the local PlanetScale endpoint

    def matches(self, tag: str, connector: str | None = None) -> bool:
        name, ver = _tag(tag)
        return name == (connector or self.connector) and (ver is None or ver == self.version)


def applicability(record: dict[str, Any], target: Target) -> tuple[str | None, str]:
    """(skip reason or None, the connector whose steps apply: "Postgres", "MySql", "Vitess", "Sqlite")."""
    only, exclude = record.get("only") or [], record.get("exclude") or []
    conn = target.connector
    label = f"{conn}({target.version})" if target.version else conn
    if only and not any(target.matches(t) for t in only):
        if target.connector == "MySql" and any(_tag(t) == ("Vitess", None) for t in only):
            conn = "Vitess"  # the kit runs Vitess only where a test names it
        else:
            return f"not for {label}: only {', '.join(only)}", conn
    if conn != "Vitess" and any(target.matches(t) for t in exclude):
        return f"excluded for {label}", conn
    missing = [c for c in record.get("capabilities") or [] if c not in CAPABILITIES[conn]]
    if missing:
        return f"{conn} lacks capability {', '.join(missing)}", conn
    untranslated = record.get("not_translated_for") or {}
    if conn in untranslated:
        return f"not translated for {conn}: {untranslated[conn]}", conn
    variants = record.get("variants")
    if variants is not None and conn not in variants and conn not in (record.get("evaluated_for") or []) \
            and not (conn == "Vitess" and "MySql" in variants):
        return f"no steps evaluated for {conn}", conn
    return None, conn


def steps_for(record: dict[str, Any], conn: str) -> list[dict[str, Any]]:
    variants = record.get("variants") or {}
    if conn in variants:
        return variants[conn]
    if conn == "Vitess" and "MySql" in variants:
        return variants["MySql"]
    return record["steps"]


def schema_text(record: dict[str, Any], adapter: str) -> str:
    lines = [f'  provider = "{PROVIDER[adapter]}"', f'  url      = "{URL[adapter]}"']
    if record.get("relation_mode"):
        lines.append(f'  relationMode = "{record["relation_mode"]}"')
    if record.get("db_schemas"):
        lines.append(f"  schemas  = [{', '.join(json.dumps(s) for s in record['db_schemas'])}]")
    return "datasource test {\n" + "\n".join(lines) + "\n}\n\n" + record["schema"] + "\n"


# ---- running calls -------------------------------------------------------------------------------


def _operation(target: Any, call: Call) -> Any:
    """The (unawaited) call on a client or transaction client: `db.<Model>.<method>(**kwargs)`."""
    if call.kind == "model":
        return getattr(getattr(target, call.model), call.method)(**call.kwargs)
    return getattr(target, call.kind)(*call.args)


def _project(call: Call, result: Any) -> Any:
    """Drop the `by` fields a groupBy request did not select (our group_by returns them all)."""
    if not call.unselected or not isinstance(result, list):
        return result
    return [{k: v for k, v in g.items() if k not in call.unselected} for g in result]


async def execute(client: Client, call: Call | BatchCall) -> Outcome:
    if isinstance(call, Call):
        try:
            return Ok(call, _project(call, await _operation(client, call)))
        except Exception as e:  # noqa: BLE001 - every failure is an outcome to judge
            return Err(e)
    if not call.transaction:  # independent requests, each with its own result
        items: list[Ok | Err] = []
        for c in call.items:
            items.append(Err(c) if isinstance(c, Untranslatable) else await execute(client, c))  # type: ignore[arg-type]
        return BatchOutcome(tuple(items))
    bad = next((c for c in call.items if isinstance(c, Untranslatable)), None)
    if bad is not None:
        return Err(bad)
    calls = [c for c in call.items if isinstance(c, Call)]
    try:
        if all(c.kind == "model" for c in calls) and hasattr(client, "batch"):
            results = await client.batch([_operation(client, c) for c in calls], isolation=call.isolation)
        elif hasattr(client, "tx"):
            results = []
            async with client.tx(isolation=call.isolation) as tx:
                for c in calls:
                    results.append(await _operation(tx, c))
        else:
            raise AttributeError("'Client' object has no attribute 'batch' (transactional batch)")
    except Exception as e:  # noqa: BLE001
        return Err(e)
    return BatchOutcome(tuple(Ok(c, _project(c, r)) for c, r in zip(calls, results, strict=False)))


# ---- databases -------------------------------------------------------------------------------------


async def reset(adapter: Adapter, record: dict[str, Any] | None = None) -> None:
    """Empty the shared database: views first (MySQL's DROP TABLE refuses them), then tables."""
    from tests.support.clients import reset_database

    if adapter.dialect == "mysql":
        rs = await adapter.query(Query("SELECT table_name FROM information_schema.views WHERE table_schema = DATABASE()"))
        for (name,) in rs.rows:  # test-only DDL: names come from the server's own catalog
            await adapter.query(Query(f"DROP VIEW IF EXISTS `{name}`"))
    if adapter.dialect == "postgres" and record and record.get("db_schemas"):
        for s in record["db_schemas"]:
            await adapter.query(Query(f'DROP SCHEMA IF EXISTS "{s}" CASCADE'))
    await reset_database(adapter)


class Env:
    """The adapters of one run: SQLite fresh per record, one shared adapter per network endpoint."""

    def __init__(self, factory: Callable[[str], Adapter] | None = None) -> None:
        if factory is None:
            from tests.support.clients import make_adapter

            factory = make_adapter
        self.factory = factory
        self.shared: dict[str, Adapter] = {}
        self.targets: dict[str, Target] = {}

    async def target(self, name: str) -> Target:
        if name not in self.targets:
            version = None
            if name == "planetscale":
                rs = await self.adapter(name).query(Query("SELECT VERSION()"))
                version = "mariadb" if "mariadb" in str(rs.rows[0][0]).lower() else "8"
            self.targets[name] = Target(name, CONNECTOR[name], version)
        return self.targets[name]

    def adapter(self, name: str) -> Adapter:
        if name == "sqlite":
            return self.factory(name)
        if name not in self.shared:
            self.shared[name] = self.factory(name)
        return self.shared[name]

    async def drop(self, name: str) -> None:
        """Forget a shared adapter (after a timeout left it mid-request)."""
        a = self.shared.pop(name, None)
        if a is not None:
            try:
                await a.close()
            except Exception:  # noqa: BLE001 - best effort
                pass

    async def close(self) -> None:
        for name in list(self.shared):
            await self.drop(name)


# ---- one record ------------------------------------------------------------------------------------


async def run_record(record: dict[str, Any], adapter_name: str, env: Env, conn: str, *,
                     ignore_messages: bool = False) -> RecordResult:
    res = RecordResult(record["id"], area_of(record["id"]), adapter_name, "pass")
    try:
        schema = parse_schema(schema_text(record, adapter_name))
    except SchemaError as e:
        return attrs.evolve(res, status="error", cause=f"schema: {re.sub(r'[0-9]+', 'N', e.message.splitlines()[0])[:140]}", detail=str(e)[:400])
    adapter = env.adapter(adapter_name)
    client = Client(schema, adapter=adapter)
    try:
        if adapter_name != "sqlite":
            await reset(adapter, record)
        try:
            await push_schema(adapter, schema)
        except Exception as e:  # noqa: BLE001
            return attrs.evolve(res, status="error", cause=f"db push: {error_cause(e)}", detail=str(e)[:400])
        renderer = Renderer(schema)
        for i, step in enumerate(steps_for(record, conn)):
            if "sql" in step:
                try:
                    await client.execute_raw(step["sql"])
                except Exception as e:  # noqa: BLE001
                    return attrs.evolve(res, status="error", step=i, cause=f"setup SQL: {error_cause(e)}", detail=str(e)[:400])
                continue
            try:
                call = translate(schema, step["request"])
            except Untranslatable as e:
                if step.get("unchecked"):
                    continue
                return attrs.evolve(res, status="error", step=i, cause=f"untranslatable: {e}", detail=json.dumps(step["request"])[:400])
            outcome = await execute(client, call)
            if step.get("unchecked"):
                continue
            judge = Judge(renderer, raw_json=bool(step.get("raw_json_protocol")), ignore_messages=ignore_messages)
            m = judge(step.get("expect"), outcome)
            if m is not None:
                return attrs.evolve(res, status="error" if m.is_error else "fail", step=i, cause=m.cause,
                                    detail=f"{_request_label(step['request'])}: {m.detail}")
        return res
    finally:
        if adapter_name == "sqlite":
            await client.close()


def _request_label(req: dict[str, Any]) -> str:
    if "batch" in req:
        return f"batch of {len(req['batch'])}"
    return f"{req.get('modelName', '')}.{req.get('action')}".lstrip(".")


# ---- a run ---------------------------------------------------------------------------------------


def select_records(records: Iterable[dict[str, Any]], area: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    out = [r for r in records if not area or r["id"].startswith(area)]
    return out[:limit] if limit else out


async def run_adapter(records: Sequence[dict[str, Any]], adapter_name: str, env: Env, *, timeout: float = 30.0,
                      ignore_messages: bool = False, progress: Callable[[RecordResult], None] | None = None) -> list[RecordResult]:
    target = await env.target(adapter_name)
    results: list[RecordResult] = []
    for record in records:
        reason, conn = applicability(record, target)
        if reason:
            r = RecordResult(record["id"], area_of(record["id"]), adapter_name, "skipped", cause=reason)
        else:
            t0 = time.perf_counter()
            try:
                r = await asyncio.wait_for(run_record(record, adapter_name, env, conn, ignore_messages=ignore_messages), timeout)
            except TimeoutError:
                r = RecordResult(record["id"], area_of(record["id"]), adapter_name, "error", cause=f"timeout ({timeout:g} s)")
                await env.drop(adapter_name)
            except Exception as e:  # noqa: BLE001 - the runner's own set-up failed for this record
                r = RecordResult(record["id"], area_of(record["id"]), adapter_name, "error",
                                 cause=f"runner: {error_cause(e)}", detail=repr(e)[:400])
            r.seconds = time.perf_counter() - t0
        results.append(r)
        if progress:
            progress(r)
    return results


async def run(records: Sequence[dict[str, Any]], adapters: Sequence[str], *, timeout: float = 30.0,
              ignore_messages: bool = False, env: Env | None = None,
              unavailable: Callable[[str, BaseException], None] | None = None) -> tuple[dict[str, list[RecordResult]], dict[str, float]]:
    """Every record on every adapter, the adapters concurrently (one event loop, one endpoint each).

    Returns results and wall seconds per adapter. An adapter whose server is missing
    (tests/support raises pytest's Skipped) is left out and reported to `unavailable`.
    """
    env = env or Env()
    results: dict[str, list[RecordResult]] = {}
    seconds: dict[str, float] = {}

    async def one(a: str) -> None:
        t0 = time.perf_counter()
        try:
            results[a] = await run_adapter(records, a, env, timeout=timeout, ignore_messages=ignore_messages)
        except BaseException as e:  # pytest.skip from tests/support when a server is missing
            if type(e).__name__ not in ("Skipped", "Failed") or unavailable is None:
                raise
            unavailable(a, e)
            return
        seconds[a] = time.perf_counter() - t0

    try:
        await asyncio.gather(*(one(a) for a in adapters))
    finally:
        await env.close()
    return {a: results[a] for a in adapters if a in results}, seconds


# ---- reporting -------------------------------------------------------------------------------------


def summarize(results: dict[str, list[RecordResult]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for adapter, rs in results.items():
        c = Counter(r.status for r in rs)
        out[adapter] = {"pass": c["pass"], "fail": c["fail"], "error": c["error"], "skipped": c["skipped"],
                        "applicable": c["pass"] + c["fail"] + c["error"]}
    return out


def _rate(p: int, n: int) -> str:
    return f"{p}/{n} {100 * p / n:3.0f}%" if n else "-"


def format_report(results: dict[str, list[RecordResult]], *, top: int = 15, seconds: dict[str, float] | None = None) -> str:
    adapters = list(results)
    by_area: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for a, rs in results.items():
        for r in rs:
            by_area[r.area][a][r.status] += 1
    width = max([len(x) for x in by_area] + [10]) + 2
    col = 16
    lines = ["pass / applicable (skipped) per area and adapter", "",
             "area".ljust(width) + "".join(a.rjust(col + 6) for a in adapters)]
    for area in sorted(by_area):
        row = area.ljust(width)
        for a in adapters:
            c = by_area[area][a]
            n = c["pass"] + c["fail"] + c["error"]
            row += _rate(c["pass"], n).rjust(col) + f"({c['skipped']})".rjust(6)
        lines.append(row)
    summ = summarize(results)
    row = "TOTAL".ljust(width)
    for a in adapters:
        s = summ[a]
        row += _rate(s["pass"], s["applicable"]).rjust(col) + f"({s['skipped']})".rjust(6)
    lines += ["-" * len(row), row, ""]
    for a in adapters:
        s = summ[a]
        t = f", {seconds[a]:.1f} s" if seconds and a in seconds else ""
        lines.append(f"{a}: {s['pass']} pass, {s['fail']} fail, {s['error']} error, {s['skipped']} skipped{t}")
    causes: dict[str, Counter[str]] = defaultdict(Counter)
    example: dict[str, str] = {}
    for a, rs in results.items():
        for r in rs:
            if r.status in ("fail", "error"):
                causes[r.cause][a] += 1
                example.setdefault(r.cause, r.id)
    skips: dict[str, Counter[str]] = defaultdict(Counter)
    for a, rs in results.items():
        for r in rs:
            if r.status == "skipped":
                skips[r.cause][a] += 1
    lines += ["", "skipped, by reason:"]
    for cause, c in sorted(skips.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:12]:
        lines.append(f"  {sum(c.values()):4d}  {cause}  [{', '.join(f'{a} {c[a]}' for a in adapters if c[a])}]")
    ranked = sorted(causes.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    lines += ["", f"top {min(top, len(ranked))} failure causes (records per adapter; one example):"]
    for cause, c in ranked[:top]:
        per = ", ".join(f"{a} {c[a]}" for a in adapters if c[a])
        lines.append(f"  {sum(c.values()):4d}  {cause}  [{per}]\n        e.g. {example[cause]}")
    return "\n".join(lines)


def to_json(results: dict[str, list[RecordResult]], seconds: dict[str, float] | None = None) -> dict[str, Any]:
    return {"summary": summarize(results), "seconds": seconds or {},
            "records": {a: [attrs.asdict(r) for r in rs] for a, rs in results.items()}}


def write_baseline(summary: dict[str, Any], n_records: int, path: Path = BASELINE) -> None:
    """Keep the pass count per adapter that `tests/test_conformance.py` must not fall below."""
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data["corpus_records"] = n_records
    for key in ("pass", "applicable"):
        data.setdefault(key, {})
        for a, s in summary.items():
            data[key][a] = s[key]
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m conformance.runner", description=__doc__.split("\n\n")[0])
    ap.add_argument("--adapter", default=",".join(ADAPTERS), help="comma-separated: sqlite,neon_http,planetscale")
    ap.add_argument("--area", help="only records whose id starts with this prefix (e.g. queries/filters)")
    ap.add_argument("--limit", type=int, help="only the first N selected records")
    ap.add_argument("--show-failures", type=int, default=0, metavar="N", help="print the first N failures in full")
    ap.add_argument("--json", metavar="OUT", help="write every record's result to this JSON file")
    ap.add_argument("--corpus", default=str(CORPUS), help="path to prisma-kit.jsonl")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per record (default 30)")
    ap.add_argument("--top", type=int, default=15, help="how many failure causes to list")
    ap.add_argument("--write-baseline", action="store_true",
                    help="record this run's pass counts in conformance/baseline.json (adapters not run keep theirs)")
    ap.add_argument("--ignore-messages", action="store_true",
                    help="judge error codes only, not message_contains (diagnostic; the baseline is strict)")
    args = ap.parse_args(argv)
    adapters = [a.strip() for a in args.adapter.split(",") if a.strip()]
    bad = [a for a in adapters if a not in ADAPTERS]
    if bad:
        ap.error(f"unknown adapter(s) {bad}; choose from {', '.join(ADAPTERS)}")
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    records = select_records(load_records(corpus), args.area, args.limit)
    t0 = time.perf_counter()
    results, seconds = asyncio.run(run(records, adapters, timeout=args.timeout, ignore_messages=args.ignore_messages,
                                       unavailable=lambda a, e: print(f"{a}: not available: {e}", file=sys.stderr)))
    print(format_report(results, top=args.top, seconds=seconds))
    print(f"\n{len(records)} records, {time.perf_counter() - t0:.1f} s in all")
    if args.show_failures:
        shown = [r for rs in results.values() for r in rs if r.status in ("fail", "error")][: args.show_failures]
        print(f"\nfirst {len(shown)} failures:")
        for r in shown:
            print(f"- [{r.adapter}] {r.id} ({r.status}, step {r.step}): {r.cause}\n    {r.detail}")
    if args.write_baseline:
        if args.area or args.limit or args.ignore_messages:
            ap.error("--write-baseline needs a full, strict run (no --area, --limit or --ignore-messages)")
        write_baseline(summarize(results), len(records))
    if args.json:
        Path(args.json).write_text(json.dumps(to_json(results, seconds), indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
