// The official @libsql/client (Turso's driver) against our local libSQL endpoint (`prisma-edge dev libsql`).
//
// If the driver Turso ships is happy with the endpoint, the endpoint speaks the real Hrana protocol.
// @libsql/client 0.18 speaks Hrana 2 over JSON on HTTP (`/v2/pipeline`); its own @libsql/hrana-client,
// asked for Hrana 3, checks `GET /v3-protobuf` and speaks Protobuf: both are run here. Every write
// is checked independently in the SQLite file through Python's sqlite3.
//
// run: node --test tests/node/    (the Python used for the endpoint is PRISMA_EDGE_PYTHON or .venv/bin/python)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import url from "node:url";
import { createClient, LibsqlError } from "@libsql/client";
import * as hrana from "@libsql/hrana-client";

const ROOT = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), "../..");
const PYTHON = process.env.PRISMA_EDGE_PYTHON || path.join(ROOT, ".venv/bin/python");
const ENV = { ...process.env, PYTHONPATH: [path.join(ROOT, "src"), ROOT, process.env.PYTHONPATH].filter(Boolean).join(path.delimiter) };
const DIR = fs.mkdtempSync(path.join(os.tmpdir(), "pe-libsql-"));
const TOKEN = crypto.randomBytes(18).toString("base64url");

// Runs SQL straight on the SQLite file (Python's sqlite3), independent of the endpoint.
const ORACLE = `
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
rows = conn.execute(sys.argv[2]).fetchall()
print(json.dumps([[v.hex() if isinstance(v, bytes) else str(v) if isinstance(v, int) else v for v in r] for r in rows]))
`;

function oracle(file, sql) {
  const r = spawnSync(PYTHON, ["-c", ORACLE, file, sql], { env: ENV, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`sqlite3 oracle failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const servers = [];

async function serve(file) {
  const server = spawn(PYTHON, ["-m", "prisma_edge.cli", "dev", "libsql", "--database", file, "--auth-token", TOKEN], {
    env: ENV, stdio: ["ignore", "pipe", "pipe"],
  });
  servers.push(server);
  let stderr = "";
  server.stderr.on("data", (c) => (stderr += c));
  return await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`endpoint did not start: ${stderr}`)), 20000);
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/^LIBSQL_URL=(\S+)$/m);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    server.on("exit", (code) => { clearTimeout(timer); reject(new Error(`endpoint exited ${code}: ${stderr}`)); });
  });
}

const FILE = path.join(DIR, "test.db");
let URL_;

before(async () => {
  URL_ = await serve(FILE);
});

after(() => {
  for (const s of servers) s.kill("SIGINT");
  fs.rmSync(DIR, { recursive: true, force: true });
});

{
  const encoding = "@libsql/client";
  const client = (opts = {}) => createClient({ url: URL_, authToken: TOKEN, intMode: "bigint", ...opts });
  const check = (sql) => oracle(FILE, sql);
  const table = (name) => `${name}_client`;

  test(`${encoding}: exact values both ways (64-bit integers, floats, text, blobs, NULL)`, async () => {
    const db = client();
    const t = table("vals");
    await db.execute(`CREATE TABLE ${t} (id INTEGER PRIMARY KEY, i INTEGER, f REAL, s TEXT, b BLOB, n TEXT)`);
    const big = 9223372036854775807n, small = -9007199254740993n;
    const text = `it's "q" \\ ; -- ? 😀 ü`;
    const ins = await db.execute({ sql: `INSERT INTO ${t} (i, f, s, b, n) VALUES (?, ?, ?, ?, ?)`,
      args: [big, 0.1 + 0.2, text, new Uint8Array([0, 1, 255]), null] });
    assert.equal(ins.rowsAffected, 1);
    assert.equal(ins.lastInsertRowid, 1n);
    await db.execute({ sql: `INSERT INTO ${t} (i) VALUES (:v)`, args: { v: small } });
    const r = await db.execute(`SELECT i, f, s, b, n, typeof(i) AS ti, typeof(f) AS tf, typeof(b) AS tb FROM ${t} ORDER BY id`);
    assert.deepEqual(r.columns, ["i", "f", "s", "b", "n", "ti", "tf", "tb"]);
    const row = r.rows[0];
    assert.equal(row.i, big);
    assert.equal(row.f, 0.1 + 0.2);
    assert.equal(row.s, text);
    assert.deepEqual(Array.from(new Uint8Array(row.b)), [0, 1, 255]);
    assert.equal(row.n, null);
    assert.deepEqual([row.ti, row.tf, row.tb], ["integer", "real", "blob"]);
    assert.equal(r.rows[1].i, small);
    assert.deepEqual(check(`SELECT i, s, hex(b) FROM ${t} ORDER BY id`), [[big.toString(), text, "0001FF"], [small.toString(), null, ""]]);
    db.close();
  });

  test(`${encoding}: batch("write") is atomic: a failing statement rolls back the whole batch`, async () => {
    const db = client();
    const t = table("batch");
    await db.execute(`CREATE TABLE ${t} (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)`);
    const ok = await db.batch([
      { sql: `INSERT INTO ${t} (name) VALUES (?)`, args: ["a"] },
      { sql: `INSERT INTO ${t} (name) VALUES (?)`, args: ["b"] },
      `SELECT count(*) AS c FROM ${t}`,
    ], "write");
    assert.equal(ok[2].rows[0].c, 2n);
    await assert.rejects(db.batch([
      { sql: `INSERT INTO ${t} (name) VALUES (?)`, args: ["c"] },
      { sql: `INSERT INTO ${t} (name) VALUES (?)`, args: ["a"] },
    ], "write"), (e) => {
      assert.ok(e instanceof LibsqlError);
      assert.match(e.message, /UNIQUE constraint failed: batch_client\.name/);
      assert.match(e.code, /^SQLITE_CONSTRAINT/);
      return true;
    });
    assert.deepEqual(check(`SELECT name FROM ${t} ORDER BY id`), [["a"], ["b"]]);
    db.close();
  });

  test(`${encoding}: interactive transaction over one stream (baton): commit and rollback`, async () => {
    const db = client();
    const t = table("tx");
    await db.execute(`CREATE TABLE ${t} (id INTEGER PRIMARY KEY, name TEXT)`);
    const tx = await db.transaction("write");
    await tx.execute({ sql: `INSERT INTO ${t} (name) VALUES (?)`, args: ["in-tx"] });
    const inside = await tx.execute(`SELECT count(*) AS c FROM ${t}`);
    assert.equal(inside.rows[0].c, 1n);
    assert.deepEqual(check(`SELECT count(*) FROM ${t}`), [["0"]]); // not visible outside before COMMIT
    await tx.commit();
    assert.deepEqual(check(`SELECT name FROM ${t}`), [["in-tx"]]);
    const tx2 = await db.transaction("write");
    await tx2.execute({ sql: `INSERT INTO ${t} (name) VALUES (?)`, args: ["rolled-back"] });
    await tx2.rollback();
    assert.deepEqual(check(`SELECT name FROM ${t}`), [["in-tx"]]);
    db.close();
  });

  test(`${encoding}: executeMultiple runs a script; SQL errors keep SQLite's message`, async () => {
    const db = client();
    const t = table("script");
    await db.executeMultiple(`CREATE TABLE ${t} (id INTEGER PRIMARY KEY, v TEXT); INSERT INTO ${t} (v) VALUES ('x;y');
                              INSERT INTO ${t} (v) VALUES ('z');`);
    assert.deepEqual(check(`SELECT v FROM ${t} ORDER BY id`), [["x;y"], ["z"]]);
    await assert.rejects(db.execute("SELECT * FROM no_such_table"), (e) => {
      assert.ok(e instanceof LibsqlError);
      assert.match(e.message, /no such table: no_such_table/);
      return true;
    });
    const after = await db.execute("SELECT 1 AS one");
    assert.equal(after.rows[0].one, 1n);
    db.close();
  });

  test(`${encoding}: a wrong auth token is refused and runs nothing`, async () => {
    const db = client({ authToken: "wrong-token" });
    const t = table("auth");
    await assert.rejects(db.execute(`CREATE TABLE ${t} (id INTEGER)`), (e) => {
      assert.ok(!String(e.message).includes(TOKEN));
      assert.match(String(e.message), /401|Unauthorized/);
      return true;
    });
    db.close();
    assert.deepEqual(check(`SELECT count(*) FROM sqlite_master WHERE name = '${t}'`), [["0"]]);
  });
}

test("@libsql/hrana-client, Hrana 3 over Protobuf: conditional batch, is_autocommit, baton, stored SQL", async () => {
  const client = hrana.openHttp(URL_, TOKEN, undefined, undefined, 3);
  client.intMode = "bigint";
  assert.equal(await client.getVersion(), 3); // the server answered GET /v3-protobuf
  const stream = client.openStream();
  await stream.run("CREATE TABLE pb (id INTEGER PRIMARY KEY, v INTEGER NOT NULL UNIQUE, b BLOB)");
  // the same steps @libsql/client sends for a write batch: BEGIN, statements on ok + not autocommit, COMMIT, ROLLBACK
  const batch = stream.batch(false);
  const begin = batch.step();
  begin.run("BEGIN IMMEDIATE");
  const a = batch.step().condition(hrana.BatchCond.ok(begin));
  a.run(new hrana.Stmt("INSERT INTO pb (v, b) VALUES (?, ?)").bindIndexes([9223372036854775807n, new Uint8Array([7, 0, 9])]));
  const dup = batch.step().condition(hrana.BatchCond.and(batch, [hrana.BatchCond.ok(a), hrana.BatchCond.not(hrana.BatchCond.isAutocommit(batch))]));
  const dupDone = dup.run(new hrana.Stmt("INSERT INTO pb (v) VALUES (?)").bindIndexes([9223372036854775807n]));
  dupDone.catch(() => undefined);
  const commit = batch.step().condition(hrana.BatchCond.ok(dup));
  const commitDone = commit.run("COMMIT");
  commitDone.catch(() => undefined);
  const rollback = batch.step().condition(hrana.BatchCond.not(hrana.BatchCond.ok(commit)));
  rollback.run("ROLLBACK");
  await batch.execute();
  await assert.rejects(dupDone, /UNIQUE constraint failed: pb\.v/);
  assert.equal(await commitDone, undefined); // skipped: its condition was false
  assert.equal(await stream.getAutocommit(), true); // the ROLLBACK ran
  assert.deepEqual(oracle(FILE, "SELECT count(*) FROM pb"), [["0"]]);
  // the stream (baton) keeps a transaction open across requests
  await stream.run("BEGIN");
  assert.equal(await stream.getAutocommit(), false);
  const sql = stream.storeSql("INSERT INTO pb (v, b) VALUES (?, ?)");
  await stream.run(new hrana.Stmt(sql).bindIndexes([-9007199254740993n, new Uint8Array([1, 2])]));
  assert.deepEqual(oracle(FILE, "SELECT count(*) FROM pb"), [["0"]]);
  await stream.run("COMMIT");
  const { row } = await stream.queryRow("SELECT v, b, typeof(v) AS t FROM pb");
  assert.equal(row.v, -9007199254740993n);
  assert.deepEqual(Array.from(new Uint8Array(row.b)), [1, 2]);
  assert.equal(row.t, "integer");
  stream.closeGracefully();
  client.close();
  assert.deepEqual(oracle(FILE, "SELECT v FROM pb"), [["-9007199254740993"]]);
});
