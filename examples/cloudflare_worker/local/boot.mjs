// Boot npm Pyodide inside workerd (miniflare) the way Cloudflare's Python Workers start, for the
// offline runs of this repository: the example Workers (shim.mjs) and the test suite
// (wasm_tests/workerd_pytest.mjs). Cloudflare's own Python runtime downloads a pinned Pyodide
// bundle and cannot start offline (shared/reference/runtime.md section 3).
//
// What it reproduces of Cloudflare's runtime:
// - a start-up phase before any request ("the snapshot"): `snapshot(py, imports)` imports the
//   Worker's modules with Cloudflare's entropy rules on (cf_rules.py: os.urandom and `random`
//   raise OSError(EIO, ...) outside a request), then lifts them for requests;
// - `workers.import_from_javascript("cloudflare:sockets")` and `("cloudflare:workers")`, the
//   Python SDK's way to reach JavaScript modules (local/workers.py stands in for the SDK);
// - JSPI (WebAssembly stack switching), which Cloudflare's runtime has: workerd refuses to
//   compile WebAssembly from bytes, which Pyodide's JSPI support needs, so `new
//   WebAssembly.Module(bytes)` goes through workerd's unsafe-eval binding (`UNSAFE_EVAL`) here.
// Pyodide's own files are embedded modules; nothing is fetched.
import { loadPyodide } from "./pyodide.mjs";
import createPyodideModule from "./pyodide.asm.mjs";
import wasmModule from "./pyodide.asm.wasm";   // WebAssembly.Module (CompiledWasm module)
import stdlib from "./python_stdlib.zip";       // ArrayBuffer (Data module)
import lockText from "./pyodide-lock.json";      // text (Text module)
import * as sockets from "cloudflare:sockets";
import * as workersModule from "cloudflare:workers";

function allowWasmFromBytes(env) {
  if (!env?.UNSAFE_EVAL || WebAssembly.Module.prisma_edge_patched) return;
  const Original = WebAssembly.Module;
  function Module(bytes) { return env.UNSAFE_EVAL.newWasmModule(bytes); }
  Module.prototype = Original.prototype;
  Object.setPrototypeOf(Module, Original);
  Module.prisma_edge_patched = true;
  WebAssembly.Module = Module;
}

/**
 * A Pyodide with `wheels` (ArrayBuffers) unpacked into site-packages and `files` ({path: text})
 * written under `appDir` (on sys.path), and the JavaScript modules the `workers` stand-in offers.
 */
export async function bootPyodide({ env, wheels, files, appDir = "/app", pythonEnv = {} }) {
  globalThis.location ??= new URL("https://pyodide.invalid/");      // Pyodide resolves URLs against it
  globalThis.setImmediate ??= (f, ...a) => setTimeout(f, 0, ...a);   // else Emscripten uses addEventListener
  globalThis.clearImmediate ??= (id) => clearTimeout(id);
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (u, ...a) => {                            // Pyodide's own files are embedded
    const url = String(u instanceof Request ? u.url : u);
    if (!url.startsWith("https://pyodide.invalid/")) return realFetch(u, ...a);
    return url.endsWith("/python_stdlib.zip") ? new Response(stdlib) : new Response(null, { status: 404 });
  };
  const instantiate = WebAssembly.instantiate.bind(WebAssembly);
  WebAssembly.instantiateStreaming = async (_r, imports) =>
    ({ instance: await instantiate(wasmModule, imports), module: wasmModule });
  WebAssembly.instantiate = async (src, imports) => src instanceof WebAssembly.Module
    ? instantiate(src, imports) : { instance: await instantiate(wasmModule, imports), module: wasmModule };
  allowWasmFromBytes(env);
  const py = await loadPyodide({
    indexURL: "https://pyodide.invalid/", createPyodideModule, packageBaseUrl: "https://pyodide.invalid/",
    lockFileContents: typeof lockText === "string" ? JSON.parse(lockText) : lockText,
    env: { HOME: "/home/pyodide", ...pythonEnv },
  });
  const site = py.runPython("import sysconfig; sysconfig.get_path('purelib')");
  for (const w of wheels) py.unpackArchive(w, "wheel", { extractDir: site });
  for (const [rel, text] of Object.entries(files)) {
    const dest = `${appDir}/${rel}`;
    py.FS.mkdirTree(dest.slice(0, dest.lastIndexOf("/")));
    py.FS.writeFile(dest, text);
  }
  py.registerJsModule("_prisma_edge_js_modules", { "cloudflare:sockets": sockets, "cloudflare:workers": workersModule });
  py.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(appDir)})`);
  return py;
}

/**
 * Cloudflare's start-up phase: import `modules` (Python module names) with entropy refused, as
 * at deploy time, then allow it for requests. Throws the Python error if an import broke the rule.
 */
export function snapshot(py, modules) {
  const rules = py.pyimport("cf_rules");
  rules.before_top_level();
  try {
    for (const m of modules) py.pyimport(m);
  } finally {
    rules.before_first_request();
  }
}
