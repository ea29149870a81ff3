// Records real Prisma 7's answers for tests/prisma7/scenarios/*.json (format: ../README.md).
//
//   cd tests/prisma7/recorder && npm ci && npx tsx record.ts [SCENARIO_FILE_STEM ...]
//
// For each scenario file: DDL for its schema from Prisma's own schema engine (the wasm build shipped
// in the `prisma` CLI, driven through @prisma/schema-engine-wasm's glue; `migrate diff` from empty),
// written to ../ddl/<schema>.sql; the client generated with `prisma generate` (generator
// "prisma-client", offline with PRISMA_SCHEMA_ENGINE_BINARY=/bin/false) into .work/<schema>/.
// Then for each scenario: a fresh database (DROP/CREATE), the DDL, the seed SQL, and each step run
// through PrismaClient + @prisma/adapter-pg; every answer (result or error) goes to
// ../recordings/<file>.json. Environment: PRISMA7_PG_URL (an admin URL of the server,
// default postgresql://postgres@127.0.0.1:5432/postgres).
import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import pg from 'pg'

const require = createRequire(import.meta.url)
const HERE = path.dirname(fileURLToPath(import.meta.url))
const ROOT = path.resolve(HERE, '..') // tests/prisma7
const SCEN_DIR = path.join(ROOT, 'scenarios')
const REC_DIR = path.join(ROOT, 'recordings')
const DDL_DIR = path.join(ROOT, 'ddl')
const SCHEMA_DIRS = [path.join(ROOT, 'schemas'), path.resolve(ROOT, '..', 'schemas')]
const WORK = path.join(HERE, '.work')
const ADMIN_URL = process.env.PRISMA7_PG_URL || 'postgresql://postgres@127.0.0.1:5432/postgres'
const DB_NAME = 'prisma7_recorder'
const VERBOSE = !!process.env.PRISMA7_VERBOSE

const pkgVersion = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(HERE, 'node_modules', name, 'package.json'), 'utf8')).version

// ---------------------------------------------------------------------------------------------
// canonical JSON + hashes (the Python side computes the same: sorted keys, no spaces, UTF-8)

function canonical(v: any): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v)
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']'
  return '{' + Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + canonical(v[k])).join(',') + '}'
}
const sha256 = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex')

// ---------------------------------------------------------------------------------------------
// schema: find, rewrite for Prisma 7 (no url; our generator), DDL, generate

function schemaFile(name: string): string {
  for (const d of SCHEMA_DIRS) {
    const p = path.join(d, name + '.prisma')
    if (fs.existsSync(p)) return p
  }
  throw new Error(`schema ${name} not found in ${SCHEMA_DIRS.join(', ')}`)
}

// Drop the datasource and generator blocks; put back a PostgreSQL datasource (keeping relationMode)
// and the prisma-client generator. Prisma 7 refuses `url` in the schema.
function prismaSchemaText(text: string): string {
  const rm = /relationMode\s*=\s*"(\w+)"/.exec(/datasource\s+\w+\s*\{[^}]*\}/.exec(text)?.[0] ?? '')
  const prev = /previewFeatures\s*=\s*(\[[^\]]*\])/.exec(/generator\s+\w+\s*\{[^}]*\}/.exec(text)?.[0] ?? '')
  const body = text.replace(/^\s*(datasource|generator)\s+\w+\s*\{[^}]*\}/gm, '')
  return [
    'generator client {',
    '  provider     = "prisma-client"',
    '  output       = "./generated"',
    '  moduleFormat = "cjs"',
    ...(prev ? [`  previewFeatures = ${prev[1]}`] : []),
    '}',
    'datasource db {',
    '  provider = "postgresql"',
    ...(rm ? [`  relationMode = "${rm[1]}"`] : []),
    '}',
    body,
  ].join('\n')
}

let enginePromise: Promise<any> | null = null
async function schemaEngineModule(): Promise<any> {
  const dir = path.join(HERE, 'node_modules', '@prisma', 'schema-engine-wasm')
  ;(globalThis as any).PRISMA_WASM_PANIC_REGISTRY = {
    msg: '', set_message(m: string) { this.msg = m; console.error('[wasm panic]', m) }, get() { return this.msg },
  }
  const bg = await import(pathToFileURL(path.join(dir, 'schema_engine_bg.js')).href)
  // the wasm the prisma CLI ships (same build as the CLI); the npm glue loads it
  const wasmPath = path.join(HERE, 'node_modules', 'prisma', 'build', 'schema_engine_bg.wasm')
  const mod = new WebAssembly.Module(fs.readFileSync(wasmPath))
  const imports: Record<string, any> = {}
  for (const imp of WebAssembly.Module.imports(mod)) imports[imp.module] ??= bg
  const inst = new WebAssembly.Instance(mod, imports)
  bg.__wbg_set_wasm(inst.exports)
  ;(inst.exports as any).__wbindgen_start?.()
  return bg
}

async function prismaDdl(schemaPath: string, content: string, url: string): Promise<string> {
  enginePromise ??= schemaEngineModule()
  const bg = await enginePromise
  const { PrismaPg } = require('@prisma/adapter-pg')
  const { bindMigrationAwareSqlAdapterFactory } = require('@prisma/driver-adapter-utils')
  const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url }))
  const engine = await bg.SchemaEngine.new({ datamodels: [[schemaPath, content]] }, () => {}, factory)
  const filters = { externalTables: [], externalEnums: [] }
  const r = await engine.diff({
    from: { tag: 'empty' }, to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content }] },
    script: true, exitCode: null, filters,
  })
  return r.stdout ?? ''
}

function generateClient(name: string, content: string): string {
  const dir = path.join(WORK, name)
  const schemaPath = path.join(dir, 'schema.prisma')
  const stamp = path.join(dir, 'generated', '.source-sha256')
  const h = sha256(content + pkgVersion('prisma'))
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === h) return path.join(dir, 'generated', 'client.ts')
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(schemaPath, content)
  execFileSync(path.join(HERE, 'node_modules', '.bin', 'prisma'), ['generate', '--schema', schemaPath], {
    cwd: HERE, stdio: VERBOSE ? 'inherit' : 'pipe',
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false', PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
  })
  fs.writeFileSync(stamp, h)
  return path.join(dir, 'generated', 'client.ts')
}

// Split the engine's script into statements (it has no functions or quoted semicolons).
function ddlStatements(ddl: string): string[] {
  return ddl.split(/;\s*\n/).map((s) => s.split('\n').filter((l) => !l.trim().startsWith('--')).join('\n').trim())
    .filter(Boolean)
}

// ---------------------------------------------------------------------------------------------
// typed values: scenario JSON -> JS arguments; JS results -> recording JSON

function decodeArgs(v: any, ctx: { Prisma: any; client: any }): any {
  if (Array.isArray(v)) return v.map((x) => decodeArgs(x, ctx))
  if (v === null || typeof v !== 'object') return v
  if ('$type' in v) {
    const t = v.$type, x = v.value
    switch (t) {
      case 'DateTime': return new Date(x)
      case 'Decimal': return new ctx.Prisma.Decimal(x)
      case 'BigInt': return BigInt(x)
      case 'Bytes': return new Uint8Array(Buffer.from(x, 'base64'))
      case 'Json': return x // a Json value spelled out (also one that itself holds a "$type" key)
      case 'DbNull': return ctx.Prisma.DbNull
      case 'JsonNull': return ctx.Prisma.JsonNull
      case 'AnyNull': return ctx.Prisma.AnyNull
      case 'FieldRef': return ctx.client[lcFirst(v.model)].fields[v.field]
      case 'Undefined': return undefined
      default: throw new Error(`unknown $type ${t}`)
    }
  }
  const out: Record<string, any> = {}
  for (const [k, x] of Object.entries(v)) out[k] = decodeArgs(x, ctx)
  return out
}

// A value at a volatile key (the scenario's "volatile": {"createdAt": "DateTime"}) that the run itself
// made (a DateTime not earlier than the scenario's start minus VOLATILE_SLACK_MS) is recorded as
// {"$volatile": "DateTime"}; seeded values (in the past) are kept as they are.
const VOLATILE_SLACK_MS = 5 * 60 * 1000
let scenarioStart = 0
function encodeResult(v: any, volatile: Record<string, string>, key?: string): any {
  if (key !== undefined && key in volatile && v !== null && v !== undefined) {
    const kind = volatile[key]
    if (kind === 'DateTime' && v instanceof Date && v.getTime() >= scenarioStart - VOLATILE_SLACK_MS) return { $volatile: kind }
  }
  if (v === undefined) return { $type: 'Undefined' }
  if (v === null) return null
  if (typeof v === 'bigint') return { $type: 'BigInt', value: v.toString() }
  if (typeof v === 'number') {
    if (Number.isNaN(v) || !Number.isFinite(v)) return { $type: 'Float', value: String(v) }
    return v
  }
  if (typeof v !== 'object') return v
  if (v instanceof Date) return { $type: 'DateTime', value: isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString() }
  if (v instanceof Uint8Array) return { $type: 'Bytes', value: Buffer.from(v).toString('base64') }
  if (v && typeof v === 'object' && typeof v.toFixed === 'function' && typeof v.isFinite === 'function' &&
      v.constructor && /Decimal/.test(v.constructor.name ?? '') || (v?.d && v?.s !== undefined && typeof v.toFixed === 'function')) {
    return { $type: 'Decimal', value: v.toString() }
  }
  if (Array.isArray(v)) return v.map((x) => encodeResult(x, volatile))
  const out: Record<string, any> = {}
  for (const [k, x] of Object.entries(v)) out[k] = encodeResult(x, volatile, k)
  return out
}

// Prisma's message is "\nInvalid `prisma.user.create()` invocation:\n\n<details>\n<reason>": we keep
// the first non-empty line ("message") and the first non-empty line after the invocation header and
// the rendered query ("reason"; for validation errors the last line, which says what is wrong).
function encodeError(e: any): any {
  const text = String(e?.message ?? e)
  const lines = text.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '')
  const first = lines[0]?.trim() ?? ''
  let reason = first
  if (/^Invalid `.*` invocation/.test(first)) {
    const rest = lines.slice(1)
    if (e?.constructor?.name === 'PrismaClientValidationError') reason = (rest[rest.length - 1] ?? '').trim()
    else reason = (rest.find((l) => !/^\s*(→|\d+\s|[{}])/.test(l)) ?? '').trim()
  }
  // the only timing-dependent words Prisma prints (interactive transaction timeouts): kept out of the recording
  reason = reason.replace(/however \d+ ms passed/, 'however <n> ms passed')
  const out: Record<string, any> = { type: e?.constructor?.name ?? typeof e, code: e?.code ?? null, message: first, reason }
  if (e?.meta && Object.keys(e.meta).length) {
    out.meta = encodeResult(e.meta, {})
    if (typeof out.meta.timeTaken === 'number') out.meta.timeTaken = '<ms>' // the transaction timeout's measured time
  }
  return out
}

function lcFirst(s: string): string { return s.charAt(0).toLowerCase() + s.slice(1) }

// ---------------------------------------------------------------------------------------------
// running scenarios

async function resetDatabase(admin: pg.Client): Promise<void> {
  await admin.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`)
  await admin.query(`CREATE DATABASE "${DB_NAME}"`)
}

function dbUrl(): string {
  const u = new URL(ADMIN_URL)
  u.pathname = '/' + DB_NAME
  return u.toString()
}

function buildCall(client: any, ctx: any, step: any): () => Promise<any> {
  const a = step.action
  if (a === '$transaction') {
    return () => client.$transaction(step.batch.map((s: any) => buildCall(client, ctx, s)()),
      step.isolationLevel ? { isolationLevel: step.isolationLevel } : undefined)
  }
  if (a === '$queryRaw') return () => client.$queryRawUnsafe(step.sql, ...decodeArgs(step.params ?? [], ctx))
  if (a === '$executeRaw') return () => client.$executeRawUnsafe(step.sql, ...decodeArgs(step.params ?? [], ctx))
  if (a === '$interactive') {
    return () => client.$transaction(async (tx: any) => {
      const out = []
      for (const s of step.steps) out.push(await buildCall(tx, ctx, s)())
      if (step.rollback) throw Object.assign(new Error('rollback requested by the scenario'), { rollback: out })
      return out
    }, { ...(step.timeout ? { timeout: step.timeout } : {}), ...(step.isolationLevel ? { isolationLevel: step.isolationLevel } : {}) })
  }
  const delegate = client[lcFirst(step.model)]
  if (!delegate || typeof delegate[a] !== 'function') throw new Error(`no ${step.model}.${a}`)
  // a builder: Prisma's calls are lazy (PrismaPromise); inside $transaction([...]) they must stay unawaited
  return () => step.args === undefined ? delegate[a]() : delegate[a](decodeArgs(step.args, ctx))
}

async function runStep(client: any, ctx: any, step: any, volatile: Record<string, string>): Promise<any> {
  try {
    const result = await buildCall(client, ctx, step)()
    return { step: step.name, result: encodeResult(result, volatile) }
  } catch (e: any) {
    if (VERBOSE) console.error(`--- ${step.name}:`, e?.message)
    if (e?.rollback) return { step: step.name, error: { type: 'Rollback', code: null, message: e.message, reason: e.message } }
    return { step: step.name, error: encodeError(e) }
  }
}

function validateFile(stem: string, file: any): void {
  const names = new Set<string>()
  for (const sc of file.scenarios) {
    if (!sc.name || names.has(sc.name)) throw new Error(`${stem}: missing or duplicate scenario name ${sc.name}`)
    names.add(sc.name)
    const stepNames = new Set<string>()
    for (const st of sc.steps) {
      if (!st.name || stepNames.has(st.name)) throw new Error(`${stem}/${sc.name}: missing or duplicate step name ${st.name}`)
      stepNames.add(st.name)
    }
  }
}

async function recordFile(stem: string, admin: pg.Client): Promise<void> {
  const file = JSON.parse(fs.readFileSync(path.join(SCEN_DIR, stem + '.json'), 'utf8'))
  validateFile(stem, file)
  const schemaName: string = file.schema
  const srcPath = schemaFile(schemaName)
  const srcText = fs.readFileSync(srcPath, 'utf8')
  const content = prismaSchemaText(srcText)
  const clientPath = generateClient(schemaName, content)
  await resetDatabase(admin)
  const ddl = await prismaDdl('schema.prisma', content, dbUrl())
  fs.writeFileSync(path.join(DDL_DIR, schemaName + '.sql'), ddl)
  const statements = ddlStatements(ddl)
  const mod = await import(pathToFileURL(clientPath).href)
  const { PrismaClient, Prisma } = mod.default ?? mod
  const { PrismaPg } = require('@prisma/adapter-pg')
  const volatile: Record<string, string> = file.volatile ?? {}
  const out: Record<string, any> = {}
  let steps = 0, errors = 0
  for (const sc of file.scenarios) {
    await resetDatabase(admin)
    const setup = new pg.Client({ connectionString: dbUrl() })
    await setup.connect()
    for (const s of statements) await setup.query(s)
    const seed = typeof sc.seed === 'string' ? file.fixtures[sc.seed] : (sc.seed ?? [])
    for (const s of seed) await setup.query(s)
    await setup.end()
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: dbUrl() }) })
    scenarioStart = Date.now()
    const ctx = { Prisma, client }
    const answers = []
    for (const step of sc.steps) {
      answers.push(await runStep(client, ctx, step, { ...volatile, ...(sc.volatile ?? {}) }))
      steps++
      if (answers[answers.length - 1].error) errors++
    }
    await client.$disconnect()
    out[sc.name] = { sha256: sha256(canonical({ schema: srcText, fixtures: typeof sc.seed === 'string' ? seed : null, volatile, scenario: sc })), answers }
  }
  const recording = {
    recorded_with: {
      prisma: pkgVersion('prisma'), '@prisma/client': pkgVersion('@prisma/client'),
      '@prisma/adapter-pg': pkgVersion('@prisma/adapter-pg'), pg: pkgVersion('pg'),
      postgres: (await admin.query('SHOW server_version')).rows[0].server_version.split(' ')[0],
    },
    schema: schemaName,
    ddl_sha256: sha256(ddl),
    scenarios: out,
  }
  fs.writeFileSync(path.join(REC_DIR, stem + '.json'), JSON.stringify(recording, null, 1) + '\n')
  console.log(`${stem}: ${file.scenarios.length} scenarios, ${steps} steps (${errors} errors) recorded`)
}

async function main(): Promise<void> {
  fs.mkdirSync(REC_DIR, { recursive: true })
  fs.mkdirSync(DDL_DIR, { recursive: true })
  const wanted = process.argv.slice(2)
  const stems = fs.readdirSync(SCEN_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort()
    .filter((s) => wanted.length === 0 || wanted.includes(s))
  if (wanted.length && stems.length !== wanted.length) throw new Error(`unknown scenario file among ${wanted.join(' ')}`)
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  try {
    for (const stem of stems) await recordFile(stem, admin)
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`)
    await admin.end()
  }
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1) })
