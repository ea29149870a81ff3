// Serve a Worker built by build.py in workerd through miniflare (npm), offline, on 127.0.0.1.
//
// usage: node host.mjs CONFIG.json       (prints "READY <url>", serves until stdin closes)
//
// CONFIG: {"root": dir of the modules, "modules": [[type, path relative to root], ...] (the first
// is the entry), "compatibilityDate", "bindings": {name: text}, "d1Databases": [name],
// "d1Persist": dir, "d1Migrations": {binding: [sql file, ...]}, "hyperdrives": {name: url},
// "port": 0}. Module types as miniflare names them: ESModule, CompiledWasm, Data, Text.
// miniflare emulates D1 (a Durable Object over SQLite, like `wrangler dev`) and Hyperdrive (the
// binding's host is routed to a local proxy in front of the real PostgreSQL), and gives the
// Worker workerd's unsafe-eval binding as UNSAFE_EVAL (boot.mjs needs it for JSPI).
import fs from "node:fs";
import path from "node:path";
import { Miniflare } from "miniflare";

const config = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const modules = config.modules.map(([type, rel]) => {
  const file = path.join(config.root, rel);
  const contents = type === "ESModule" || type === "Text" ? fs.readFileSync(file, "utf8") : fs.readFileSync(file);
  return { type, path: file, contents };
});
const mf = new Miniflare({
  modules,
  modulesRoot: config.root,
  compatibilityDate: config.compatibilityDate,
  bindings: config.bindings ?? {},
  d1Databases: config.d1Databases ?? [],
  d1Persist: config.d1Persist ?? false,
  hyperdrives: config.hyperdrives ?? {},
  unsafeEvalBinding: "UNSAFE_EVAL",
  host: "127.0.0.1",
  port: config.port ?? 0,
});
const url = await mf.ready;
for (const [binding, files] of Object.entries(config.d1Migrations ?? {})) {
  const db = await mf.getD1Database(binding);            // as `wrangler d1 migrations apply --local`
  for (const file of files) {
    const statements = fs.readFileSync(file, "utf8").split(/;\s*\n/).map((s) => s.trim()).filter(Boolean);
    await db.batch(statements.map((s) => db.prepare(s)));
  }
}
process.stdout.write(`READY ${url.href.replace(/\/$/, "")}\n`);
process.stdin.resume();
process.stdin.on("end", async () => { await mf.dispose(); process.exit(0); });
process.on("SIGTERM", async () => { await mf.dispose(); process.exit(0); });
