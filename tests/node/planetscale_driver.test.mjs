// The official @planetscale/database driver against our local PlanetScale-compatible endpoint.
//
// If the driver PlanetScale ships is happy with `prisma-edge dev planetscale`, the endpoint speaks
// the real protocol. Every write is checked independently in MariaDB through PyMySQL.
//
// run: node --test tests/node/    (needs MariaDB on 127.0.0.1:3306, or PRISMA_EDGE_MYSQL_*; the
// Python used for the endpoint is PRISMA_EDGE_PYTHON or .venv/bin/python)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import url from "node:url";
import { connect, DatabaseError } from "@planetscale/database";

const ROOT = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), "../..");
const PYTHON = process.env.PRISMA_EDGE_PYTHON || path.join(ROOT, ".venv/bin/python");
const ENV = { ...process.env, PYTHONPATH: [path.join(ROOT, "src"), ROOT, process.env.PYTHONPATH].filter(Boolean).join(path.delimiter) };
const DB = `pe_node_${process.pid}_${Date.now().toString(36)}`;

// Runs SQL straight on MariaDB (PyMySQL), independent of the endpoint; returns rows as JSON.
const ORACLE = `
import json, os, sys, pymysql
conn = pymysql.connect(host=os.environ.get("PRISMA_EDGE_MYSQL_HOST", "127.0.0.1"),
    port=int(os.environ.get("PRISMA_EDGE_MYSQL_PORT", "3306")), user=os.environ.get("PRISMA_EDGE_MYSQL_USER", "root"),
    password=os.environ.get("PRISMA_EDGE_MYSQL_PASSWORD", ""), database=sys.argv[1] or None,
    charset="utf8mb4", autocommit=True, connect_timeout=5)
with conn.cursor() as cur:
    cur.execute(sys.argv[2])
    print(json.dumps([list(r) for r in cur.fetchall()], default=str))
`;

function oracle(sql, db = DB) {
  const r = spawnSync(PYTHON, ["-c", ORACLE, db, sql], { env: ENV, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`MariaDB oracle failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function mysqlUrl() {
  const user = process.env.PRISMA_EDGE_MYSQL_USER || "root";
  const pass = process.env.PRISMA_EDGE_MYSQL_PASSWORD || "";
  const host = process.env.PRISMA_EDGE_MYSQL_HOST || "127.0.0.1";
  const port = process.env.PRISMA_EDGE_MYSQL_PORT || "3306";
  const auth = encodeURIComponent(user) + (pass ? ":" + encodeURIComponent(pass) : "");
  return `mysql://${auth}@${host}:${port}/${DB}`;
}

let server;
let endpointUrl;
let skipReason = null;

before(async () => {
  try {
    oracle(`CREATE DATABASE \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`, "");
  } catch (e) {
    if (process.env.CI === "true") throw e;
    skipReason = `MariaDB not reachable: ${e.message.split("\n").slice(-2).join(" ")}`;
    return;
  }
  oracle(`CREATE TABLE item (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(191) NOT NULL UNIQUE,
          qty BIGINT, price DECIMAL(12,2), data BLOB, at DATETIME(3), day DATE, doc JSON, flag TINYINT(1))`);
  server = spawn(PYTHON, ["-m", "prisma_edge.cli", "dev", "planetscale", "--database", mysqlUrl()], {
    env: ENV, stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  server.stderr.on("data", (c) => (stderr += c));
  endpointUrl = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`endpoint did not start: ${stderr}`)), 20000);
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/^(http:\/\/\S+)$/m);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    server.on("exit", (code) => { clearTimeout(timer); reject(new Error(`endpoint exited ${code}: ${stderr}`)); });
  });
});

after(() => {
  if (server) server.kill("SIGINT");
  if (!skipReason) oracle(`DROP DATABASE IF EXISTS \`${DB}\``, "");
});

function t(name, fn) {
  test(name, async (ctx) => {
    if (skipReason) return ctx.skip(skipReason);
    await fn();
  });
}

t("positional ? parameters: insert hostile text, read it back", async () => {
  const conn = connect({ url: endpointUrl });
  const name = `it's "q" \\ ; -- /* ? */ 😀 \u0000`;
  const ins = await conn.execute("INSERT INTO item (name, qty, price) VALUES (?, ?, ?)", [name, 9007199254740993n, "12.50"]);
  assert.equal(ins.rowsAffected, 1);
  assert.ok(Number(ins.insertId) > 0);
  const sel = await conn.execute("SELECT id, name, qty, price FROM item WHERE name = ?", [name]);
  assert.equal(sel.size, 1);
  assert.deepEqual(sel.rows[0], { id: Number(ins.insertId), name, qty: "9007199254740993", price: "12.50" });
  assert.deepEqual(sel.headers, ["id", "name", "qty", "price"]);
  assert.equal(sel.types.qty, "INT64");
  assert.equal(sel.types.price, "DECIMAL");
  assert.deepEqual(oracle(`SELECT name, qty FROM item WHERE id = ${Number(ins.insertId)}`), [[name, 9007199254740993]]);
});

t("named :params and every column type decoded by the driver", async () => {
  const conn = connect({ url: endpointUrl });
  await conn.execute(
    "INSERT INTO item (name, qty, data, at, day, doc, flag) VALUES (:name, :qty, :data, :at, :day, :doc, :flag)",
    { name: "typed", qty: -5, data: new Uint8Array([0, 1, 255]), at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)),
      day: "2024-02-29", doc: JSON.stringify({ a: [1, "ü"] }), flag: true },
  );
  const r = await conn.execute("SELECT qty, data, at, day, doc, flag, NULL AS nothing FROM item WHERE name = :n", { n: "typed" });
  const row = r.rows[0];
  assert.equal(row.qty, "-5");
  assert.deepEqual(Array.from(row.data), [0, 1, 255]);
  assert.equal(row.at, "2024-01-02 03:04:05.006");
  assert.equal(row.day, "2024-02-29");
  assert.deepEqual(JSON.parse(row.doc), { a: [1, "ü"] }); // MariaDB reports JSON as text (protocols.md C.10)
  assert.equal(row.flag, 1);
  assert.equal(row.nothing, null);
  assert.equal(r.types.nothing, "NULL");
  assert.equal(r.types.data, "BLOB");
});

t("a connection keeps its session between calls", async () => {
  const conn = connect({ url: endpointUrl });
  await conn.execute("SET @answer = 42");
  const r = await conn.execute("SELECT @answer AS a, @@session.time_zone AS tz");
  assert.deepEqual(r.rows[0], { a: "42", tz: "+00:00" }); // a BIGINT user variable: INT64, a string in database-js
  await conn.refresh(); // CreateSession
  const fresh = await conn.execute("SELECT @answer AS a");
  assert.equal(fresh.rows[0].a, null);
});

t("transaction commits", async () => {
  const conn = connect({ url: endpointUrl });
  const out = await conn.transaction(async (tx) => {
    await tx.execute("INSERT INTO item (name) VALUES (?)", ["tx-a"]);
    await tx.execute("INSERT INTO item (name) VALUES (?)", ["tx-b"]);
    const inside = await tx.execute("SELECT COUNT(*) AS n FROM item WHERE name LIKE 'tx-%'");
    return inside.rows[0].n;
  });
  assert.equal(out, "2");
  assert.deepEqual(oracle("SELECT name FROM item WHERE name LIKE 'tx-%' ORDER BY name"), [["tx-a"], ["tx-b"]]);
});

t("transaction rolls back when the callback throws", async () => {
  const conn = connect({ url: endpointUrl });
  await assert.rejects(
    conn.transaction(async (tx) => {
      await tx.execute("INSERT INTO item (name) VALUES (?)", ["rb-a"]);
      assert.deepEqual(oracle("SELECT COUNT(*) FROM item WHERE name = 'rb-a'"), [[0]]); // not visible outside yet
      throw new Error("boom");
    }),
    /boom/,
  );
  assert.deepEqual(oracle("SELECT COUNT(*) FROM item WHERE name LIKE 'rb-%'"), [[0]]);
});

t("SQL errors: DatabaseError with MySQL's message, errno and vtrpc code", async () => {
  const conn = connect({ url: endpointUrl });
  await conn.execute("INSERT INTO item (name) VALUES (?)", ["dup"]);
  await assert.rejects(conn.execute("INSERT INTO item (name) VALUES (?)", ["dup"]), (e) => {
    assert.ok(e instanceof DatabaseError);
    assert.equal(e.status, 400);
    assert.equal(e.body.code, "ALREADY_EXISTS");
    assert.match(e.message, /^Duplicate entry 'dup' for key 'name' \(errno 1062\) \(sqlstate 23000\)$/);
    return true;
  });
  await assert.rejects(conn.execute("SELECT * FROM missing_table"), (e) => {
    assert.equal(e.body.code, "NOT_FOUND");
    assert.match(e.message, /\(errno 1146\) \(sqlstate 42S02\)$/);
    return true;
  });
  // the session survives an error
  const ok = await conn.execute("SELECT 1 AS one");
  assert.equal(ok.rows[0].one, 1);
});

t("wrong password: DatabaseError 401 unauthenticated, nothing executed", async () => {
  const bad = new URL(endpointUrl);
  bad.password = "wrong-password";
  const conn = connect({ url: bad.toString() });
  await assert.rejects(conn.execute("INSERT INTO item (name) VALUES ('never')"), (e) => {
    assert.ok(e instanceof DatabaseError);
    assert.equal(e.status, 401);
    assert.equal(e.body.code, "unauthenticated");
    assert.ok(!e.message.includes("wrong-password"));
    return true;
  });
  assert.deepEqual(oracle("SELECT COUNT(*) FROM item WHERE name = 'never'"), [[0]]);
});
