// A JavaScript Worker that boots npm Pyodide inside workerd and hands each request to the Python
// Worker (src/worker.py), for running the example offline. Cloudflare's own Python runtime needs
// a Pyodide bundle it downloads at first use (see shared/reference/runtime.md section 3).
// serve_local.py generates wheels.mjs (sqlglot, attrs) and sources.mjs (prisma_edge, src/, the
// `workers` stand-in, entry.py) and the workerd config that embeds everything below.
import { loadPyodide } from "./pyodide.mjs";
import createPyodideModule from "./pyodide.asm.mjs";
import wasmModule from "./pyodide.asm.wasm";   // WebAssembly.Module (config: wasm = embed ...)
import stdlib from "./python_stdlib.zip";       // ArrayBuffer (config: data = embed ...)
import lock from "./pyodide-lock.json";          // object (config: json = embed ...)
import wheels from "./wheels.mjs";               // [ArrayBuffer, ...]
import sources from "./sources.mjs";             // {"prisma_edge/__init__.py": "...", ...}

let ready;

async function boot() {
  globalThis.location ??= new URL("https://pyodide.invalid/");      // Pyodide resolves URLs against it
  globalThis.setImmediate ??= (f, ...a) => setTimeout(f, 0, ...a);   // else Emscripten uses addEventListener
  globalThis.clearImmediate ??= (id) => clearTimeout(id);
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (u, ...a) => {                            // Pyodide's own files are embedded
    const url = String(u instanceof Request ? u.url : u);
    if (!url.startsWith("https://pyodide.invalid/")) return realFetch(u, ...a);
    return url.endsWith("/python_stdlib.zip") ? new Response(stdlib) : new Response(null, { status: 404 });
  };
  const instantiate = WebAssembly.instantiate.bind(WebAssembly);      // workerd won't compile wasm from bytes
  WebAssembly.instantiateStreaming = async (_r, imports) =>
    ({ instance: await instantiate(wasmModule, imports), module: wasmModule });
  WebAssembly.instantiate = async (src, imports) => src instanceof WebAssembly.Module
    ? instantiate(src, imports) : { instance: await instantiate(wasmModule, imports), module: wasmModule };
  const py = await loadPyodide({ indexURL: "https://pyodide.invalid/", createPyodideModule,
                                 lockFileContents: lock, packageBaseUrl: "https://pyodide.invalid/" });
  const site = py.runPython("import sysconfig; sysconfig.get_path('purelib')");
  for (const w of wheels) py.unpackArchive(w, "wheel", { extractDir: site });
  for (const [rel, text] of Object.entries(sources)) {
    const dest = "/app/" + rel;
    py.FS.mkdirTree(dest.slice(0, dest.lastIndexOf("/")));
    py.FS.writeFile(dest, text);
  }
  py.runPython("import sys; sys.path.insert(0, '/app')");
  return py.pyimport("entry").on_fetch;
}

export default {
  async fetch(request, env, ctx) {
    let onFetch;
    try {
      onFetch = await (ready ??= boot());
    } catch (e) {
      ready = undefined;
      return new Response("shim: Pyodide failed to start: " + (e?.stack ?? e), { status: 500 });
    }
    try {
      return await onFetch(request, env, ctx);
    } catch (e) {
      return new Response("shim: the Python Worker raised: " + (e?.message ?? e), { status: 500 });
    }
  },
};
