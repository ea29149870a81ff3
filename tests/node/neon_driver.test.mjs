// The official @neondatabase/serverless driver (HTTP mode) against our local Neon-compatible endpoint.
//
// If the driver Neon ships is happy with `prisma-edge dev neon`, the endpoint speaks the real
// protocol. Writes are checked independently in PostgreSQL through psycopg (a spawned Python).
//
// run: node --test tests/node/    (needs PostgreSQL on 127.0.0.1:5432 with user postgres, or
// PRISMA_EDGE_PG_*; the Python used for the endpoint is PRISMA_EDGE_PYTHON or .venv/bin/python)
import assert from "node:assert/strict";
import { neon, neonConfig, NeonDbError, types } from "@neondatabase/serverless";
import { useNeonEndpoint } from "./neon_endpoint.mjs";

let endpointUrl;
let databaseUrl;
const ep = useNeonEndpoint("pe_neon_node", `CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL UNIQUE, qty bigint, price numeric(12,2),
          data bytea, at timestamptz, day date, doc jsonb, tags text[], flag boolean)`, undefined, (vars) => {
  ({ NEON_HTTP_URL: endpointUrl, DATABASE_URL: databaseUrl } = vars);
  neonConfig.fetchEndpoint = endpointUrl;
});
const { oracle } = ep;
const t = ep.test;

async function requestCount() {
  const r = await fetch(endpointUrl.replace(/\/sql$/, "/_prisma_edge/stats"));
  return (await r.json()).requests;
}

t("sql.query with $n parameters: writes land in PostgreSQL, reads come back typed", async () => {
  const sql = neon(databaseUrl);
  const name = `it's "q" \\ 😀 ünï`;
  const at = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678));
  const before = await requestCount();
  const ins = await sql.query(
    "INSERT INTO item (id, name, qty, price, data, at, day, doc, tags, flag) VALUES ($1, $2, $3, $4, $5::bytea, $6, $7, $8, $9, $10) RETURNING id",
    [1, name, 9007199254740993n, "12.50", Buffer.from([0, 1, 255]), at, "2024-02-29", JSON.stringify({ a: [1, "ü"] }), ["x", 'y"z', null], true],
  );
  assert.deepEqual(ins, [{ id: 1 }]);
  assert.equal(await requestCount(), before + 1);
  assert.deepEqual(oracle("SELECT name, qty, price, encode(data, 'hex'), at, doc, tags, flag FROM item WHERE id = 1"),
    [[name, 9007199254740993, "12.50", "0001ff", "2024-01-02 03:04:05.678000+00:00", { a: [1, "ü"] }, ["x", 'y"z', null], true]]);

  const [row] = await sql.query("SELECT * FROM item WHERE id = $1", [1]);
  assert.equal(row.name, name);
  assert.equal(row.qty, "9007199254740993"); // int8 stays a string in the driver
  assert.equal(row.price, "12.50");
  assert.deepEqual([...row.data], [0, 1, 255]);
  assert.equal(row.at.toISOString(), "2024-01-02T03:04:05.678Z");
  assert.deepEqual(row.doc, { a: [1, "ü"] });
  assert.deepEqual(row.tags, ["x", 'y"z', null]);
  assert.equal(row.flag, true);
});

t("tagged templates, arrayMode, fullResults and custom types", async () => {
  const sql = neon(databaseUrl);
  const n = 41;
  assert.deepEqual(await sql`SELECT ${n}::int + 1 AS answer, ${"x"} AS s`, [{ answer: 42, s: "x" }]);

  const arr = await sql.query("SELECT 1::int AS a, 'b' AS b", [], { arrayMode: true });
  assert.deepEqual(arr, [[1, "b"]]);

  const full = await sql.query("SELECT generate_series(1, 3)::int AS g", [], { fullResults: true });
  assert.equal(full.command, "SELECT");
  assert.equal(full.rowCount, 3);
  assert.deepEqual(full.rows, [{ g: 1 }, { g: 2 }, { g: 3 }]);
  assert.deepEqual(full.fields.map((f) => [f.name, f.dataTypeID, f.format]), [["g", 23, "text"]]);

  const bigints = { getTypeParser: (oid, fmt) => (oid === 20 ? BigInt : types.getTypeParser(oid, fmt)) };
  const [{ big }] = await sql.query("SELECT 9223372036854775807::int8 AS big", [], { types: bigints });
  assert.equal(big, 9223372036854775807n);

  const upd = await sql.query("UPDATE item SET qty = qty WHERE id > $1", [-1], { fullResults: true });
  assert.equal(upd.command, "UPDATE");
  assert.equal(typeof upd.rowCount, "number");
});

t("the driver's application_name reaches PostgreSQL and the session runs in UTC", async () => {
  const sql = neon(databaseUrl);
  const [row] = await sql`SELECT current_setting('application_name') AS app, current_setting('TimeZone') AS tz`;
  // the driver form-encodes an already %-encoded value; one decoding (as Neon's proxy does) leaves %40
  assert.match(row.app, /^pkg:npm\/%40neondatabase\/serverless@\d/);
  assert.equal(row.tz, "UTC");
});

t("sql.transaction: one request, atomic, with isolation and read-only options", async () => {
  const sql = neon(databaseUrl);
  const before = await requestCount();
  const [a, b, c] = await sql.transaction([
    sql`INSERT INTO item (id, name) VALUES (10, 'ten') RETURNING id`,
    sql`INSERT INTO item (id, name) VALUES (11, 'eleven') RETURNING id`,
    sql`SELECT count(*)::int AS n FROM item WHERE id >= 10`,
  ]);
  assert.deepEqual([a, b, c], [[{ id: 10 }], [{ id: 11 }], [{ n: 2 }]]);
  assert.equal(await requestCount(), before + 1);

  await assert.rejects(
    sql.transaction((tx) => [
      tx`INSERT INTO item (id, name) VALUES (20, 'twenty')`,
      tx`INSERT INTO item (id, name) VALUES (21, 'twenty-one')`,
      tx`INSERT INTO item (id, name) VALUES (22, 'ten')`, // duplicate name: the whole batch rolls back
    ]),
    (e) => e instanceof NeonDbError && e.code === "23505" && e.constraint === "item_name_key",
  );
  assert.deepEqual(oracle("SELECT count(*) FROM item WHERE id >= 20"), [[0]]);

  const [[iso], [ro]] = await sql.transaction(
    (tx) => [tx`SELECT current_setting('transaction_isolation') AS v`, tx`SELECT current_setting('transaction_read_only') AS v`],
    { isolationLevel: "Serializable", readOnly: true, deferrable: true },
  );
  assert.deepEqual([iso.v, ro.v], ["serializable", "on"]);
  await assert.rejects(
    sql.transaction((tx) => [tx`INSERT INTO item (id, name) VALUES (30, 'ro')`], { readOnly: true }),
    (e) => e instanceof NeonDbError && e.code === "25006",
  );
});

t("database errors carry PostgreSQL's fields (NeonDbError)", async () => {
  const sql = neon(databaseUrl);
  await sql`INSERT INTO item (id, name) VALUES (40, 'dup') ON CONFLICT DO NOTHING`;
  const err = await sql`INSERT INTO item (id, name) VALUES (41, 'dup')`.catch((e) => e);
  assert.ok(err instanceof NeonDbError);
  assert.equal(err.name, "NeonDbError");
  assert.equal(err.code, "23505");
  assert.equal(err.detail, "Key (name)=(dup) already exists.");
  assert.equal(err.table, "item");
  assert.equal(err.schema, "public");
  assert.equal(err.constraint, "item_name_key");
  assert.equal(err.severity, "ERROR");

  const nn = await sql`INSERT INTO item (id) VALUES (42)`.catch((e) => e);
  assert.equal(nn.code, "23502");
  assert.equal(nn.column, "name");

  const syntax = await sql.query("SELEC 1").catch((e) => e);
  assert.equal(syntax.code, "42601");
  assert.equal(syntax.position, "1");
  const multi = await sql.query("SELECT 1; SELECT 2").catch((e) => e);
  assert.equal(multi.code, "42601"); // one statement per query, as on Neon
});

t("a wrong password is refused without touching the data", async () => {
  const bad = databaseUrl.replace(/:[^:@/]+@/, ":not-the-password@");
  const err = await neon(bad)`SELECT 1`.catch((e) => e);
  assert.ok(err instanceof NeonDbError);
  assert.equal(err.code, "28P01");
  assert.match(err.message, /password authentication failed/);
  assert.ok(!err.message.includes("not-the-password"));
});
