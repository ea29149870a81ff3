"""The plan cache: compiled plans keyed by the query's shape (its IR), least recently used out.

A hit skips sqlglot entirely: the client only binds the call's values into the cached Plan.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from .chunks import Joined
from .plan import Plan


class PlanCache:
    """A small LRU of compiled plans; `renders` counts cache misses (each one renders SQL)."""

    def __init__(self, maxsize: int = 512) -> None:
        self.maxsize = maxsize
        self._plans: OrderedDict[Any, Plan] = OrderedDict()
        self.hits = 0
        self.renders = 0
        self.joined = Joined()  # create_many plans joined from chunk plans (chunks.py)

    def get(self, key: Any) -> Plan | None:
        plan = self._plans.get(key)
        if plan is not None:
            self._plans.move_to_end(key)
            self.hits += 1
        return plan

    def put(self, key: Any, plan: Plan) -> None:
        self.renders += 1
        self._plans[key] = plan
        if len(self._plans) > self.maxsize:
            self._plans.popitem(last=False)

    def preload(self, pairs: Iterable[tuple[Any, Plan]]) -> None:
        """Plans compiled ahead (`prisma-edge generate --queries`): cached, not counted as renders."""
        for key, plan in pairs:
            self._plans[key] = plan
        while len(self._plans) > self.maxsize:
            self._plans.popitem(last=False)

    def items(self) -> list[tuple[Any, Plan]]:
        """The cached (key, plan) pairs, least recently used first (to embed: generate/plans.py)."""
        return list(self._plans.items())

    def __len__(self) -> int:
        return len(self._plans)
