#!/usr/bin/env node
// Re-record Prisma's DDL and migration SQL (see README.md beside this file).
//
//   node record.mjs ddl            tests/expected/prisma_ddl/<schema>.<provider>.sql for tests/schemas/*.prisma
//   node record.mjs edits [NN...]  tests/prisma7/edits/<NN>_<name>/<provider>.sql, <provider>.json,
//                                  init.<provider>.sql (DDL of before) and target.<provider>.sql (DDL of after)
//   node record.mjs all
//   add --check to compare with the checked-in files instead of writing them (exit 1 on any difference)
//
// Needs the local PostgreSQL (SE_PG_URL, default postgresql://postgres@127.0.0.1:5432/postgres).

import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const tests = path.resolve(here, '../..')
const schemasDir = path.join(tests, 'schemas')
const ddlDir = path.join(tests, 'expected/prisma_ddl')
const editsDir = path.join(tests, 'prisma7/edits')
const PROVIDERS = ['postgresql', 'sqlite']

const args = process.argv.slice(2)
const check = args.includes('--check')
const pos = args.filter((a) => !a.startsWith('--'))
const what = pos.shift() || 'all'

function se(...argv) {
  const r = spawnSync(process.execPath, [path.join(here, 'se.mjs'), ...argv], { encoding: 'utf8', maxBuffer: 64 << 20 })
  if (r.status !== 0) throw new Error(`se.mjs ${argv.join(' ')} failed (${r.status}): ${r.stderr}`)
  return r.stdout
}

// ---- which providers a schema can be switched to
function providerOf(text) {
  const m = /datasource\s+(\w+)\s*\{[^}]*?provider\s*=\s*"([^"]+)"/.exec(text)
  return m ? { ds: m[1], provider: m[2] === 'postgres' ? 'postgresql' : m[2] } : null
}
const SCALARS = new Set(['String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Json', 'Bytes'])
// Why a schema is not portable to `target`, or null when it is.
function notPortable(text, target) {
  const { ds, provider } = providerOf(text)
  if (provider === target) return null
  const reasons = []
  const native = new RegExp(`@${ds}\\.\\w+`, 'g')
  const nat = [...new Set(text.match(native) || [])]
  if (nat.length) reasons.push(`native types of ${provider}: ${nat.join(', ')}`)
  if (/dbgenerated\(/.test(text)) reasons.push('dbgenerated() SQL')
  if (target === 'sqlite') {
    const enums = new Set([...text.matchAll(/^\s*enum\s+(\w+)/gm)].map((m) => m[1]))
    const lists = [...text.matchAll(/^\s+\w+\s+(\w+)\[\]/gm)].map((m) => m[1]).filter((t) => SCALARS.has(t) || enums.has(t))
    if (lists.length) reasons.push(`scalar/enum lists: ${[...new Set(lists)].map((t) => t + "[]").join(", ")}`)
    if (/type\s*:\s*(Hash|Gin|Gist|SpGist|Brin)/.test(text)) reasons.push('PostgreSQL index types')
    if (/ops\s*:/.test(text)) reasons.push('PostgreSQL operator classes')
    if (/@relation\([^)]*\bmap\s*:/.test(text)) reasons.push('named foreign keys (@relation(map:))')
  }
  return reasons.length ? reasons.join('; ') : null
}

let failures = 0
function emit(file, content) {
  if (check) {
    const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null
    // the engine build's hash is recorded, not compared: another build must give the same results
    const norm = (t) => t === null || !file.endsWith('.json') ? t : t.replace(/"(engine|package)": "[^"]*"/g, '"$1": "-"')
    if (norm(old) !== norm(content)) { failures++; console.log(`DIFFERS ${path.relative(tests, file)}`) }
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, content)
  }
}

const engine = JSON.parse(se('version'))

function recordDdl() {
  const manifest = { engine, recorded: {}, notRecorded: {} }
  for (const f of fs.readdirSync(schemasDir).filter((f) => f.endsWith('.prisma')).sort()) {
    const name = f.replace(/\.prisma$/, '')
    const text = fs.readFileSync(path.join(schemasDir, f), 'utf8')
    const own = providerOf(text).provider
    for (const p of [...PROVIDERS, 'mysql']) {
      const key = `${name}.${p}`
      if (p === 'mysql') {
        if (own === 'mysql') manifest.notRecorded[key] = 'the wasm schema engine has no MySQL connector (`mysql` is not a supported connector)'
        continue
      }
      const why = notPortable(text, p)
      if (why) { manifest.notRecorded[key] = `not portable from ${own}: ${why}`; continue }
      const sql = se('diff-empty', p, path.join(schemasDir, f), '--set-provider')
      emit(path.join(ddlDir, `${key}.sql`), sql)
      manifest.recorded[key] = { schema: `tests/schemas/${f}`, datasourceProvider: own, switchedTo: own === p ? null : p }
      console.log(`ddl ${key}: ${sql.split('\n').length} lines`)
    }
  }
  emit(path.join(ddlDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n')
}

function stripVolatile(r) {
  // createMigration's generated name carries a timestamp; keep the rest.
  if (r?.createMigration?.generatedMigrationName) r.createMigration.generatedMigrationName = r.createMigration.generatedMigrationName.replace(/^\d{14}_/, '<timestamp>_')
  delete r.firstApplied
  return r
}

function recordEdits(only) {
  const dirs = fs.readdirSync(editsDir).filter((d) => /^\d\d_/.test(d)).sort()
  for (const d of dirs) {
    if (only.length && !only.some((o) => d === o || d.startsWith(o + '_'))) continue
    const dir = path.join(editsDir, d)
    const before = path.join(dir, 'before.prisma'), after = path.join(dir, 'after.prisma')
    const meta = fs.existsSync(path.join(dir, 'meta.json')) ? JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')) : {}
    const seed = fs.existsSync(path.join(dir, 'seed.sql')) ? path.join(dir, 'seed.sql') : null
    for (const p of PROVIDERS) {
      const why = notPortable(fs.readFileSync(before, 'utf8'), p) || notPortable(fs.readFileSync(after, 'utf8'), p)
      if (why || (meta.providers && !meta.providers.includes(p))) continue
      const sql = se('diff', p, before, after, '--set-provider')
      emit(path.join(dir, `${p}.sql`), sql)
      // Prisma's DDL for each side, so a migration can be judged on its own: init + edit == target
      emit(path.join(dir, `init.${p}.sql`), se('diff-empty', p, before, '--set-provider'))
      emit(path.join(dir, `target.${p}.sql`), se('diff-empty', p, after, '--set-provider'))
      const out = { engine: engine.engine, mode: 'se.mjs migrate-dev (see README)', emptyTables: null, seeded: null }
      const a = stripVolatile(JSON.parse(se('migrate-dev', p, before, after, '--set-provider', '--json')))
      out.emptyTables = a
      if (seed) out.seeded = stripVolatile(JSON.parse(se('migrate-dev', p, before, after, '--set-provider', '--json', '--seed', seed)))
      out.migrationScriptEqualsDiff = a.migrationScript === sql
      if (!out.migrationScriptEqualsDiff) console.log(`NOTE ${d} ${p}: migrate-dev script differs from diff`)
      emit(path.join(dir, `${p}.json`), JSON.stringify(out, null, 2) + '\n')
      const warn = (out.seeded ?? a).evaluateDataLoss
      console.log(`edit ${d} ${p}: ${sql.split('\n').length} lines; warnings ${warn?.warnings?.length ?? '?'} unexecutable ${warn?.unexecutableSteps?.length ?? '?'}`)
    }
  }
}

if (what === 'ddl' || what === 'all') recordDdl()
if (what === 'edits' || what === 'all') recordEdits(what === 'edits' ? pos : [])
if (check) {
  console.log(failures ? `${failures} recorded file(s) differ` : 'all recorded files match')
  process.exit(failures ? 1 : 0)
}
