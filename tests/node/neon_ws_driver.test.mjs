// The official @neondatabase/serverless driver in WebSocket mode (Pool / Client) against the WebSocket
// side of our local Neon-compatible endpoint (`prisma-edge dev neon`, same port as /sql, path /v2).
//
// The driver runs with its defaults (pipelineConnect "password", coalesceWrites), so if it is happy,
// the endpoint speaks Neon's proxy protocol: cleartext password asked for, startup + password + first
// query accepted in one WebSocket message. Writes are checked in PostgreSQL through psycopg.
//
// run: node --test tests/node/    (needs PostgreSQL on 127.0.0.1:5432 with user postgres, or
// PRISMA_EDGE_PG_*; the Python used for the endpoint is PRISMA_EDGE_PYTHON or .venv/bin/python)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import url from "node:url";
import { Pool, neonConfig } from "@neondatabase/serverless";
import ws from "ws";

const ROOT = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), "../..");
const PYTHON = process.env.PRISMA_EDGE_PYTHON || path.join(ROOT, ".venv/bin/python");
const ENV = { ...process.env, PYTHONPATH: [path.join(ROOT, "src"), ROOT, process.env.PYTHONPATH].filter(Boolean).join(path.delimiter) };
const DB = `pe_neon_ws_node_${process.pid}_${Date.now().toString(36)}`;
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

function oracle(sql, db = DB) {
  const r = spawnSync(PYTHON, ["-c", ORACLE, db, sql], { env: ENV, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`PostgreSQL oracle failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

let server;
let httpUrl;
let wsProxy;
let databaseUrl;
let skipReason = null;

before(async () => {
  try {
    oracle(`CREATE DATABASE "${DB}"`, "postgres");
  } catch (e) {
    if (process.env.CI === "true") throw e;
    skipReason = `PostgreSQL not reachable: ${e.message.split("\n").slice(-2).join(" ")}`;
    return;
  }
  oracle(`CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL UNIQUE, qty bigint, price numeric(12,2),
          data bytea, at timestamptz, doc jsonb, tags text[], flag boolean)`);
  const dbUrl = `postgresql://${PG_USER}@${PG_HOST}:${PG_PORT}/${DB}`;
  server = spawn(PYTHON, ["-m", "prisma_edge.cli", "dev", "neon", "--database", dbUrl], {
    env: ENV, stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  server.stderr.on("data", (c) => (stderr += c));
  [httpUrl, wsProxy, databaseUrl] = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`endpoint did not start: ${stderr}`)), 20000);
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const h = out.match(/^NEON_HTTP_URL=(\S+)$/m);
      const w = out.match(/^NEON_WS_PROXY=(\S+)$/m);
      const d = out.match(/^DATABASE_URL=(\S+)$/m);
      if (h && w && d) { clearTimeout(timer); resolve([h[1], w[1], d[1]]); }
    });
    server.on("exit", (code) => { clearTimeout(timer); reject(new Error(`endpoint exited ${code}: ${stderr}`)); });
  });
  neonConfig.webSocketConstructor = ws;
  neonConfig.useSecureWebSocket = false;
  neonConfig.wsProxy = () => wsProxy; // the function form, as for a local proxy: "127.0.0.1:PORT/v2"
});

after(async () => {
  if (server) {
    const exited = new Promise((resolve) => server.on("exit", resolve));
    server.kill("SIGINT");
    await exited;
  }
  if (!skipReason) oracle(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`, "postgres");
});

function t(name, fn) {
  test(name, async (ctx) => {
    if (skipReason) return ctx.skip(skipReason);
    await fn();
  });
}

/** The endpoint's records of WebSocket connections made with this application_name. */
async function connections(app) {
  const r = await fetch(httpUrl.replace(/\/sql$/, "/_prisma_edge/stats"));
  return (await r.json()).websockets.recent.filter((c) => c.application_name === app);
}

function poolFor(app, extra = {}) {
  return new Pool({ connectionString: `${databaseUrl}?application_name=${app}`, ...extra });
}

t("Pool.query: connect + first query in one WebSocket message, writes land in PostgreSQL", async () => {
  const app = `pe-node-ws-${process.pid}-1`;
  const pool = poolFor(app);
  try {
    const name = `it's "q" \\ 😀 ünï`;
    const at = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678));
    const ins = await pool.query(
      "INSERT INTO item (id, name, qty, price, data, at, doc, tags, flag) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      [1, name, "9007199254740993", "12.50", Buffer.from([0, 1, 255]), at, JSON.stringify({ a: [1, "ü"] }), ["x", 'y"z', null], true],
    );
    assert.deepEqual(ins.rows, [{ id: 1 }]);
    const [conn] = await connections(app);
    assert.equal(conn.frames_received, 1); // startup + password + Parse/Bind/Describe/Execute/Sync
    assert.deepEqual(oracle("SELECT name, qty, price, encode(data, 'hex'), at, doc, tags, flag FROM item WHERE id = 1"),
      [[name, 9007199254740993, "12.50", "0001ff", "2024-01-02 03:04:05.678000+00:00", { a: [1, "ü"] }, ["x", 'y"z', null], true]]);

    const { rows: [row] } = await pool.query("SELECT * FROM item WHERE id = $1", [1]);
    assert.equal(row.name, name);
    assert.equal(row.qty, "9007199254740993");
    assert.equal(row.price, "12.50");
    assert.deepEqual([...row.data], [0, 1, 255]);
    assert.equal(row.at.toISOString(), "2024-01-02T03:04:05.678Z");
    assert.deepEqual(row.doc, { a: [1, "ü"] });
    assert.deepEqual(row.tags, ["x", 'y"z', null]);
    assert.equal(row.flag, true);

    const settings = await pool.query("SELECT current_setting('application_name') AS app, current_setting('TimeZone') AS tz");
    assert.deepEqual(settings.rows, [{ app, tz: "UTC" }]);
  } finally {
    await pool.end();
  }
});

t("interactive transaction through a pooled Client: commit, rollback, error", async () => {
  const pool = poolFor(`pe-node-ws-${process.pid}-2`);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("INSERT INTO item (id, name) VALUES ($1, $2)", [10, "ten"]);
    assert.deepEqual(oracle("SELECT count(*) FROM item WHERE id = 10"), [[0]]); // not committed yet
    await client.query("COMMIT");
    assert.deepEqual(oracle("SELECT name FROM item WHERE id = 10"), [["ten"]]);

    await client.query("BEGIN");
    await client.query("INSERT INTO item (id, name) VALUES ($1, $2)", [11, "eleven"]);
    await client.query("ROLLBACK");
    assert.deepEqual(oracle("SELECT count(*) FROM item WHERE id = 11"), [[0]]);

    await client.query("BEGIN");
    await client.query("INSERT INTO item (id, name) VALUES ($1, $2)", [12, "twelve"]);
    const err = await client.query("INSERT INTO item (id, name) VALUES ($1, $2)", [13, "ten"]).catch((e) => e);
    assert.equal(err.code, "23505");
    assert.equal(err.constraint, "item_name_key");
    await client.query("ROLLBACK");
    assert.deepEqual(oracle("SELECT count(*) FROM item WHERE id IN (12, 13)"), [[0]]);
  } finally {
    client.release();
    await pool.end();
  }
});

t("concurrent queries share the pool's sockets", async () => {
  const app = `pe-node-ws-${process.pid}-3`;
  const pool = poolFor(app, { max: 4 });
  try {
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => pool.query("SELECT $1::int AS n", [i])));
    assert.deepEqual(results.map((r) => r.rows[0].n), Array.from({ length: 100 }, (_, i) => i));
    const conns = await connections(app);
    assert.ok(conns.length >= 1 && conns.length <= 4, `${conns.length} sockets`);
  } finally {
    await pool.end();
  }
  for (let i = 0; i < 50 && (await connections(app)).some((c) => c.open); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok((await connections(app)).every((c) => !c.open), "pool.end() closes its sockets at the endpoint too");
});

t("a wrong password is refused with SQLSTATE 28P01", async () => {
  const bad = databaseUrl.replace(/:([^:@/]+)@/, ":not-the-password@");
  const pool = new Pool({ connectionString: bad });
  try {
    const err = await pool.query("SELECT 1").catch((e) => e);
    assert.ok(err instanceof Error);
    assert.equal(err.code, "28P01");
    assert.match(err.message, /password authentication failed/);
  } finally {
    await pool.end().catch(() => {});
  }
});
