"""prisma-edge against real Prisma 7.10: the recorded answers in tests/prisma7 (README there).

Each scenario in tests/prisma7/scenarios was run through Prisma 7.10 + @prisma/adapter-pg by the
recorder (Node, only needed to re-record); here the same steps run through prisma-edge's public
API on each PostgreSQL adapter, on a database made with Prisma's own DDL, and every answer is
compared with Prisma's. The test passes while the number of identical answers stays at or above
tests/prisma7/baseline.json (a ratchet: raise it when prisma-edge gets closer). It prints the
figure and every step that differs (`pytest -s` or `-rP` shows it).
"""

from __future__ import annotations

import json
import os

import pytest

from tests.prisma7.runner import (
    BASELINE,
    PG_ADAPTERS,
    StaleRecording,
    figures,
    load,
    report,
    run_all,
    scenario_files,
)

pytestmark = [
    pytest.mark.no_pyodide("reads the scenario files and needs PostgreSQL (the local Neon endpoint over TCP)"),
]


def test_recordings_match_scenarios():
    """Every scenario has a recording made from exactly this scenario, schema and seed."""
    steps = {"api": 0, "nested": 0}
    for stem in scenario_files():
        try:
            scen, rec = load(stem)
        except StaleRecording as e:
            pytest.fail(f"{e}; re-record: cd tests/prisma7/recorder && npm ci && npx tsx record.ts {stem}", pytrace=False)
        for sc in scen["scenarios"]:
            recorded = [a["step"] for a in rec["scenarios"][sc["name"]]["answers"]]
            assert recorded == [s["name"] for s in sc["steps"]], f"{stem}/{sc['name']}"
            steps["nested" if stem == "nested" else "api"] += len(recorded)
    assert steps["api"] >= 600 and steps["nested"] >= 200, steps


@pytest.mark.postgres
@pytest.mark.parametrize("adapter", PG_ADAPTERS)
async def test_prisma7_parity(adapter):
    outcomes = await run_all(adapter)
    f = figures(outcomes)
    text = report(adapter, outcomes)
    print(text)
    if os.environ.get("PRISMA7_PARITY_REPORT"):
        with open(os.environ["PRISMA7_PARITY_REPORT"] + f".{adapter}.txt", "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    base = json.loads(BASELINE.read_text(encoding="utf-8"))[adapter]
    summary = f"{adapter}: {f.identical} identical of {f.total} (baseline {base['identical']} of {base['total']})"
    if f.total == base["total"]:
        assert f.identical >= base["identical"], f"parity dropped: {summary}"
        assert f.same_kind >= base["same_kind"], f"same-kind answers dropped: {summary}"
    else:  # scenarios were added or removed: compare ratios until the baseline is re-measured
        assert f.identical / f.total >= base["identical"] / base["total"], f"parity ratio dropped: {summary}"
    if f.identical > base["identical"]:
        print(f"parity improved ({summary}): raise the baseline with "
              "`.venv/bin/python -m tests.prisma7.runner --write-baseline`")
