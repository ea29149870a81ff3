"""Prisma's connector-test-kit, replayed through prisma-edge's public API.

The corpus (`../shared/conformance/prisma-kit.jsonl`, format in its README) holds Prisma's own
query-engine tests as data: a schema, requests in Prisma's JSON protocol and the engine's answers.

- `translate`: one JSON-protocol request -> one call of our public API (`db.user.find_many(...)`,
  `db.query_raw(...)`), typed scalars decoded to Python values by the schema's field types.
- `compare`: our result -> the engine's JSON shape, and the corpus' comparison rules.
- `runner`: `python -m conformance.runner` replays every applicable record on sqlite, neon_http
  and planetscale and prints pass rates per area and adapter, and the top failure causes.

Failures are fixed in the library, never by special-casing a record here: the runner translates
faithfully and judges strictly.
"""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS = REPO_ROOT.parent / "shared" / "conformance" / "prisma-kit.jsonl"
BASELINE = Path(__file__).resolve().parent / "baseline.json"

__all__ = ["BASELINE", "CORPUS", "REPO_ROOT"]
