// Shared by the official-driver tests of the Neon endpoint (HTTP and WebSocket): a throwaway
// PostgreSQL database, `prisma-edge dev neon` in front of it, and a psycopg "oracle" that reads
// PostgreSQL directly, independent of the endpoint. Not a test file itself (no .test.mjs).
import { test, before, after } from "node:test";
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import url from "node:url";

const ROOT = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), "../..");
const PYTHON = process.env.PRISMA_EDGE_PYTHON || path.join(ROOT, ".venv/bin/python");
const ENV = { ...process.env, PYTHONPATH: [path.join(ROOT, "src"), ROOT, process.env.PYTHONPATH].filter(Boolean).join(path.delimiter) };
const PG_HOST = process.env.PRISMA_EDGE_PG_HOST || "127.0.0.1";
const PG_PORT = process.env.PRISMA_EDGE_PG_PORT || "5432";
const PG_USER = process.env.PRISMA_EDGE_PG_USER || "postgres";

// Runs SQL straight on PostgreSQL (psycopg), independent of the endpoint; returns rows as JSON.
const ORACLE = `
import json, os, sys, psycopg
url = f"postgresql://{os.environ.get('PRISMA_EDGE_PG_USER', 'postgres')}@{os.environ.get('PRISMA_EDGE_PG_HOST', '127.0.0.1')}:{os.environ.get('PRISMA_EDGE_PG_PORT', '5432')}/{sys.argv[1]}"
with psycopg.connect(url, autocommit=True, connect_timeout=5) as conn:
    cur = conn.execute(sys.argv[2])
    print(json.dumps([list(r) for r in cur.fetchall()] if cur.description else [], default=str))
`;

function runOracle(sql, db) {
  const r = spawnSync(PYTHON, ["-c", ORACLE, db, sql], { env: ENV, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`PostgreSQL oracle failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/**
 * Registers before/after hooks that create a database (with `schemaSql`), start the endpoint and
 * read the `KEY=value` lines it prints (`wanted`) and call `onReady(vars)`, then stop it and drop the
 * database. (One hook: Node 20 does not wait for one top-level `before` before starting the next.)
 * Returns { vars, oracle(sql), test(name, fn) }; `test` skips with the reason when PostgreSQL is
 * unreachable outside CI (in CI that is a failure).
 */
export function useNeonEndpoint(prefix, schemaSql, wanted = ["NEON_HTTP_URL", "DATABASE_URL"], onReady = () => {}) {
  const db = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const state = { vars: {}, skipReason: null, server: null };
  const oracle = (sql, target = db) => runOracle(sql, target);

  before(async () => {
    try {
      oracle(`CREATE DATABASE "${db}"`, "postgres");
    } catch (e) {
      if (process.env.CI === "true") throw e;
      state.skipReason = `PostgreSQL not reachable: ${e.message.split("\n").slice(-2).join(" ")}`;
      return;
    }
    oracle(schemaSql);
    const dbUrl = `postgresql://${PG_USER}@${PG_HOST}:${PG_PORT}/${db}`;
    const server = (state.server = spawn(PYTHON, ["-m", "prisma_edge.cli", "dev", "neon", "--database", dbUrl], {
      env: ENV, stdio: ["ignore", "pipe", "pipe"],
    }));
    let stderr = "";
    server.stderr.on("data", (c) => (stderr += c));
    await new Promise((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`endpoint did not start: ${stderr}`)), 20000);
      server.stdout.on("data", (chunk) => {
        out += chunk;
        for (const key of wanted) {
          const m = out.match(new RegExp(`^${key}=(\\S+)$`, "m"));
          if (m) state.vars[key] = m[1];
        }
        if (wanted.every((k) => k in state.vars)) { clearTimeout(timer); resolve(); }
      });
      server.on("exit", (code) => { clearTimeout(timer); reject(new Error(`endpoint exited ${code}: ${stderr}`)); });
    });
    onReady(state.vars);
  });

  after(async () => {
    if (state.server) {
      const exited = new Promise((resolve) => state.server.on("exit", resolve));
      state.server.kill("SIGINT");
      await exited;
    }
    if (!state.skipReason) oracle(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`, "postgres");
  });

  const t = (name, fn) => test(name, async (ctx) => {
    if (state.skipReason) return ctx.skip(state.skipReason);
    await fn();
  });
  return { vars: state.vars, oracle, test: t };
}
