"""Cloudflare's start-up rule for Python Workers, reproduced for the offline workerd runs (boot.mjs).

Cloudflare imports a Python Worker's modules once, when it is deployed, and snapshots the memory,
so whatever runs at import is baked into every instance. Entropy drawn there would repeat across
instances, so the runtime refuses it: `os.urandom` raises `OSError(EIO, ...)` and the functions
of `random` raise until the first request (workerd's `topLevelEntropy/entropy_patches.py` and
`import_patch_manager.py`). This module does the same to the running interpreter:
`before_top_level()` turns the rule on for the start-up imports, `before_first_request()` turns
it off. `random.Random(seed)` and `random.SystemRandom` stay constructible, as there.
"""

from __future__ import annotations

import errno
import functools
import os
import random
from collections.abc import Callable
from typing import Any

TOP_LEVEL_ENTROPY_ERROR = (
    "Randomness is not allowed while a Worker is starting because startup values will be repeated "
    "across Worker instances, making them predictable. If this error occurs from importing a "
    "package, import the package from a function to load it after the Worker starts."
)
_ALLOWED = ("Random", "SystemRandom")
_saved: dict[tuple[Any, str], Any] = {}


def _refuse_urandom(*_: Any) -> bytes:
    raise OSError(errno.EIO, TOP_LEVEL_ENTROPY_ERROR)


def _refused(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(original)
    def call(*_: Any, **__: Any) -> Any:
        raise RuntimeError(f"Cannot use random.{name}() outside of request context")

    return call


def _patch(owner: Any, name: str, value: Any) -> None:
    _saved.setdefault((owner, name), getattr(owner, name))
    setattr(owner, name, value)


def before_top_level() -> None:
    """Refuse entropy: the Worker's modules are about to be imported (Cloudflare's snapshot phase)."""
    _patch(os, "urandom", _refuse_urandom)
    _patch(random, "_urandom", _refuse_urandom)  # what SystemRandom (and so `secrets`) reads
    for name in dir(random):
        value = getattr(random, name)
        if not name.startswith("_") and callable(value) and name not in _ALLOWED and not isinstance(value, type):
            _patch(random, name, _refused(name, value))


def before_first_request() -> None:
    """Allow entropy again: requests may draw it."""
    for (owner, name), value in _saved.items():
        setattr(owner, name, value)
    _saved.clear()
