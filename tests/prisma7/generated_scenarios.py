"""Write scenarios/nested_generated.json: nested writes drawn by tests/support/nested_gen.py.

Each generated write is one scenario (fresh database, the differential test's seed), followed by a
read of every table, so the recording holds Prisma 7's answer AND the state it left. Derandomized:
the same file every time. Re-record with `cd tests/prisma7/recorder && npx tsx record.ts nested_generated`.

    .venv/bin/python -m tests.prisma7.generated_scenarios [count]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings

from prisma_edge.schema import load_schema
from tests.support.clients import schema_path
from tests.support.nested_gen import LINKS, SEED, nested_write

HERE = Path(__file__).resolve().parent
SCHEMA = load_schema(schema_path("steps"))


def literal(v: Any) -> str:
    """A SQL literal for the seed's own test values (ints, short strings, NULL)."""
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    return "'" + str(v).replace("'", "''") + "'"


def seed_sql() -> list[str]:
    out = []
    for model, data in SEED:
        cols = ", ".join(f'"{k}"' for k in data)
        out.append(f'INSERT INTO "{model}" ({cols}) VALUES ({", ".join(literal(v) for v in data.values())})')
    out += [f'INSERT INTO "{t}" ("A", "B") VALUES ({literal(a)}, {literal(b)})' for t, a, b in LINKS]
    return out


def include_for(model: str, data: dict[str, Any]) -> dict[str, Any] | None:
    m = SCHEMA.model(model)
    assert m is not None
    out: dict[str, Any] = {}
    for k in data:
        f = m.field(k)
        if f is not None and f.kind == "object":
            target = SCHEMA.model(f.type)
            assert target is not None
            out[k] = {"orderBy": [{n: "asc"} for n in target.primary_key]} if f.is_list else True
    return out or None


def main(count: int) -> None:
    cases: list[tuple[str, str, Any, Any]] = []

    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(nested_write())
    def collect(case: Any) -> None:
        cases.append(case)

    collect()
    scenarios = []
    for i, (model, kind, where, data) in enumerate(cases):
        args: dict[str, Any] = {"data": data} if kind == "create" else {"where": where, "data": data}
        if (inc := include_for(model, data)) is not None:
            args["include"] = inc
        steps = [{"name": "write", "model": model, "action": kind, "args": args}]
        steps += [
            {
                "name": f"rows_{m.name}",
                "model": m.name,
                "action": "findMany",
                "args": {"orderBy": [{n: "asc"} for n in m.primary_key]},
            }
            for m in SCHEMA.models
        ]
        scenarios.append({"name": f"gen_{i:03d}", "seed": "steps", "steps": steps})
    doc = {"schema": "steps", "fixtures": {"steps": seed_sql()}, "scenarios": scenarios}
    (HERE / "scenarios" / "nested_generated.json").write_text(
        json.dumps(doc, indent=1) + "\n", encoding="utf-8"
    )
    print(f"{len(scenarios)} scenarios")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 120)
