"""A tiny suite the runner self-tests (tests/test_runtime_smoke.py) run inside Pyodide.

Not named test_*.py: it fails on purpose, so only an explicit path collects it.
"""

import asyncio
import os
import sys

import pytest


def test_platform_is_the_expected_one():
    assert sys.platform == os.environ["PRISMA_EDGE_PROBE_EXPECT_PLATFORM"]


def test_only_selected_environment_variables_reach_python():
    assert os.environ.get("CI") == os.environ["PRISMA_EDGE_PROBE_EXPECT_CI"]
    assert "PROBE_NOT_PASSED_THROUGH" not in os.environ


async def test_async_test_runs():
    await asyncio.sleep(0)


def test_deliberate_failure():
    assert 1 + 1 == 3, "deliberate failure from the probe"


@pytest.mark.no_pyodide("the probe's no_pyodide test")
def test_skipped_in_pyodide():
    pass
