"""Importing prisma_edge touches no entropy, no clock and no I/O (Cloudflare's deploy-time snapshot rule).

Cloudflare's Python Workers import a Worker's modules once, at deploy, and snapshot the memory;
there `os.urandom` and `random` raise (`OSError(EIO, ...)`), the clock would be frozen into the
snapshot, and no I/O may happen. This test imports every module of the package in a fresh
interpreter whose entropy, clock and socket functions raise, after importing the standard
library and third-party modules the package needs with them intact (so that only code of
prisma_edge itself, or what it triggers, can trip them). The workerd run of the example Workers
(tests/test_worker.py) checks the same rule in a Worker's own start-up phase.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.no_pyodide("starts fresh CPython interpreters")

SRC = Path(__file__).resolve().parent.parent / "src"

# Imports every module once, unpatched, and prints the modules outside the package it pulled in.
_LIST = """
import importlib, json, pkgutil, sys
import prisma_edge
names = [m.name for m in pkgutil.walk_packages(prisma_edge.__path__, "prisma_edge.")]
for n in names:
    importlib.import_module(n)
print(json.dumps({"names": names, "deps": sorted(m for m in sys.modules if m.split(".")[0] != "prisma_edge")}))
"""

# Imports the dependencies, makes entropy / clock / sockets raise, then imports the package.
_CHECK = """
import asyncio, datetime, importlib, json, os, random, secrets, socket, sys, time, uuid
listing = json.loads(sys.stdin.read())
for m in listing["deps"]:
    if m != "__main__":
        try:
            importlib.import_module(m)
        except Exception:
            pass
calls = []
def forbidden(name):
    def call(*args, **kwargs):
        calls.append(name)
        raise OSError(29, f"{name}() called while importing")
    return call
for name in ("urandom", "getrandom"):
    if hasattr(os, name):
        setattr(os, name, forbidden("os." + name))
random._urandom = forbidden("random._urandom")
for name in ("random", "getrandbits", "randbytes"):
    setattr(random.SystemRandom, name, forbidden("random.SystemRandom." + name))
for name in ("random", "randint", "randrange", "choice", "choices", "getrandbits", "shuffle", "sample",
             "uniform", "seed", "randbytes"):
    setattr(random, name, forbidden("random." + name))
for name in ("randbelow", "randbits", "choice", "token_bytes", "token_hex", "token_urlsafe"):
    setattr(secrets, name, forbidden("secrets." + name))
uuid.uuid1, uuid.uuid4 = forbidden("uuid.uuid1"), forbidden("uuid.uuid4")
for name in ("time", "time_ns", "monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns", "localtime", "gmtime"):
    setattr(time, name, forbidden("time." + name))
class FrozenDatetime(datetime.datetime):
    now = classmethod(forbidden("datetime.now"))
    utcnow = classmethod(forbidden("datetime.utcnow"))
    today = classmethod(forbidden("datetime.today"))
class FrozenDate(datetime.date):
    today = classmethod(forbidden("date.today"))
datetime.datetime, datetime.date = FrozenDatetime, FrozenDate
for name in ("socket", "create_connection", "getaddrinfo", "socketpair"):
    setattr(socket, name, forbidden("socket." + name))
asyncio.open_connection = forbidden("asyncio.open_connection")
failures = {}
for n in listing["names"]:
    try:
        importlib.import_module(n)
    except Exception as e:
        failures[n] = f"{type(e).__name__}: {e}"
print(json.dumps({"failures": failures, "calls": calls}))
"""


def _run(code: str, stdin: str = "") -> dict:
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], input=stdin, capture_output=True, text=True,
                         cwd=SRC, timeout=120, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_every_module_imports_without_entropy_clock_or_sockets():
    listing = _run(_LIST)
    assert "prisma_edge.compiler.arguments.ids" in listing["names"]
    result = _run(_CHECK, json.dumps(listing))
    assert result == {"failures": {}, "calls": []}


def test_the_check_catches_a_module_that_draws_entropy_at_import(tmp_path):
    """The patched interpreter really refuses: a module that draws a random number at import fails."""
    bad = tmp_path / "prisma_edge_probe"
    bad.mkdir()
    (bad / "__init__.py").write_text("import secrets\nSEED = secrets.randbelow(10)\n")
    code = _CHECK.replace('listing = json.loads(sys.stdin.read())',
                          f'sys.path.insert(0, {str(tmp_path)!r}); listing = {{"deps": [], "names": ["prisma_edge_probe"]}}')
    result = _run(code)
    assert result["calls"] == ["secrets.randbelow"]
    assert "called while importing" in result["failures"]["prisma_edge_probe"]


def test_ids_are_drawn_on_first_use():
    from prisma_edge.compiler.arguments import ids

    first, second = ids.new_cuid(), ids.new_cuid()
    assert len(first) == 25 and first != second and ids._counter is not None
