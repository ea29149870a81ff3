// Prisma 7.10 (adapter-pg) side of benchmarks/compare.py: the same operations, timed in Node.
// Usage: npx tsx bench.ts <client.ts path> <database url> <runs> <sizes comma-separated>
// Prints one JSON object: operation -> median milliseconds.
import { createRequire } from 'node:module'
const require = createRequire(import.meta.url)

const [clientPath, url, runsText, sizesText] = process.argv.slice(2)
const runs = Number(runsText)
const sizes = sizesText.split(',').map(Number)

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn()
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    out.push(performance.now() - t)
  }
  out.sort((a, b) => a - b)
  return out[Math.floor(out.length / 2)]
}

async function main() {
  const { PrismaClient } = await import(clientPath)
  const { PrismaPg } = require('@prisma/adapter-pg')
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) })
  let n = 0
  const ops: Record<string, () => Promise<unknown>> = {
    find_unique: () => db.user.findUnique({ where: { id: (n++ % 1000) + 1 } }),
    find_many_filtered: () => db.post.findMany({ where: { published: true, views: { gt: 500 } }, orderBy: { id: 'asc' }, take: 20 }),
    include_2_levels: () => db.user.findMany({ where: { id: { gt: 100 } }, orderBy: { id: 'asc' }, take: 10, include: { posts: { include: { comments: true } } } }),
    nested_create: () => db.user.create({ data: { email: `p7-${process.pid}-${n++}@x.io`, posts: { create: [{ title: 'a' }, { title: 'b' }] } } }),
    update: () => db.post.update({ where: { id: (n++ % 1000) + 1 }, data: { views: { increment: 1 } } }),
    batch_of_3: () => db.$transaction([1, 2, 3].map((k) => db.post.update({ where: { id: k }, data: { views: { increment: 1 } } }))),
    count: () => db.post.count({ where: { published: true } }),
  }
  const out: Record<string, number> = {}
  for (const [name, fn] of Object.entries(ops)) out[name] = await median(fn)
  for (const size of sizes) out[`rows_${size}`] = await median(() => db.user.findMany({ orderBy: { id: 'asc' }, take: size }))
  await db.$disconnect()
  console.log(JSON.stringify(out))
}

main().catch((e) => { console.error(e); process.exit(1) })
