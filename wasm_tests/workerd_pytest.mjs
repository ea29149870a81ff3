// A Worker that runs the project's pytest suite inside workerd (miniflare), on npm Pyodide booted
// by examples/cloudflare_worker/local/boot.mjs, for the adapters that only exist there: D1 through
// the Worker's `DB` binding and Hyperdrive over `cloudflare:sockets` (wasm_tests/run_workerd.py).
//
// POST / with {"args": [...]} runs `pytest.main(args)` in the project (written under /project)
// and answers {"rc", "output", "summary"}. The request's env (its bindings) is importable in
// Python as `prisma_edge_workerd_env`; every I/O object a test makes belongs to that request.
import { bootPyodide } from "./boot.mjs";
import wheels from "./wheels.mjs";
import files from "./files.mjs";

let ready;

const RUN = `
import os, sys
os.chdir("/project")
if "/project/src" not in sys.path:
    sys.path[:0] = ["/project/src", "/project"]
import pytest
int(pytest.main(list(pytest_args)))
`;

export default {
  async fetch(request, env) {
    const py = await (ready ??= bootPyodide({ env, wheels, files, appDir: "/project",
                                                pythonEnv: JSON.parse(env.PRISMA_EDGE_PYTHON_ENV ?? "{}") }));
    const { args } = await request.json();
    const out = [];
    const decoder = new TextDecoder();
    const write = (buf) => { out.push(decoder.decode(buf)); return buf.length; };
    py.setStdout({ write });
    py.setStderr({ write });
    py.registerJsModule("prisma_edge_workerd_env", env);
    py.runPython("import sys; sys.modules.pop('prisma_edge_workerd_env', None)");
    const summaryPath = "/tmp/prisma-edge-pytest-summary.json";
    py.globals.set("pytest_args", py.toPy(["-p", "wasm_tests.pytest_summary", "--summary-json", summaryPath, ...args]));
    let rc;
    try {
      rc = await py.runPythonAsync(RUN);
    } catch (e) {
      out.push(`Python raised outside pytest: ${e?.message ?? e}`);
      rc = 3;
    }
    const summary = py.FS.analyzePath(summaryPath).exists ? JSON.parse(py.FS.readFile(summaryPath, { encoding: "utf8" })) : null;
    return Response.json({ rc, output: out.join(""), summary });
  },
};
