// Run the project's pytest suite inside Pyodide (CPython 3.14 compiled to WebAssembly) under Node.
//
// usage: node --experimental-wasm-stack-switching wasm_tests/run_node.mjs \
//            [--wheels DIR] [--summary-json PATH] [--] [pytest args...]
//
//   --wheels DIR         pure-Python wheels to unpack into site-packages (default: .pyodide-wheels,
//                        filled by scripts/setup.sh). DIR/project/*.whl (our own wheel) is not
//                        unpacked: it is exposed as $PRISMA_EDGE_PROJECT_WHEEL for micropip tests.
//   --summary-json PATH  write the outcome counts (wasm_tests/pytest_summary.py) to PATH on the host.
//   everything else      forwarded to pytest (default: the `testpaths` of pyproject.toml).
//
// The project directory is mounted at /project (NODEFS, live), with /project/src and /project on
// sys.path, so the suite runs the working tree, not an installed copy. Environment variables named
// PRISMA_EDGE_* and CI are copied into os.environ, so tests find endpoints started outside.
// The exit code is pytest's. Without JSPI (async tests need it) the script re-runs itself with
// --experimental-wasm-stack-switching. Without a global WebSocket it installs the `ws` package's.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import url from "node:url";

const HERE = path.dirname(url.fileURLToPath(import.meta.url));
const PROJECT = path.resolve(HERE, "..");
const TAG = "[pyodide-node]";
const REEXEC_GUARD = "_PRISMA_EDGE_RUNNER_REEXEC"; // not PRISMA_EDGE_*: must not reach Python

function log(msg) {
  process.stderr.write(`${TAG} ${msg}\n`);
}

function hasJspi() {
  return typeof WebAssembly.Suspending === "function" || typeof WebAssembly.Suspender === "function";
}

/** Re-run with JSPI enabled (behind a flag in Node 20-23); null if not needed. */
function reexecIfNeeded() {
  const flags = hasJspi() ? [] : ["--experimental-wasm-stack-switching"];
  if (!flags.length || process.env[REEXEC_GUARD]) return null;
  log(`re-running with ${flags.join(" ")}`);
  const r = spawnSync(process.execPath, [...flags, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, [REEXEC_GUARD]: "1" },
  });
  return r.status ?? 3;
}

function parseArgs(argv) {
  const opts = { wheels: path.join(PROJECT, ".pyodide-wheels"), summaryJson: null, pytest: [] };
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") { i++; break; }
    if (a === "--wheels" || a === "--summary-json") {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      opts[a === "--wheels" ? "wheels" : "summaryJson"] = path.resolve(argv[++i]);
    } else break;
  }
  opts.pytest = argv.slice(i);
  return opts;
}

/** The top-level wheels of `dir`, refusing anything Pyodide cannot run and duplicate versions. */
function listWheels(dir) {
  if (!fs.existsSync(dir)) throw new Error(`no wheel directory ${dir}: run scripts/setup.sh first`);
  const wheels = fs.readdirSync(dir).filter((f) => f.endsWith(".whl")).sort();
  if (!wheels.length) throw new Error(`no wheels in ${dir}: run scripts/setup.sh first`);
  const seen = new Map();
  for (const w of wheels) {
    if (!w.endsWith("-none-any.whl")) throw new Error(`${w} is not a pure-Python wheel; Pyodide cannot use it`);
    const dist = w.split("-")[0].toLowerCase().replace(/[-_.]+/g, "_");
    if (seen.has(dist)) throw new Error(`two versions of ${dist} in ${dir} (${seen.get(dist)}, ${w}): delete the directory and run scripts/setup.sh`);
    seen.set(dist, w);
  }
  return wheels;
}

/** Environment for Python: PRISMA_EDGE_* and CI from ours, plus what the runner itself tells tests. */
function pythonEnv(extra) {
  const env = { HOME: "/home/pyodide" };
  for (const [k, v] of Object.entries(process.env)) {
    if ((k.startsWith("PRISMA_EDGE_") || k === "CI") && v !== undefined) env[k] = v;
  }
  return { ...env, ...extra };
}

/**
 * The `ws` package's WebSocket, made to behave like a browser's where tests could notice.
 * (Node 20 has no global WebSocket, and its --experimental-websocket one fires `error` but never
 * `close` on a refused connection.) ws is an EventEmitter: an `error` nobody listens to would
 * crash Node, where a browser just dispatches it. Browsers start with binaryType "blob".
 */
async function browserLikeWs() {
  const { WebSocket: Ws } = await import("ws");
  return class WebSocket extends Ws {
    constructor(url, protocols) {
      super(url, protocols);
      this.on("error", () => {});
      this.binaryType = "blob";
    }
  };
}

function writer(stream) {
  // Pyodide reuses the buffer it passes, so copy before handing it to the (asynchronous) stream.
  return { write: (buf) => { stream.write(Buffer.from(buf)); return buf.length; } };
}

async function flush(stream) {
  await new Promise((resolve) => stream.write("", resolve));
}

const RUN_PYTEST = `
import os, sys
os.chdir("/project")
sys.path[:0] = ["/project/src", "/project"]
import pytest
_rc = int(pytest.main(list(pytest_args)))
_rc
`;

async function main() {
  const status = reexecIfNeeded();
  if (status !== null) return status;
  const opts = parseArgs(process.argv.slice(2));
  const wheels = listWheels(opts.wheels);
  const projectWheelDir = path.join(opts.wheels, "project");
  const projectWheels = fs.existsSync(projectWheelDir)
    ? fs.readdirSync(projectWheelDir).filter((f) => f.endsWith(".whl")) : [];
  let wsImpl = "Node's global WebSocket";
  if (typeof globalThis.WebSocket === "undefined") {
    globalThis.WebSocket = await browserLikeWs();
    wsImpl = "WebSocket from the ws package";
  }

  const t0 = performance.now();
  const { loadPyodide } = await import("pyodide");
  const extraEnv = { PRISMA_EDGE_RUNTIME: "pyodide-node" };
  if (projectWheels.length === 1) extraEnv.PRISMA_EDGE_PROJECT_WHEEL = `/wheels/project/${projectWheels[0]}`;
  const py = await loadPyodide({ env: pythonEnv(extraEnv) });
  py.setStdout(writer(process.stdout));
  py.setStderr(writer(process.stderr));
  const tLoad = performance.now() - t0;

  let t = performance.now();
  const site = py.runPython("import sysconfig; sysconfig.get_path('purelib')");
  for (const w of wheels) {
    py.unpackArchive(new Uint8Array(fs.readFileSync(path.join(opts.wheels, w))), "wheel", { extractDir: site });
  }
  py.FS.mkdirTree("/project");
  py.mountNodeFS("/project", PROJECT);
  py.FS.mkdirTree("/wheels");
  py.mountNodeFS("/wheels", opts.wheels);
  const tInstall = performance.now() - t;
  const info = py.runPython("import sys, platform; f'{sys.platform} Python {platform.python_version()}'");
  log(`Pyodide ${py.version} (${info}) on Node ${process.versions.node}; ${wheels.length} wheels unpacked; ${wsImpl}`);

  const summaryInPy = "/tmp/prisma-edge-pytest-summary.json";
  const args = ["-p", "wasm_tests.pytest_summary", "--summary-json", summaryInPy, ...opts.pytest];
  py.globals.set("pytest_args", py.toPy(args));
  t = performance.now();
  let rc;
  const explainEarlyExit = (code) => {
    log(`Node is exiting (code ${code}) while pytest is still running: its event loop ran dry, ` +
        "so a test awaits a JavaScript promise that nothing will ever settle");
    process.exitCode = 3; // never let an unfinished run pass for a green one
  };
  process.once("exit", explainEarlyExit);
  try {
    rc = await py.runPythonAsync(RUN_PYTEST);
  } catch (e) {
    log(`Python raised outside pytest: ${e}`);
    rc = 3;
  }
  process.off("exit", explainEarlyExit);
  const tTest = performance.now() - t;
  if (opts.summaryJson) {
    if (py.FS.analyzePath(summaryInPy).exists) fs.writeFileSync(opts.summaryJson, py.FS.readFile(summaryInPy));
    else log("pytest wrote no summary (it stopped before its terminal summary)");
  }
  await flush(process.stdout);
  log(`load ${Math.round(tLoad)} ms, install ${Math.round(tInstall)} ms, pytest ${Math.round(tTest)} ms, ` +
      `total ${Math.round(performance.now() - t0)} ms, exit ${rc}`);
  return rc;
}

let rc;
try {
  rc = await main();
} catch (e) {
  log(`error: ${e?.message ?? e}`);
  rc = 3;
}
await flush(process.stdout);
await flush(process.stderr);
process.exit(rc);
