"""Run the project's pytest suite inside Pyodide in headless Chromium (Playwright from PyPI).

usage: .venv/bin/python wasm_tests/run_chromium.py [--wheels DIR] [--summary-json PATH]
           [--browser PATH] [--timeout SECONDS] [--] [pytest args...]

Options as for wasm_tests/run_node.mjs, plus --browser (default /usr/bin/chromium) and --timeout
(default 900: a test awaiting a promise that never settles would otherwise hang the page forever).

A local HTTP server on 127.0.0.1 (random port, CORS on) serves the npm ``pyodide`` package, the
wheels and a zip of the project tree; the page unpacks the wheels into site-packages, unpacks the
project into MEMFS at /project and awaits ``pytest.main`` inside ``runPythonAsync``. pytest's
output is streamed back as it is written. ``PRISMA_EDGE_*`` and ``CI`` environment variables are
copied into ``os.environ``; the exit code is pytest's. Chromium is Debian's ``/usr/bin/chromium``:
``playwright install`` cannot download browsers here.
"""

from __future__ import annotations

import functools
import http.server
import io
import json
import os
import signal
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TAG = "[pyodide-chromium]"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
# Directories of the work tree that never belong in the browser's copy of the project.
SKIP_DIRS = {".git", "node_modules", ".pyodide-wheels", "__pycache__", "dist", "build", ".pytest_cache",
             ".ruff_cache", ".mypy_cache", ".hypothesis", "screenshots"}
MAX_FILE_BYTES = 8 * 1024 * 1024
MIME = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
        ".json": "application/json", ".zip": "application/zip", ".whl": "application/zip",
        ".html": "text/html"}
SUMMARY_IN_PY = "/tmp/prisma-edge-pytest-summary.json"

PAGE_SCRIPT = """async ({ wheels, projectWheel, env, args, summaryPath }) => {
    const T = {}; let t = performance.now();
    const pending = [];
    const decoders = { 1: new TextDecoder(), 2: new TextDecoder() };
    const writer = (fd) => ({ write: (buf) => {
        pending.push(window.__peWrite(fd, decoders[fd].decode(buf, { stream: true })));
        return buf.length;
    } });
    const { loadPyodide } = await import('/node_modules/pyodide/pyodide.mjs');
    const py = await loadPyodide({ indexURL: '/node_modules/pyodide/', env });
    py.setStdout(writer(1)); py.setStderr(writer(2));
    T.load_ms = Math.round(performance.now() - t); t = performance.now();
    const site = py.runPython("import sysconfig; sysconfig.get_path('purelib')");
    const fetchBytes = async (u) => {
        const r = await fetch(u);
        if (!r.ok) throw new Error(`GET ${u}: ${r.status}`);
        return new Uint8Array(await r.arrayBuffer());
    };
    const blobs = await Promise.all(wheels.map((w) => fetchBytes('/__wheels__/' + w)));
    blobs.forEach((b) => py.unpackArchive(b, 'wheel', { extractDir: site }));
    py.FS.mkdirTree('/project');
    py.unpackArchive(await fetchBytes('/__project__.zip'), 'zip', { extractDir: '/project' });
    if (projectWheel) {
        py.FS.mkdirTree('/wheels/project');
        py.FS.writeFile('/wheels/' + projectWheel, await fetchBytes('/__wheels__/' + projectWheel));
    }
    T.install_ms = Math.round(performance.now() - t); t = performance.now();
    T.jspi = typeof WebAssembly.Suspending === 'function' || typeof WebAssembly.Suspender === 'function';
    T.info = py.runPython("import sys, platform; f'{sys.platform} Python {platform.python_version()}'");
    T.pyodide = py.version;
    py.globals.set('pytest_args', py.toPy(args));
    let rc;
    try {
        rc = await py.runPythonAsync(`
import os, sys
os.chdir("/project")
sys.path[:0] = ["/project/src", "/project"]
import pytest
int(pytest.main(list(pytest_args)))
`);
    } catch (e) {
        pending.push(window.__peWrite(2, `${'[pyodide-chromium]'} Python raised outside pytest: ${e}\\n`));
        rc = 3;
    }
    T.pytest_ms = Math.round(performance.now() - t);
    const summary = py.FS.analyzePath(summaryPath).exists ? py.FS.readFile(summaryPath, { encoding: 'utf8' }) : null;
    await Promise.all(pending);
    return { rc, T, summary };
}"""


# Runs PAGE_SCRIPT without awaiting it; the outcome lands in window.__peDone (never rejects).
START_SCRIPT = """(a) => {
    window.__peDone = null;
    (PAGE_SCRIPT)(a).then((r) => { window.__peDone = r; },
                          (e) => { window.__peDone = { rc: 3, T: {}, summary: null, error: String(e?.stack ?? e) }; });
}"""


def log(msg: str) -> None:
    print(f"{TAG} {msg}", file=sys.stderr, flush=True)


def parse_args(argv: list[str]) -> dict[str, Any]:
    """Runner options first; `--` or the first other argument starts pytest's arguments."""
    opts: dict[str, Any] = {"wheels": ROOT / ".pyodide-wheels", "summary_json": None,
                            "browser": Path("/usr/bin/chromium"), "timeout": 900.0, "pytest": []}
    names = {"--wheels": "wheels", "--summary-json": "summary_json", "--browser": "browser", "--timeout": "timeout"}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--":
            i += 1
            break
        if a not in names:
            break
        if i + 1 >= len(argv):
            raise SystemExit(f"{a} needs a value")
        value = argv[i + 1]
        opts[names[a]] = float(value) if a == "--timeout" else Path(value).resolve()
        i += 2
    opts["pytest"] = argv[i:]
    return opts


def list_wheels(wheel_dir: Path) -> list[str]:
    """Top-level wheels to unpack; refuses non-pure wheels and two versions of one distribution."""
    if not wheel_dir.is_dir():
        raise SystemExit(f"{TAG} no wheel directory {wheel_dir}: run scripts/setup.sh first")
    wheels = sorted(p.name for p in wheel_dir.glob("*.whl"))
    if not wheels:
        raise SystemExit(f"{TAG} no wheels in {wheel_dir}: run scripts/setup.sh first")
    seen: dict[str, str] = {}
    for w in wheels:
        if not w.endswith("-none-any.whl"):
            raise SystemExit(f"{TAG} {w} is not a pure-Python wheel; Pyodide cannot use it")
        dist = w.split("-")[0].lower().replace(".", "_")
        if dist in seen:
            raise SystemExit(f"{TAG} two versions of {dist} in {wheel_dir}: delete it and run scripts/setup.sh")
        seen[dist] = w
    return wheels


def project_files(root: Path) -> Iterator[Path]:
    """The work tree as Node's runner sees it (minus caches, dependencies and big files)."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames
                             if d not in SKIP_DIRS and not d.startswith(".venv") and not d.endswith(".egg-info"))
        for name in sorted(filenames):
            p = Path(dirpath, name)
            if p.suffix != ".pyc" and p.is_file() and p.stat().st_size <= MAX_FILE_BYTES:
                yield p


def project_zip(root: Path) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for p in project_files(root):
            z.write(p, p.relative_to(root).as_posix())
    return buf.getvalue()


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves only the Pyodide package, the wheels and the project zip; CORS for cross-origin tests."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME}

    def __init__(self, *args: Any, wheel_dir: Path, bundle: bytes, **kwargs: Any) -> None:  # noqa: ANN401
        self.wheel_dir = wheel_dir
        self.bundle = bundle
        super().__init__(*args, directory=str(ROOT), **kwargs)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002, ANN401
        pass

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def _send(self, body: bytes, ctype: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = self.path.split("?", 1)[0]
        if path == "/__runner__.html":
            return self._send(b"<!doctype html><title>prisma-edge pytest</title>", "text/html")
        if path == "/favicon.ico":
            self.send_response(204)
            self.end_headers()
            return None
        if path == "/__project__.zip":
            return self._send(self.bundle, "application/zip")
        if path.startswith("/__wheels__/"):
            rel = path.removeprefix("/__wheels__/")
            target = (self.wheel_dir / rel).resolve()
            if ".." not in rel.split("/") and target.is_relative_to(self.wheel_dir) and target.is_file():
                return self._send(target.read_bytes(), "application/zip")
        elif path.startswith("/node_modules/pyodide/") and ".." not in path.split("/"):
            return super().do_GET()
        self.send_error(404)


def python_env(project_wheel: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k.startswith("PRISMA_EDGE_") or k == "CI"}
    env.update(HOME="/home/pyodide", PRISMA_EDGE_RUNTIME="pyodide-chromium")
    if project_wheel:
        env["PRISMA_EDGE_PROJECT_WHEEL"] = f"/wheels/{project_wheel}"
    return env


class PageCrashed(Exception):
    """Chromium's renderer died: an infrastructure failure, not a test outcome."""


def attempt(p: Any, opts: dict[str, Any], base: str, page_args: dict[str, Any], bundle_kib: int) -> dict | None:  # noqa: ANN401
    """One browser, one page, one pytest run. None when --timeout passed first."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    browser = p.chromium.launch(executable_path=str(opts["browser"]), headless=True, args=CHROMIUM_ARGS)
    crashed = threading.Event()
    try:
        page = browser.new_page()
        page.on("crash", lambda _page: crashed.set())
        page.on("pageerror", lambda err: log(f"page error: {err}"))
        page.on("console", lambda m: m.type in ("error", "warning") and log(f"console.{m.type}: {m.text}"))
        streams = {1: sys.stdout, 2: sys.stderr}

        def write(fd: int, text: str) -> None:
            streams[fd].write(text)
            streams[fd].flush()

        page.expose_function("__peWrite", write)
        page.goto(f"{base}/__runner__.html")
        log(f"Chromium {browser.version}; {len(page_args['wheels'])} wheels, project zip {bundle_kib} KiB")
        try:
            # Start the run, then wait for it with a deadline (a bare evaluate would wait forever).
            page.evaluate(START_SCRIPT.replace("PAGE_SCRIPT", PAGE_SCRIPT), page_args)
            return page.wait_for_function("() => window.__peDone", polling=250,
                                          timeout=opts["timeout"] * 1000).json_value()
        except PlaywrightTimeout:
            log(f"pytest did not finish within {opts['timeout']:.0f} s (--timeout)")
            return None
        except PlaywrightError:
            if crashed.is_set():
                raise PageCrashed() from None
            raise
    finally:
        browser.close()


def run(opts: dict[str, Any]) -> int:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        log("playwright is missing: pip install playwright (never `playwright install`: we use Debian's chromium)")
        return 3
    if not Path(opts["browser"]).exists():
        log(f"{opts['browser']} not found: apt-get install -y chromium (scripts/setup.sh does it)")
        return 3
    wheel_dir: Path = opts["wheels"]
    wheels = list_wheels(wheel_dir)
    project_wheels = sorted(p.name for p in (wheel_dir / "project").glob("*.whl"))
    project_wheel = f"project/{project_wheels[0]}" if len(project_wheels) == 1 else None
    page_args = {"wheels": wheels, "projectWheel": project_wheel, "env": python_env(project_wheel),
                 "args": ["-p", "wasm_tests.pytest_summary", "--summary-json", SUMMARY_IN_PY, *opts["pytest"]],
                 "summaryPath": SUMMARY_IN_PY}

    t0 = time.perf_counter()
    bundle = project_zip(ROOT)
    handler = functools.partial(Handler, wheel_dir=wheel_dir.resolve(), bundle=bundle)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    crashes = 0
    try:
        with sync_playwright() as p:
            while True:
                try:
                    res = attempt(p, opts, base, page_args, len(bundle) // 1024)
                    break
                except PageCrashed:
                    crashes += 1
                    log(f"the page crashed (Chromium's renderer died; no test outcome){'' if crashes > 1 else ': retrying once'}")
                    if crashes > 1:
                        return 3
    finally:
        server.shutdown()
        server.server_close()
    if res is None:
        return 3
    timings = res["T"]
    if res.get("error"):
        log(f"the page failed: {res['error']}")
    if opts["summary_json"] is not None:
        if res["summary"] is None:
            log("pytest wrote no summary (it stopped before its terminal summary)")
        else:
            summary = json.loads(res["summary"])
            summary["page_crashes"] = crashes  # shown by scripts/test.sh: a retry is never silent
            Path(opts["summary_json"]).write_text(json.dumps(summary, indent=1, sort_keys=True), encoding="utf-8")
    if "info" in timings:
        log(f"Pyodide {timings['pyodide']} ({timings['info']}), JSPI {timings['jspi']}")
    steps = ", ".join(f"{k.removesuffix('_ms')} {timings[k]} ms" for k in ("load_ms", "install_ms", "pytest_ms")
                      if k in timings)
    log(f"{steps}, total {(time.perf_counter() - t0) * 1000:.0f} ms, exit {res['rc']}")
    return int(res["rc"])


def main() -> int:
    # Terminated (e.g. by `timeout`): unwind so Playwright closes Chromium instead of orphaning it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        return run(parse_args(sys.argv[1:]))
    except Exception as e:  # noqa: BLE001 - report any runner failure as pytest's "internal error"
        log(f"error: {type(e).__name__}: {e}")
        return 3


if __name__ == "__main__":
    sys.exit(main())
