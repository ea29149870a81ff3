"""Replays tests/prisma7/scenarios through prisma-edge and compares with Prisma 7's recordings.

    .venv/bin/python -m tests.prisma7.runner [--adapter neon_http] [--file STEM] [--json out.json] [-v]

prints every step that differs and the figure per adapter; tests/test_prisma7_parity.py runs the
same with the baseline check. Each scenario file gets a fresh database made with Prisma's own DDL
(tests/prisma7/ddl/<schema>.sql, recorded by the recorder), each scenario starts from empty tables
(TRUNCATE ... RESTART IDENTITY, the same state as the recorder's fresh database) plus its seed SQL.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import hashlib
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

import attrs

from prisma_edge import Client, load_schema

from .compare import (
    ORDERED_ACTIONS_LIST,
    canonical_order,
    edge_error_kind,
    edge_message,
    first_difference,
    prisma_error_kind,
    show,
)
from .convert import Converter, Untranslatable, decode_values, run_call

HERE = Path(__file__).resolve().parent
SCENARIOS = HERE / "scenarios"
RECORDINGS = HERE / "recordings"
DDL = HERE / "ddl"
SCHEMA_DIRS = (HERE / "schemas", HERE.parent / "schemas")
BASELINE = HERE / "baseline.json"
PG_ADAPTERS = ("neon_http", "neon_ws")
STEP_TIMEOUT = 30.0  # seconds; a step that hangs is an answer (crash:TimeoutError), not the end of the run
# actions that change the database: after one of them differs, later steps may be noise
READ_ACTIONS = {"findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "count",
                "aggregate", "groupBy", "$queryRaw"}


class StaleRecording(Exception):
    """A scenario changed after it was recorded (or was never recorded): re-record."""


@attrs.frozen
class Outcome:
    file: str
    scenario: str
    step: str
    status: str  # identical | message | differs | n/a
    detail: str = ""
    prisma: str = ""
    edge: str = ""
    after_divergence: bool = False

    @property
    def name(self) -> str:
        return f"{self.file}/{self.scenario}/{self.step}"


# ---- files ----------------------------------------------------------------------------------


def js_canonical(v: Any) -> str:
    """The recorder's canonical JSON (JavaScript's number spelling for integral floats)."""
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e21 else json.dumps(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, list):
        return "[" + ",".join(js_canonical(x) for x in v) + "]"
    return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + js_canonical(v[k]) for k in sorted(v)) + "}"


def schema_path(name: str) -> Path:
    for d in SCHEMA_DIRS:
        p = d / f"{name}.prisma"
        if p.exists():
            return p
    raise FileNotFoundError(f"schema {name}")


def scenario_files() -> list[str]:
    return sorted(p.stem for p in SCENARIOS.glob("*.json"))


def load(stem: str) -> tuple[dict[str, Any], dict[str, Any]]:
    scen = json.loads((SCENARIOS / f"{stem}.json").read_text(encoding="utf-8"))
    rec_path = RECORDINGS / f"{stem}.json"
    if not rec_path.exists():
        raise StaleRecording(f"{stem}: no recording (tests/prisma7/recordings/{stem}.json)")
    rec = json.loads(rec_path.read_text(encoding="utf-8"))
    schema_text = schema_path(scen["schema"]).read_text(encoding="utf-8")
    for sc in scen["scenarios"]:
        r = rec["scenarios"].get(sc["name"])
        seed = scen["fixtures"][sc["seed"]] if isinstance(sc.get("seed"), str) else None
        h = hashlib.sha256(js_canonical({"schema": schema_text, "fixtures": seed, "volatile": scen.get("volatile", {}),
                                         "scenario": sc}).encode()).hexdigest()
        if r is None or r["sha256"] != h:
            raise StaleRecording(f"{stem}/{sc['name']}: the scenario changed since it was recorded")
    return scen, rec


def ddl_statements(text: str) -> list[str]:
    out = []
    for chunk in re.split(r";\s*\n", text):
        s = "\n".join(ln for ln in chunk.splitlines() if not ln.strip().startswith("--")).strip()
        if s:
            out.append(s)
    return out


# ---- running --------------------------------------------------------------------------------


def step_applies(step: dict[str, Any], adapter: str) -> str | None:
    """None if the step applies to the adapter, else why not."""
    if step["action"] == "$interactive" and adapter == "neon_http":
        return "interactive transactions need a session (Neon over HTTP has none)"
    return None


async def answer(db: Client, conv: Converter, step: dict[str, Any]) -> tuple[str, Any]:
    """("result", value) or ("error", exception) from prisma-edge."""
    try:
        call = conv.step(step)
    except Untranslatable as e:
        return "untranslatable", str(e)
    try:
        return "result", await asyncio.wait_for(run_call(db, call), STEP_TIMEOUT)
    except Exception as e:  # noqa: BLE001 - any failure of prisma-edge is an answer to compare
        return "error", e


def compare_step(step: dict[str, Any], recorded: dict[str, Any], kind: str, got: Any,
                 since: dt.datetime) -> tuple[str, str, str, str]:
    """(status, detail, prisma's answer, prisma-edge's answer), shortly."""
    if kind == "untranslatable":
        p = show(decode_values(recorded["result"])) if "result" in recorded else _show_err(recorded["error"])
        return "differs", f"no spelling in prisma-edge's API: {got}", p, "-"
    if "error" in recorded:
        err = recorded["error"]
        p = _show_err(err)
        if kind != "error":
            return "differs", "Prisma fails, prisma-edge answers", p, show(got)
        pk, ek = prisma_error_kind(err), edge_error_kind(got)
        e = f"{ek}: {edge_message(got)}"
        if pk != ek:
            return "differs", f"error kind {pk} vs {ek}", p, e
        if edge_message(got).startswith(err.get("reason") or "\0") and err.get("reason"):
            return "identical", "", p, e
        return "message", "same error kind, other message", p, e
    expected = decode_values(recorded["result"])
    if kind == "error":
        return "differs", "Prisma answers, prisma-edge fails", show(expected), f"{edge_error_kind(got)}: {edge_message(got)}"
    top = step["action"] in ORDERED_ACTIONS_LIST
    args = step.get("args") or {}
    if step["action"] == "$transaction":
        exp2 = [canonical_order(e, s.get("args"), top_list=s["action"] in ORDERED_ACTIONS_LIST) for e, s in
                zip(expected, step["batch"], strict=False)] if isinstance(expected, list) else expected
        got2 = [canonical_order(g, s.get("args"), top_list=s["action"] in ORDERED_ACTIONS_LIST) for g, s in
                zip(got, step["batch"], strict=False)] if isinstance(got, list) and len(got) == len(step["batch"]) else got
        expected, got = exp2, got2
    else:
        expected = canonical_order(expected, args, top_list=top)
        got = canonical_order(got, args, top_list=top)
    d = first_difference(expected, got, since=since)
    if d is None:
        return "identical", "", "", ""
    return "differs", d, show(expected), show(got)


def _show_err(err: dict[str, Any]) -> str:
    return f"{prisma_error_kind(err)}: {err.get('reason') or err.get('message')}"


async def run_file(stem: str, adapter: str) -> list[Outcome]:
    from tests.support.clients import make_adapter, reset_database

    scen, rec = load(stem)
    schema = load_schema(schema_path(scen["schema"]))
    conv = Converter.for_schema(schema)
    a = make_adapter(adapter)
    db = Client(schema, adapter=a)
    outcomes: list[Outcome] = []
    try:
        await reset_database(a)
        ddl_text = (DDL / f"{scen['schema']}.sql").read_text(encoding="utf-8")
        statements = ddl_statements(ddl_text)
        for s in statements:
            await db.execute_raw(s)
        tables = re.findall(r'CREATE TABLE "([^"]+)"', ddl_text)
        truncate = "TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE" if tables else None
        for sc in scen["scenarios"]:
            if truncate:
                await db.execute_raw(truncate)
            seed = scen["fixtures"][sc["seed"]] if isinstance(sc.get("seed"), str) else sc.get("seed", [])
            for s in seed:
                await db.execute_raw(s)
            since = dt.datetime.now(dt.UTC)
            answers = {a_["step"]: a_ for a_ in rec["scenarios"][sc["name"]]["answers"]}
            diverged = False
            skipped = None
            for step in sc["steps"]:
                why = step_applies(step, adapter) or skipped
                if why:  # a step that does not apply; the rest of the scenario depends on it
                    outcomes.append(Outcome(stem, sc["name"], step["name"], "n/a", why))
                    skipped = skipped or f"follows {step['name']}, which does not apply here"
                    continue
                kind, got = await answer(db, conv, step)
                status, detail, p, e = compare_step(step, answers[step["name"]], kind, got, since)
                outcomes.append(Outcome(stem, sc["name"], step["name"], status, detail, p, e, diverged))
                both_failed = kind == "error" and "error" in answers[step["name"]]
                if status != "identical" and step["action"] not in READ_ACTIONS and not both_failed:
                    diverged = True  # the databases may differ from here on
    finally:
        await db.close()
    return outcomes


async def run_all(adapter: str, stems: list[str] | None = None) -> list[Outcome]:
    out: list[Outcome] = []
    for stem in stems or scenario_files():
        out.extend(await run_file(stem, adapter))
    return out


@attrs.frozen
class Figures:
    identical: int
    same_kind: int  # identical + same error kind with another message
    total: int
    not_applicable: int

    def as_dict(self) -> dict[str, int]:
        return attrs.asdict(self)


def figures(outcomes: list[Outcome]) -> Figures:
    applicable = [o for o in outcomes if o.status != "n/a"]
    ident = sum(o.status == "identical" for o in applicable)
    msg = sum(o.status == "message" for o in applicable)
    return Figures(ident, ident + msg, len(applicable), len(outcomes) - len(applicable))


def report(adapter: str, outcomes: list[Outcome], *, limit: int | None = None) -> str:
    f = figures(outcomes)
    lines = [f"prisma7 parity on {adapter}: {f.identical} identical of {f.total} steps "
             f"({f.same_kind} with the same result or error kind; {f.not_applicable} not applicable)"]
    bad = [o for o in outcomes if o.status in ("differs", "message")]
    for o in bad[:limit]:
        mark = " [after an earlier difference]" if o.after_divergence else ""
        lines.append(f"  {o.status.upper():8} {o.name}{mark}: {o.detail}")
        if o.prisma or o.edge:
            lines.append(f"           Prisma:      {o.prisma}")
            lines.append(f"           prisma-edge: {o.edge}")
    if limit is not None and len(bad) > limit:
        lines.append(f"  ... and {len(bad) - limit} more")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--adapter", action="append", choices=PG_ADAPTERS)
    ap.add_argument("--file", action="append", help="scenario file stem (default: all)")
    ap.add_argument("--json", help="write every outcome to this file")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--write-baseline", action="store_true", help=f"store the measured figures in {BASELINE.name}")
    ns = ap.parse_args(argv)
    measured: dict[str, dict[str, int]] = {}
    all_out: dict[str, list[dict[str, Any]]] = {}
    for adapter in ns.adapter or PG_ADAPTERS:
        t0 = time.perf_counter()
        outcomes = asyncio.run(run_all(adapter, ns.file))
        print(report(adapter, outcomes, limit=ns.limit))
        print(f"  ({time.perf_counter() - t0:.1f} s)")
        all_out[adapter] = [attrs.asdict(o) | {"name": o.name} for o in outcomes]
        measured[adapter] = figures(outcomes).as_dict()
    if ns.write_baseline:
        if ns.file:
            ap.error("--write-baseline needs the whole run (no --file)")
        base = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
        base.update(measured)
        BASELINE.write_text(json.dumps(base, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {BASELINE}")
    if ns.json:
        Path(ns.json).write_text(json.dumps(all_out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
