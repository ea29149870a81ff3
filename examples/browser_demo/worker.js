// The demo's Web Worker: Pyodide and prisma-edge live here, so the page never waits on Python.
// Messages in: {id, op: "setup" | "run", payload}; out: {id, ...result} and {status, ms} while booting.
import { loadPyodide } from "/pyodide/pyodide.mjs";

let ready;
let demo;

async function boot() {
  const t0 = performance.now();
  const step = (status) => postMessage({ status, ms: Math.round(performance.now() - t0) });
  step("loading Pyodide");
  const wheels = await (await fetch("/wheels/index.json")).json();
  const py = await loadPyodide({ indexURL: "/pyodide/" });
  step("installing prisma-edge with micropip");
  const url = (name) => new URL(`/wheels/${name}`, self.location.href).href;
  await py.loadPackage(url(wheels.micropip));          // offline: micropip itself comes from our server
  const micropip = py.pyimport("micropip");
  await micropip.install.callKwargs(wheels.install.map(url), { deps: false });  // prisma-edge, sqlglot, attrs
  for (const name of ["demo.py", "prisma_edge_client.py"]) {
    py.FS.writeFile(`/home/pyodide/${name}`, await (await fetch(`/${name}`)).text());
  }
  py.runPython("import sys; sys.path.insert(0, '/home/pyodide')");
  step("importing prisma-edge");
  demo = py.pyimport("demo");
  step("ready");
  return py;
}

function plain(result) {
  const out = result.toJs({ dict_converter: Object.fromEntries });
  result.destroy();
  return out;
}

self.onmessage = async ({ data: { id, op, payload } }) => {
  try {
    const py = await (ready ??= boot());
    const p = payload;
    if (op === "setup") {
      postMessage({ id, ...plain(await demo.setup(p.target, p.neonUrl ?? "", p.connectionString ?? "")) });
    } else if (op === "run") {
      const args = py.toPy(p.args);
      const res = await demo.run(p.target, p.model, p.action, args, p.neonUrl ?? "", p.connectionString ?? "");
      args.destroy();
      postMessage({ id, ...plain(res) });
    } else {
      postMessage({ id, ok: false, error: `unknown op ${op}` });
    }
  } catch (e) {
    ready = ready && demo ? ready : undefined;   // a failed boot may be retried
    postMessage({ id, ok: false, error: String(e?.message ?? e) });
  }
};
