#!/usr/bin/env node
// Drive Prisma's own schema engine (@prisma/schema-engine-wasm) offline, through a driver adapter,
// to get the DDL and migration SQL Prisma writes. See README.md beside this file.
//
//   node se.mjs diff-empty <provider> <schema>...        SQL from an empty database to the schema
//                                                        (= prisma migrate diff --from-empty --to-schema S --script)
//   node se.mjs diff <provider> <from> <to>              SQL from one datamodel to another
//                                                        (= prisma migrate diff --from-schema A --to-schema B --script)
//   node se.mjs apply <provider> <schema> <migrations dir>  prisma migrate deploy into SE_PG_URL / SE_SQLITE_URL
//   node se.mjs diff-url <provider> <schema>...          SQL from the live database (SE_PG_URL / SE_SQLITE_URL) to the schema
//                                                        (= prisma migrate diff --from-config-datasource --to-schema S --script)
//   node se.mjs migrate-dev <provider> <before> <after> [--seed FILE]
//                                                        what `prisma migrate dev` does for the edit before -> after on a scratch
//                                                        database: create + apply the first migration, optionally run a seed
//                                                        script, evaluate data loss (warnings / unexecutable steps) and create
//                                                        the second migration (through the shadow database). Prints JSON.
//   node se.mjs push <provider> <schema>                 schemaPush (prisma db push) against the live database. Prints JSON.
//   node se.mjs version                                  the engine's version (git hash)
//
// <provider>: postgresql | sqlite | mysql (mysql is accepted only to show that the engine refuses it).
// A <schema> argument is a .prisma file or a folder of .prisma files (multi-file schema).
// Options:
//   --set-provider     rewrite the datasource `provider` to <provider> before handing the schema to the engine
//   --json             print the whole structured result instead of the script only
//   --adapter NAME     sqlite adapter: better-sqlite3 (default) | libsql
// Prisma 7 rejects `url`, `directUrl` and `shadowDatabaseUrl` in a datasource block (they moved to prisma.config.ts);
// those lines are removed before the schema is handed to the engine. They play no part in the DDL.
//
// Environment: SE_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres): the database the PostgreSQL adapter
// connects to. For diff-empty/diff the engine only reads the server version from it; nothing is written.
// migrate-dev creates and drops its own scratch database on that server. SE_SQLITE_URL (default :memory:).
// SE_WASM: path of another schema_engine_bg.wasm build to load with this package's JS glue.
// SE_LOG=1: print the engine's log lines to stderr.

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)
const wasmDir = path.join(here, 'node_modules/@prisma/schema-engine-wasm/')

function die(msg, code = 1) {
  process.stderr.write(String(msg).replace(/\n?$/, '\n'))
  process.exit(code)
}

// ---------- argument parsing
const argv = process.argv.slice(2)
const opts = { setProvider: false, json: false, adapter: 'better-sqlite3', seed: null }
const pos = []
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]
  if (a === '--set-provider') opts.setProvider = true
  else if (a === '--json') opts.json = true
  else if (a === '--adapter') opts.adapter = argv[++i]
  else if (a === '--seed') opts.seed = argv[++i]
  else if (a.startsWith('--')) die(`unknown option ${a}`, 2)
  else pos.push(a)
}
const mode = pos.shift()
if (!mode) die('usage: node se.mjs diff-empty|diff|diff-url|migrate-dev|push|version <provider> <schema...>', 2)

// ---------- the wasm engine (Node 20 cannot `import` .wasm: instantiate by hand)
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  msg: '',
  set_message(m) { this.msg = m },
  get() { return this.msg },
}
const bg = await import(wasmDir + 'schema_engine_bg.js')
{
  const mod = new WebAssembly.Module(fs.readFileSync(process.env.SE_WASM || wasmDir + 'schema_engine_bg.wasm'))
  const imports = {}
  for (const imp of WebAssembly.Module.imports(mod)) imports[imp.module] ??= bg
  const inst = new WebAssembly.Instance(mod, imports)
  bg.__wbg_set_wasm(inst.exports)
  inst.exports.__wbindgen_start?.()
}

if (mode === 'version') {
  console.log(JSON.stringify({ package: require(wasmDir + 'package.json').version, engine: bg.version() }))
  process.exit(0)
}

// ---------- schemas
const provider = normProvider(pos.shift())
function normProvider(p) {
  if (p === 'postgresql' || p === 'postgres' || p === 'pg') return 'postgresql'
  if (p === 'sqlite') return 'sqlite'
  if (p === 'mysql' || p === 'mariadb') return 'mysql'
  die(`unknown provider ${p}: use postgresql, sqlite or mysql`, 2)
}

// Remove url/directUrl/shadowDatabaseUrl from datasource blocks; optionally set the provider.
function prepare(text) {
  return text.replace(/(^|\n)(\s*datasource\s+\w+\s*\{)([\s\S]*?\n\s*\})/g, (_m, lead, head, body) => {
    let b = body.replace(/\n[ \t]*(url|directUrl|shadowDatabaseUrl)[ \t]*=[^\n]*/g, '')
    if (opts.setProvider) b = b.replace(/(\n[ \t]*provider[ \t]*=[ \t]*)"[^"]*"/, `$1"${provider}"`)
    return lead + head + b
  })
}
function loadSchema(p) {
  if (!p) die('missing schema argument', 2)
  const st = fs.statSync(p)
  const files = st.isDirectory()
    ? fs.readdirSync(p).filter((f) => f.endsWith('.prisma')).sort().map((f) => path.join(p, f))
    : [p]
  return { files: files.map((f) => ({ path: path.resolve(f), content: prepare(fs.readFileSync(f, 'utf8')) })) }
}

// ---------- adapters
const pgUrl = process.env.SE_PG_URL || 'postgresql://postgres@127.0.0.1:5432/postgres'
function makeFactory(url) {
  const { bindMigrationAwareSqlAdapterFactory } = require('@prisma/driver-adapter-utils')
  let f
  if (provider === 'postgresql') {
    const { PrismaPg } = require('@prisma/adapter-pg')
    // Given a connectionString, adapter-pg's connectToShadowDb creates the shadow database but then connects to
    // the main one again (pg lets connectionString override `database`); plain fields avoid that.
    const u = new URL(url ?? pgUrl)
    const cfg = { host: u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username || 'postgres'), database: decodeURIComponent(u.pathname.slice(1) || 'postgres') }
    if (u.password) cfg.password = decodeURIComponent(u.password)
    f = patchCharType(new PrismaPg(cfg), cfg)
  } else if (provider === 'sqlite') {
    const u = url ?? process.env.SE_SQLITE_URL ?? ':memory:'
    if (opts.adapter === 'libsql') {
      const { PrismaLibSql } = require('@prisma/adapter-libsql')
      f = new PrismaLibSql({ url: u === ':memory:' ? ':memory:' : u.startsWith('file:') ? u : 'file:' + u })
    } else {
      const { PrismaBetterSqlite3 } = require('@prisma/adapter-better-sqlite3')
      f = new PrismaBetterSqlite3({ url: u })
    }
  } else {
    const { PrismaMariaDb } = require('@prisma/adapter-mariadb')
    f = new PrismaMariaDb(url ?? process.env.SE_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306/test')
  }
  // The engine expects the Result-wrapping "bound" factory the Prisma CLI uses; a bare factory fails.
  if (provider === 'sqlite') shadowScripts(f)
  if (process.env.SE_TRACE) traceFactory(f)
  const bound = bindMigrationAwareSqlAdapterFactory(f)
  boundFactories.push(bound)
  return bound
}
const boundFactories = []

// The wasm engine replays the migration history on the SQLite shadow database with executeRaw, one call per
// migration file; both SQLite adapters run a single statement there (better-sqlite3 refuses "more than one
// statement", libsql silently runs the first only), so `migrate dev` fails or sees drift. On the shadow
// connection, parameterless executeRaw goes to executeScript, which runs the whole file as the native engine does.
function shadowScripts(f) {
  const orig = f.connectToShadowDb.bind(f)
  f.connectToShadowDb = async (...a) => {
    const ad = await orig(...a)
    const raw = ad.executeRaw.bind(ad)
    ad.executeRaw = async (q) => (q.args?.length ? raw(q) : (await ad.executeScript(q.sql), 0))
    return ad
  }
}

// SE_TRACE=1: log every adapter call (connection, shadow connection, transactions) to stderr
function traceFactory(f) {
  const wrap = (a, tag) => new Proxy(a, {
    get(t, p) {
      const v = t[p]
      if (typeof v !== 'function') return v
      return (...args) => {
        const q = args[0]?.sql ?? (typeof args[0] === 'string' ? args[0] : '')
        process.stderr.write(`[trace ${tag}] ${String(p)} ${String(q).replace(/\s+/g, ' ').slice(0, 120)}\n`)
        const r = v.apply(t, args)
        return r?.then ? r.then((x) => (x && typeof x === 'object' && typeof x.commit === 'function') ? wrap(x, tag + '.tx') : x) : r
      }
    },
  })
  for (const [m, tag] of [['connect', 'main'], ['connectToShadowDb', 'shadow']]) {
    const orig = f[m].bind(f)
    f[m] = async (...a) => wrap(await orig(...a), tag)
  }
}

// adapter-pg 7.10 has no mapping for PostgreSQL's internal one-byte type "char" (OID 18) and fails with
// UnsupportedNativeDataType; the engine's catalog queries (pg_class.relkind, pg_constraint.contype,
// confdeltype ...) return such columns, so every mode that reads a live database ("Column type 'char' could
// not be deserialized from the database": diff-url, push, migrate-dev) fails. The values are one-character
// strings already; we report their type as text (OID 25), which is how the native engine reads them.
// This changes nothing else: the DDL and the migration logic are the engine's.
function patchCharType(factory, cfg) {
  const connect = factory.connect.bind(factory)
  const patch = (adapter) => {
    for (let p = adapter; p; p = Object.getPrototypeOf(p)) {
      if (Object.hasOwn(p, 'performIO') && !p.performIO.__sePatched) {
        const orig = p.performIO
        p.performIO = async function (query) {
          const r = await orig.call(this, query)
          for (const f of r?.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25
          return r
        }
        p.performIO.__sePatched = true
      }
    }
    return adapter
  }
  factory.connect = async (...a) => patch(await connect(...a))
  // adapter-pg's own connectToShadowDb drops the shadow database while its pool still holds a connection
  // ("database ... is being accessed by other users"); this one closes the pool first. Same naming.
  factory.connectToShadowDb = async () => {
    const pg = require('pg')
    const { PrismaPg } = require('@prisma/adapter-pg')
    const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`
    const admin = new pg.Client(cfg); await admin.connect()
    await admin.query(`CREATE DATABASE "${name}"`)
    const adapter = patch(await new PrismaPg({ ...cfg, database: name }).connect())
    const dispose = adapter.dispose.bind(adapter)
    adapter.dispose = async () => {
      try { await dispose() } finally {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`); await admin.end()
      }
    }
    return adapter
  }
  return factory
}

async function newEngine(schema, url) {
  const datamodels = schema ? schema.files.map((f) => [f.path, f.content]) : undefined
  const log = (line) => { if (process.env.SE_LOG) process.stderr.write('[se] ' + line + '\n') }
  return bg.SchemaEngine.new({ datamodels }, log, makeFactory(url))
}

const filters = { externalTables: [], externalEnums: [] }

function errorText(e) {
  const panic = globalThis.PRISMA_WASM_PANIC_REGISTRY.msg
  if (panic) return 'wasm panic: ' + panic
  const code = e && e.code ? ` (${e.code})` : ''
  let msg = (e && e.message ? e.message : String(e)) + code
  // "External error id#N": the JS error the adapter raised, kept in the bound factory's registry
  msg = msg.replace(/External error id#(\d+)/g, (m, id) => {
    for (const b of boundFactories) {
      const r = b.errorRegistry?.registeredErrors?.[Number(id)]
      if (r) return `${m} [${r.error?.message ?? String(r.error)}]`
    }
    return m
  })
  return msg
}

function out(result, scriptKey) {
  if (opts.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n')
  else process.stdout.write(result[scriptKey] ?? '')
}

// ---------- modes
async function main() {
  if (mode === 'diff-empty') {
    const schema = loadSchema(pos[0]); if (pos.length > 1) schema.files.push(...pos.slice(1).flatMap((p) => loadSchema(p).files))
    const engine = await newEngine(schema)
    const r = await engine.diff({ from: { tag: 'empty' }, to: { tag: 'schemaDatamodel', ...schema }, script: true, exitCode: null, filters })
    out(r, 'stdout')
  } else if (mode === 'diff') {
    const from = loadSchema(pos[0]), to = loadSchema(pos[1])
    const engine = await newEngine(to)
    const r = await engine.diff({ from: { tag: 'schemaDatamodel', ...from }, to: { tag: 'schemaDatamodel', ...to }, script: true, exitCode: null, filters })
    out(r, 'stdout')
  } else if (mode === 'diff-url') {
    const to = loadSchema(pos[0]); if (pos.length > 1) to.files.push(...pos.slice(1).flatMap((p) => loadSchema(p).files))
    const engine = await newEngine(to)
    // With a driver adapter, "the live database" is the adapter's connection: the schemaDatasource target reads it.
    const r = await engine.diff({ from: { tag: 'schemaDatasource', files: to.files, configDir: process.cwd() }, to: { tag: 'schemaDatamodel', ...to }, script: true, exitCode: null, filters })
    out(r, 'stdout')
  } else if (mode === 'push') {
    const schema = loadSchema(pos[0])
    const engine = await newEngine(schema)
    const r = await engine.schemaPush({ force: false, schema, filters })
    process.stdout.write(JSON.stringify(r, null, 2) + '\n')
  } else if (mode === 'migrate-dev') {
    await migrateDev(loadSchema(pos[0]), loadSchema(pos[1]))
  } else if (mode === 'apply') {
    // prisma migrate deploy: the migrations folder pos[1] applied to the live database (SE_PG_URL / SE_SQLITE_URL)
    const schema = loadSchema(pos[0]), dir = path.resolve(pos[1])
    const dirs = fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, 'migration.sql'))).sort()
      .map((d) => [d, fs.readFileSync(path.join(dir, d, 'migration.sql'), 'utf8')])
    const engine = await newEngine(schema)
    const r = await engine.applyMigrations({ migrationsList: migrationsList(dir, dirs), filters })
    process.stdout.write(JSON.stringify(r, null, 2) + '\n')
  } else {
    die(`unknown mode ${mode}`, 2)
  }
}

function migrationsList(baseDir, dirs) {
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: `provider = "${provider}"\n` },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map(([name, sql]) => ({ path: name, migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: sql } } })),
  }
}

async function migrateDev(before, after) {
  // The wasm build's createMigration and evaluateDataLoss are not handed the adapter factory, so on their own they
  // cannot reach a shadow database ("PostgreSQL shadow DB must be provided through an external factory"). `diff` and
  // `devDiagnostic` are. So: first `diff` from the migration history (replayed on a shadow database made by the
  // adapter factory) to the edited datamodel; that fills the engine's migration-schema cache, after which
  // evaluateDataLoss and createMigration (which read the same cache) work and give `migrate dev`'s own results.
  const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-migrations-'))
  let url, cleanup = async () => {}
  if (provider === 'postgresql') {
    const pg = require('pg')
    const name = 'se_scratch_' + process.pid + '_' + Date.now()
    const admin = new pg.Client({ connectionString: pgUrl }); await admin.connect()
    await admin.query(`CREATE DATABASE "${name}"`)
    const u = new URL(pgUrl); u.pathname = '/' + name; url = u.toString()
    cleanup = async () => { await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`); await admin.end() }
  } else if (provider === 'sqlite') {
    url = 'file:' + path.join(baseDir, 'dev.db')
  }
  const result = {}
  const attempt = async (key, f) => { try { result[key] = await f() } catch (e) { result[key] = { error: errorText(e) }; globalThis.PRISMA_WASM_PANIC_REGISTRY.msg = '' } }
  try {
    // 1. the first migration (= `migrate dev` on `before`): diff-empty, applied with applyMigrations
    // One engine (one connection) for both steps: a second better-sqlite3 connection to the same file meets
    // SQLITE_BUSY, which adapter-better-sqlite3 reports as a `SocketTimeout` error kind this engine cannot decode.
    const engine = await newEngine(after, url)
    const first = await engine.diff({ from: { tag: 'empty' }, to: { tag: 'schemaDatamodel', ...before }, script: true, exitCode: null, filters })
    const dirs = [['00000000000001_before', first.stdout ?? '']]
    const ap = await engine.applyMigrations({ migrationsList: migrationsList(baseDir, dirs), filters })
    result.firstApplied = ap.appliedMigrationNames
    if (opts.seed) {
      // one dbExecute per line: on SQLite the engine runs dbExecute's script with a single-statement call
      for (const stmt of fs.readFileSync(opts.seed, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('--'))) {
        await engine.dbExecute({ datasourceType: { tag: 'url', url: url ?? '' }, script: stmt })
      }
      result.seeded = path.basename(opts.seed)
    }
    // 2. `migrate dev` on `after`
    const ml = migrationsList(baseDir, dirs)
    await attempt('devDiagnostic', () => engine.devDiagnostic({ migrationsList: ml, filters }))
    const r = await engine.diff({ from: { tag: 'migrations', ...ml }, to: { tag: 'schemaDatamodel', ...after }, script: true, exitCode: null, filters })
    result.migrationScript = r.stdout
    await attempt('evaluateDataLoss', () => engine.evaluateDataLoss({ migrationsList: ml, schema: after, filters }))
    await attempt('createMigration', () => engine.createMigration({ draft: true, migrationName: 'edit', migrationsList: ml, schema: after, filters }))
    // 3. the destructive-change checker on the live (seeded) database: `db push` without --accept-data-loss.
    //    With warnings or unexecutable steps nothing is applied (executedSteps 0).
    await attempt('schemaPush', () => engine.schemaPush({ force: false, schema: after, filters }))
    engine.free?.()
  } finally {
    await cleanup()
    fs.rmSync(baseDir, { recursive: true, force: true })
  }
  if (opts.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n')
  else process.stdout.write(result.migrationScript ?? '')
}

process.on('unhandledRejection', (e) => die(errorText(e)))
process.on('uncaughtException', (e) => die(errorText(e)))
try {
  await main()
} catch (e) {
  die(errorText(e))
}
process.exit(0)
