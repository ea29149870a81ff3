"""The browser demo (examples/browser_demo) clicked through in real Chromium with Playwright.

`serve.py` (the one command users run) serves the page, npm Pyodide, a freshly built prisma-edge
wheel and a local Neon endpoint over a throwaway PostgreSQL database. In the page, Pyodide runs in
a Web Worker; the test checks that the page's timer keeps ticking while Python boots and works,
runs a query on the in-browser SQLite and one through the Neon endpoint, checks the rows in the
table (and in PostgreSQL), and saves wasm_tests/screenshots/browser_demo.png.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from tests.support.databases import temp_postgres

pytestmark = pytest.mark.no_pyodide("drives Chromium with Playwright from CPython")

ROOT = Path(__file__).resolve().parent.parent.parent
SERVE = ROOT / "examples" / "browser_demo" / "serve.py"
SCREENSHOT = ROOT / "wasm_tests" / "screenshots" / "browser_demo.png"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
STATE = """() => ({ ...window.demoUi, status: document.querySelector('#status').textContent })"""


def _missing(what: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what}; CI must run the browser demo", pytrace=False)
    pytest.skip(what)


def start_demo(database: str, log: Path) -> tuple[subprocess.Popen[str], dict[str, str]]:
    """serve.py in the background (stderr to `log`); returns it and the NAME=value lines it printed."""
    with log.open("w") as err:  # the child keeps its own copy of the descriptor
        proc = subprocess.Popen([sys.executable, str(SERVE), "--port", "0", "--neon-database", database],
                                stdout=subprocess.PIPE, stderr=err, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in proc.stdout], daemon=True).start()  # type: ignore[union-attr]
    found: dict[str, str] = {}
    deadline = time.monotonic() + 120
    while not {"DEMO_URL", "NEON_HTTP_URL"} <= found.keys():
        try:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            proc.kill()
            pytest.fail(f"serve.py printed no URLs: {log.read_text()[-2000:]}")
        name, _, value = line.strip().partition("=")
        found[name] = value
    return proc, found


def table(page: Any) -> tuple[list[str], list[list[str]]]:
    return page.evaluate("""() => {
        const t = document.querySelector('#results');
        const cols = [...t.querySelectorAll('thead th')].map((th) => th.textContent);
        const rows = [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.cells].map((td) => td.textContent));
        return [cols, rows];
    }""")


def run_and_wait(page: Any, target: str) -> str:
    page.click("#run")
    page.wait_for_function(
        "(t) => { const s = document.querySelector('#status'); return s.classList.contains('error') "
        "|| (s.textContent.startsWith(t + ':') && s.textContent.includes('row')); }", arg=target, timeout=60_000)
    status = page.text_content("#status")
    assert status.startswith(f"{target}:"), status
    return status


def test_browser_demo_sqlite_and_neon_in_chromium(tmp_path):
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} is missing (apt-get install chromium; scripts/setup.sh does it)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is missing (pip install playwright; never `playwright install`)")
    pytest.importorskip("psycopg")
    import psycopg

    with temp_postgres("demo") as database:
        proc, urls = start_demo(database, tmp_path / "serve.log")
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
                try:
                    page = browser.new_page(viewport={"width": 1400, "height": 900})
                    errors: list[str] = []
                    page.on("pageerror", lambda e: errors.append(str(e)))
                    page.goto(urls["DEMO_URL"])

                    # While the worker boots Pyodide and seeds SQLite (seconds of Python), the page's
                    # own timer keeps ticking: sample it twice within one running job.
                    for _ in range(40):
                        a = page.evaluate(STATE)
                        time.sleep(0.3)
                        b = page.evaluate(STATE)
                        if a["jobs"] and b["jobs"] and a["started"] == b["started"]:
                            break
                    else:
                        pytest.fail(f"never saw the worker busy: {b}")
                    assert b["ticks"] > a["ticks"] and b["frames"] > a["frames"], (a, b)

                    page.wait_for_function("() => document.body.dataset.ready", timeout=120_000)
                    assert page.evaluate("() => document.body.dataset.ready") == "yes", page.text_content("#status")
                    assert "model Customer" in page.text_content("#schema")

                    # in-browser SQLite: the default preset, products under 50, cheapest first
                    assert "1 statement" in run_and_wait(page, "sqlite")
                    cols, rows = table(page)
                    assert cols == ["id", "sku", "name", "price"]
                    assert [(r[2], r[3]) for r in rows] == [("Mouse", "19.5"), ("Keyboard", "49.9")]

                    # Neon: the page's fields come pre-filled; set up tables, then one nested read
                    page.check("input[value=neon]")
                    assert page.input_value("#neon-url") == urls["NEON_HTTP_URL"]
                    page.click("#setup")
                    page.wait_for_function("() => /^neon: tables|error/i.test(document.querySelector('#status').textContent)",
                                           timeout=60_000)
                    assert page.text_content("#status").startswith("neon: tables and sample data ready")
                    page.select_option("#preset", label="Customers with their orders, items and products (one statement)")
                    assert "2 rows" in run_and_wait(page, "neon")
                    cols, rows = table(page)
                    assert cols == ["id", "email", "name", "createdAt", "orders", "_count"]
                    assert [(r[2], r[5]) for r in rows] == [("Ada", '{"orders":2}'), ("Grace", '{"orders":1}')]
                    assert '"name":"Monitor"' in rows[0][4] and '"price":"189"' in rows[0][4]
                    page.select_option("#preset", label="Products under 50, cheapest first")
                    run_and_wait(page, "neon")
                    assert [r[2] for r in table(page)[1]] == ["Mouse", "Keyboard"]
                    assert errors == []
                    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
                    page.select_option("#preset", label="Customers with their orders, items and products (one statement)")
                    run_and_wait(page, "neon")
                    page.screenshot(path=str(SCREENSHOT), full_page=True)
                finally:
                    browser.close()
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            if proc.stdout is not None:
                proc.stdout.close()
        with psycopg.connect(database) as conn:  # the page really wrote through the Neon endpoint
            assert conn.execute('SELECT name FROM "Customer" ORDER BY name').fetchall() == [("Ada",), ("Grace",)]
            assert conn.execute('SELECT count(*) FROM "OrderItem"').fetchone() == (4,)
