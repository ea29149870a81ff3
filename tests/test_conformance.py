"""Prisma's connector-test-kit replayed through our public API (conformance/, issue 4 item 8).

Runs every record of `../shared/conformance/prisma-kit.jsonl` on each adapter and prints the
pass rate per area (`pytest -s` shows it). The rate is expected to be below 100% until the library
implements everything Prisma does: the test fails ONLY when an adapter passes fewer records than
`conformance/baseline.json` records. After a library change raises the count, raise the baseline
(`python -m conformance.runner --write-baseline`), so the gain is kept.

The corpus lives beside the repository (`../shared` is not part of it): without it the tests skip.
neon_http and planetscale need the local PostgreSQL / MariaDB (skipped with the reason when they
are missing, failed in CI, as everywhere in the suite).
"""

from __future__ import annotations

import json

import pytest
from conformance import BASELINE, CORPUS

pytestmark = pytest.mark.no_pyodide("reads ../shared outside the repository and starts local endpoints over TCP")

ADAPTERS = ["sqlite", "neon_http", "planetscale"]


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_conformance_pass_count_does_not_drop(adapter):
    if not CORPUS.exists():
        pytest.skip(f"conformance corpus not found at {CORPUS} (../shared is not part of the repository)")
    from conformance.runner import Env, format_report, load_records, run_adapter, summarize

    records = load_records(CORPUS)
    env = Env()
    try:
        results = await run_adapter(records, adapter, env)  # a missing server skips here (tests/support)
    finally:
        await env.close()
    print()
    print(format_report({adapter: results}, top=15))
    summary = summarize({adapter: results})[adapter]
    assert summary["pass"] + summary["fail"] + summary["error"] + summary["skipped"] == len(records)
    floor = json.loads(BASELINE.read_text(encoding="utf-8"))["pass"][adapter]
    assert summary["pass"] >= floor, (
        f"{adapter}: {summary['pass']} conformance records pass, fewer than the baseline {floor}; "
        f"see the failure causes above (pytest -s) or run `python -m conformance.runner --adapter {adapter} --show-failures 20`"
    )
