// A JavaScript Worker that boots npm Pyodide inside workerd and hands each request to the Python
// Worker named by the binding PRISMA_EDGE_WORKER_MODULE (src/<variant>_worker.py), for running
// the examples offline. Before the first request it runs Cloudflare's start-up phase: the
// Worker's module is imported with entropy refused (boot.mjs `snapshot`), so a module that draws
// randomness at import fails here as it would fail to deploy. build.py generates wheels.mjs
// (sqlglot, attrs) and files.mjs (prisma_edge, src/, the `workers` stand-in, entry.py, cf_rules.py).
import { bootPyodide, snapshot } from "./boot.mjs";
import wheels from "./wheels.mjs";
import files from "./files.mjs";

let ready;

async function start(env) {
  const py = await bootPyodide({ env, wheels, files });
  snapshot(py, [String(env.PRISMA_EDGE_WORKER_MODULE)]);
  return py.pyimport("entry").on_fetch;
}

export default {
  async fetch(request, env, ctx) {
    let onFetch;
    try {
      onFetch = await (ready ??= start(env));
    } catch (e) {
      ready = undefined;
      return new Response("shim: the Worker failed to start: " + (e?.message ?? e), { status: 500 });
    }
    try {
      return await onFetch(request, env, ctx);
    } catch (e) {
      return new Response("shim: the Python Worker raised: " + (e?.message ?? e), { status: 500 });
    }
  },
};
