import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// The layers of docs/architecture.md, lowest first: a file may import its own layer and the ones below.
const LAYERS = ['shared', 'collections', 'emails', 'cms', 'site'] as const
type Layer = (typeof LAYERS)[number]

// The generated types are the contract every layer reads (type-only: no code runs).
const CONTRACT = 'cms/payload-types.ts'
// A workflow wing is entered through its index only.
const WINGS = [
  'cms/newsletter',
  'cms/registrations',
  'cms/attendance',
  'cms/funders',
  'cms/print',
  'cms/follow',
  'cms/import',
  'cms/proposals',
]

const root = process.cwd()
const SOURCE = /\.(ts|tsx|mjs|astro)$/
const RESOLVE = ['', '.ts', '.tsx', '.mjs', '.js', '.astro', '/index.ts', '/index.tsx']

const walk = (dir: string): string[] =>
  readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`
    if (name === 'node_modules' || name.startsWith('.')) return []
    if (statSync(path.join(root, rel)).isDirectory()) return walk(rel)
    return SOURCE.test(name) ? [rel] : []
  })

type Edge = { from: string; to: string; typeOnly: boolean; line: string }

const SPECIFIERS =
  /(?:^|\n)\s*(import\s+type\b|export\s+type\b|import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g

const resolve = (from: string, spec: string): string | null => {
  if (spec === '@payload-config') return 'cms/payload.config.ts'
  if (!spec.startsWith('.')) return null
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec))
  for (const ext of RESOLVE) {
    const candidate = base + ext
    if (existsSync(path.join(root, candidate)) && statSync(path.join(root, candidate)).isFile()) return candidate
  }
  return null
}

const importGraph = (files: string[], read = (f: string) => readFileSync(path.join(root, f), 'utf8')) => {
  const edges: Edge[] = []
  for (const file of files) {
    for (const m of read(file).matchAll(SPECIFIERS)) {
      const spec = m[2] ?? m[3] ?? m[4]
      if (!spec) continue
      const to = resolve(file, spec)
      if (to) edges.push({ from: file, to, typeOnly: /type$/.test(m[1] ?? ''), line: m[0].trim().split('\n')[0] ?? '' })
    }
  }
  return edges
}

const layerOf = (file: string): Layer | null => LAYERS.find((l) => file.startsWith(`${l}/`)) ?? null

/** Imports that run back up the layers, or into a wing's internals, or give emails/ a database handle. */
const violations = (edges: Edge[]): string[] => {
  const found: string[] = []
  for (const e of edges) {
    const from = layerOf(e.from)
    const to = layerOf(e.to)
    if (!from || !to) continue
    if (e.to === CONTRACT && e.typeOnly) continue
    if (LAYERS.indexOf(to) > LAYERS.indexOf(from)) found.push(`${e.from} → ${e.to} (${from} may not import ${to})`)
    for (const wing of WINGS)
      if (e.to.startsWith(`${wing}/`) && !e.from.startsWith(`${wing}/`) && e.to !== `${wing}/index.ts`)
        found.push(`${e.from} → ${e.to} (enter ${wing} through ${wing}/index.ts)`)
    if (from === 'emails' && (e.to === 'cms/local-api.ts' || e.to === 'cms/payload.config.ts'))
      found.push(`${e.from} → ${e.to} (emails/ has no database access)`)
  }
  return found
}

/** Every import cycle, as the list of files around it (each cycle once, from its smallest file). */
const cycles = (edges: Edge[]): string[][] => {
  const next = new Map<string, Set<string>>()
  for (const e of edges) next.set(e.from, (next.get(e.from) ?? new Set()).add(e.to))
  const found = new Map<string, string[]>()
  const visit = (start: string, node: string, trail: string[], seen: Set<string>) => {
    for (const to of next.get(node) ?? []) {
      if (to === start) {
        const ring = [...trail]
        const key = [...ring].sort().join('|')
        if (!found.has(key) && ring[0] === [...ring].sort()[0]) found.set(key, ring)
      } else if (!seen.has(to) && to > start) {
        seen.add(to)
        visit(start, to, [...trail, to], seen)
        seen.delete(to)
      }
    }
  }
  for (const start of next.keys()) visit(start, start, [start], new Set([start]))
  return [...found.values()]
}

const files = LAYERS.flatMap((l) => walk(l))
const edges = importGraph(files)

describe('import graph', () => {
  it('reads the imports of every layer', () => {
    expect(files.length).toBeGreaterThan(200)
    expect(edges.some((e) => e.from === 'cms/payload.config.ts' && e.to === 'collections/index.ts')).toBe(true)
    expect(edges.some((e) => e.from.endsWith('.astro'))).toBe(true)
  })

  it('only points down the layers (shared ← collections ← emails ← cms ← site) and enters wings by their index', () => {
    expect(violations(edges)).toEqual([])
  })

  it('has no import cycles', () => {
    expect(cycles(edges)).toEqual([])
  })

  it('catches an import that runs back up, a wing entered from the side, and a loop', () => {
    const fake: Record<string, string> = {
      'collections/index.ts': "import { siteUrl } from '../shared/env'\nimport { x } from '../emails/send'",
      'site/lib/filters.ts': "import type { B } from './agenda'\nexport { y } from '../../cms/newsletter/site'",
      'site/lib/agenda.ts': "import { a } from './filters'",
    }
    const graph = importGraph(Object.keys(fake), (f) => fake[f] ?? '')
    expect(violations(graph)).toEqual([
      'collections/index.ts → emails/send.ts (collections may not import emails)',
      'site/lib/filters.ts → cms/newsletter/site.ts (enter cms/newsletter through cms/newsletter/index.ts)',
    ])
    expect(cycles(graph)).toEqual([['site/lib/agenda.ts', 'site/lib/filters.ts']])
  })
})
