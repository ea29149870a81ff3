// The official @neondatabase/serverless driver in WebSocket mode (Pool / Client) against the WebSocket
// side of our local Neon-compatible endpoint (`prisma-edge dev neon`, same port as /sql, path /v2).
//
// The driver runs with its defaults (pipelineConnect "password", coalesceWrites), so if it is happy,
// the endpoint speaks Neon's proxy protocol: cleartext password asked for, startup + password + first
// query accepted in one WebSocket message. Writes are checked in PostgreSQL through psycopg.
//
// run: node --test tests/node/    (needs PostgreSQL on 127.0.0.1:5432 with user postgres, or
// PRISMA_EDGE_PG_*; the Python used for the endpoint is PRISMA_EDGE_PYTHON or .venv/bin/python)
import assert from "node:assert/strict";
import { Pool, neonConfig } from "@neondatabase/serverless";
import ws from "ws";
import { useNeonEndpoint } from "./neon_endpoint.mjs";

let httpUrl;
let wsProxy;
let databaseUrl;
const ep = useNeonEndpoint("pe_neon_ws_node", `CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL UNIQUE, qty bigint, price numeric(12,2),
          data bytea, at timestamptz, doc jsonb, tags text[], flag boolean)`, ["NEON_HTTP_URL", "NEON_WS_PROXY", "DATABASE_URL"], (vars) => {
  ({ NEON_HTTP_URL: httpUrl, NEON_WS_PROXY: wsProxy, DATABASE_URL: databaseUrl } = vars);
  neonConfig.webSocketConstructor = ws;
  neonConfig.useSecureWebSocket = false;
  neonConfig.wsProxy = () => wsProxy; // the function form, as for a local proxy: "127.0.0.1:PORT/v2"
});
const { oracle } = ep;
const t = ep.test;

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
