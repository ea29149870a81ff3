"""pytest plugin: count outcomes per runtime, including skips caused by `no_pyodide`.

Loaded with ``-p wasm_tests.pytest_summary`` by ``scripts/test.sh`` (CPython) and by both Pyodide
runners. It prints one line ``no_pyodide skips: N`` in the terminal summary and, with
``--summary-json PATH``, writes the counts as JSON so the whole-suite command can build its table
without parsing pytest's human-readable output.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from typing import Any

import pytest

NO_PYODIDE_PREFIX = "no_pyodide:"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--summary-json", default=None, metavar="PATH",
                     help="write passed/failed/skipped/no_pyodide counts to PATH as JSON")


def _skip_reason(report: pytest.TestReport | pytest.CollectReport) -> str:
    """The reason of a skip report, without pytest's `Skipped: ` prefix."""
    longrepr = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)
    return reason.removeprefix("Skipped: ")


def summarize(stats: dict[str, list[Any]], exit_status: int) -> dict[str, Any]:
    """Turn the terminal reporter's stats into the counts the summary table shows."""
    skipped = [r for r in stats.get("skipped", []) if getattr(r, "skipped", False)]
    reasons = Counter(_skip_reason(r) for r in skipped)
    no_pyodide = sum(n for reason, n in reasons.items() if reason.startswith(NO_PYODIDE_PREFIX))
    return {
        "platform": sys.platform,
        "exit_status": exit_status,
        "passed": len(stats.get("passed", [])),
        "failed": len(stats.get("failed", [])),
        "errors": len(stats.get("error", [])),
        "skipped": len(skipped),
        "no_pyodide": no_pyodide,
        "xfailed": len(stats.get("xfailed", [])),
        "xpassed": len(stats.get("xpassed", [])),
        "deselected": len(stats.get("deselected", [])),
        "skip_reasons": dict(reasons.most_common()),
    }


@pytest.hookimpl(trylast=True)
def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:  # noqa: ANN401
    """Print the no_pyodide count and write the JSON file (after pytest's own summary)."""
    counts = summarize(terminalreporter.stats, int(exitstatus))
    terminalreporter.write_line(f"no_pyodide skips: {counts['no_pyodide']} (platform {counts['platform']})")
    path = config.getoption("--summary-json")
    if path:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(counts, f, indent=1, sort_keys=True)
