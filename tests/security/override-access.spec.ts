import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * Payload 3's Local API skips access control unless told otherwise, so every call must say what it
 * does: `overrideAccess: false` (+ `user`) when it acts for a person or the public, or
 * `overrideAccess: true` for system work. This test reads the source (not the tests) and fails on any
 * Local API call that does not spell `overrideAccess` out, and on any `overrideAccess: true` in the
 * public site, unless the call is in the allow-lists below with the reason it is safe.
 */

const ROOT = path.resolve(import.meta.dirname, '../..')
const SCANNED = ['cms', 'collections', 'site', 'emails']
const SKIPPED_DIRS = new Set(['node_modules', 'migrations', 'data'])
const SKIPPED_FILES = new Set(['cms/payload-types.ts'])

/** Every Local API operation that reads or writes documents (payload.*, req.payload.*, (await getPayload()).*). */
const OPERATIONS = new Set([
  'find',
  'findByID',
  'findDistinct',
  'create',
  'update',
  'delete',
  'duplicate',
  'count',
  'countVersions',
  'countGlobalVersions',
  'findVersions',
  'findVersionByID',
  'restoreVersion',
  'findGlobal',
  'updateGlobal',
  'findGlobalVersions',
  'findGlobalVersionByID',
  'restoreGlobalVersion',
  'login',
  'forgotPassword',
  'resetPassword',
  'unlock',
  'verifyEmail',
])

type Allowed = { file: string; call: string; reason: string }

/** Calls allowed without a literal `overrideAccess` (e.g. options built elsewhere). */
const WITHOUT_OVERRIDE_ACCESS: Allowed[] = []

/** `overrideAccess: true` inside site/: the public site must otherwise read as the public. */
const SITE_OVERRIDE_TRUE: Allowed[] = [
  {
    file: 'site/lib/ical/version.ts',
    call: 'payload.find',
    reason:
      'server-side cache key of the feeds (count, latest id and updatedAt per collection, drafts included so ' +
      'any change invalidates); never sent to a client, the ETag is a hash of the public feed body',
  },
  {
    file: 'site/lib/preview.ts',
    call: 'payload.findByID',
    reason:
      'the draft preview: reached only with a preview token the admin signs for that one event and gives only to ' +
      'those who may read its drafts (checked before the read; forged or expired tokens get 404); answered no-store',
  },
  {
    file: 'site/lib/page-cache.ts',
    call: 'payload.find',
    reason:
      'server-side key of the rendered-page cache (latest updatedAt per collection, occurrence count and id); ' +
      'only decides when a cached public page is stale, never rendered or sent',
  },
]

/** Direct database-adapter calls (payload.db.*) skip access control and hooks altogether. */
const SITE_DB_CALLS: Allowed[] = [
  {
    file: 'site/lib/search/sync.ts',
    call: 'payload.db.find',
    reason:
      'the search index reads occurrence rows (derived only from published events; its queries add the ' +
      'public’s condition, no staff-only rows) and the updatedAt of events to know which rows to re-read; nothing ' +
      'read here is ever shown, only used to pick row ids',
  },
  {
    file: 'site/lib/ical/reads.ts',
    call: 'payload.db.find',
    reason:
      'a feed rebuild reads the dates and updatedAt of the events its filter kept: the public’s conditions are in ' +
      'the queries (published events, no staff-only events or rows), as on the SQL path beside them; the events ' +
      'themselves are then read through the Local API as the public',
  },
  {
    file: 'site/lib/sitemap.ts',
    call: 'payload.db.find',
    reason:
      'the sitemap lists the slug and date of published, not staff-only events only (both are in the query; a ' +
      'draft of a published event lives in the versions table, not in these rows)',
  },
  {
    file: 'site/lib/sitemap.ts',
    call: 'payload.db.count',
    reason:
      'the sitemap index counts the same published, not staff-only events to know how many parts to list; only ' +
      'the number of parts is shown',
  },
  {
    file: 'site/lib/entity-index.ts',
    call: 'payload.db.find',
    reason:
      'while the search index is not built, the index pages count coming events from the occurrence rows (the ' +
      'public’s condition is in the query, no staff-only rows); only counts and a date are shown, and the Local ' +
      'API’s per-row hooks would cost seconds at 20,000 events',
  },
  {
    file: 'site/lib/search/sync.ts',
    call: 'payload.db.count',
    reason: 'the public occurrence row count (no staff-only rows), to notice deleted rows; never shown',
  },
]

type Call = {
  file: string
  line: number
  call: string
  overrideAccess: 'missing' | 'true' | 'false' | 'other' | 'adapter'
}

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    if (name.startsWith('.') || SKIPPED_DIRS.has(name)) return []
    const file = path.join(dir, name)
    if (statSync(file).isDirectory()) return sourceFiles(file)
    return /\.(ts|tsx|mts|astro)$/.test(name) && !name.endsWith('.d.ts') ? [file] : []
  })

/** The TypeScript an .astro file runs on the server: its frontmatter. */
const codeOf = (file: string): string => {
  const text = readFileSync(file, 'utf8')
  if (!file.endsWith('.astro')) return text
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)
  return match?.[1] ?? ''
}

/** `payload`, `req.payload`, `this.payload`, `(await getPayload())`… anything that is a Payload instance by name. */
const isPayloadReceiver = (node: ts.Expression): boolean => {
  let inner: ts.Expression = node
  while (ts.isParenthesizedExpression(inner) || ts.isAwaitExpression(inner) || ts.isNonNullExpression(inner))
    inner = inner.expression
  if (ts.isIdentifier(inner)) return /payload$/i.test(inner.text)
  if (ts.isPropertyAccessExpression(inner)) return /payload$/i.test(inner.name.text)
  if (ts.isCallExpression(inner)) return /getPayload$/.test(inner.expression.getText())
  return false
}

/** Files the parser choked on: the scan would silently miss calls in them. */
const unparsable: string[] = []

const unwrap = (node: ts.Expression): ts.Expression => {
  let inner = node
  while (ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner) || ts.isParenthesizedExpression(inner))
    inner = inner.expression
  return inner
}

/** What an options object says about overrideAccess, following `...common` spreads of objects declared in the file. */
const overrideAccessOf = (
  arg: ts.Expression | undefined,
  declared: (name: string, before: number) => ts.Expression | undefined,
): Call['overrideAccess'] => {
  const object = arg && unwrap(arg)
  if (!object || !ts.isObjectLiteralExpression(object)) return 'missing'
  let found: Call['overrideAccess'] = 'missing'
  for (const prop of object.properties) {
    if (prop.name?.getText() === 'overrideAccess') {
      const value = ts.isPropertyAssignment(prop) ? prop.initializer.getText() : ''
      found = value === 'true' ? 'true' : value === 'false' ? 'false' : 'other'
    } else if (ts.isSpreadAssignment(prop) && ts.isIdentifier(prop.expression)) {
      const spread = overrideAccessOf(declared(prop.expression.text, prop.getStart()), declared)
      if (spread !== 'missing') found = spread
    }
  }
  return found
}

const localApiCalls = (relative: string, code: string): Call[] => {
  const kind = relative.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  const source = ts.createSourceFile(relative, code, ts.ScriptTarget.Latest, true, kind)
  const declarations: { name: string; at: number; init: ts.Expression }[] = []
  const collect = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer)
      declarations.push({ name: node.name.text, at: node.getStart(), init: node.initializer })
    ts.forEachChild(node, collect)
  }
  collect(source)
  // The nearest declaration of that name above the spread.
  const declared = (name: string, before: number) =>
    declarations.filter((d) => d.name === name && d.at < before).at(-1)?.init
  const diagnostics = (source as unknown as { parseDiagnostics?: { messageText: unknown }[] }).parseDiagnostics ?? []
  if (diagnostics.length) unparsable.push(relative)
  const calls: Call[] = []
  const visit = (node: ts.Node) => {
    // payload.db.create(...), req.payload.db.deleteMany(...): the adapter itself, below access control.
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ts.isPropertyAccessExpression(node.expression.expression) &&
      node.expression.expression.name.text === 'db' &&
      isPayloadReceiver(node.expression.expression.expression)
    ) {
      calls.push({
        file: relative,
        line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        call: `payload.db.${node.expression.name.text}`,
        overrideAccess: 'adapter',
      })
    }
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      OPERATIONS.has(node.expression.name.text) &&
      isPayloadReceiver(node.expression.expression)
    ) {
      const receiver = node.expression.expression.getText().replace(/\s+/g, ' ')
      calls.push({
        file: relative,
        line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        call: `${/^req\.payload$/.test(receiver) ? 'req.payload' : 'payload'}.${node.expression.name.text}`,
        overrideAccess: overrideAccessOf(node.arguments[0], declared),
      })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return calls
}

const allCalls = (): Call[] =>
  SCANNED.flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
    .map((file) => path.relative(ROOT, file).split(path.sep).join('/'))
    .filter((file) => !SKIPPED_FILES.has(file))
    .flatMap((file) => localApiCalls(file, codeOf(path.join(ROOT, file))))

const allowed = (list: Allowed[], call: Call) => list.some((a) => a.file === call.file && a.call === call.call)
const where = (c: Call) => `${c.file}:${c.line} ${c.call}`

describe('Local API access control in the source', () => {
  const calls = allCalls()

  it('parses every scanned file (a file it cannot read is a file it cannot police)', () => {
    expect(unparsable).toEqual([])
  })

  it('finds the Local API calls it is meant to police', () => {
    // The seed's first-run check and the occurrence materialiser are known calls: if the scanner misses them, it
    // is blind.
    expect(calls.some((c) => c.file === 'cms/seed/run.ts' && c.call === 'payload.count')).toBe(true)
    expect(calls.some((c) => c.file.includes('materializeOccurrences') && c.call === 'req.payload.find')).toBe(true)
  })

  it('every Local API call states overrideAccess explicitly', () => {
    const offenders = calls
      .filter((c) => c.overrideAccess === 'missing' && !allowed(WITHOUT_OVERRIDE_ACCESS, c))
      .map(where)
    expect(offenders, 'add overrideAccess: false (+ user) or, for system work, true with a comment').toEqual([])
  })

  it('the public site never overrides access control outside the allow-list', () => {
    const offenders = calls
      .filter((c) => c.file.startsWith('site/') && (c.overrideAccess === 'true' || c.overrideAccess === 'other'))
      .filter((c) => !allowed(SITE_OVERRIDE_TRUE, c))
      .map(where)
    expect(offenders, 'the site reads as the public: overrideAccess: false').toEqual([])
  })

  it('the public site never calls the database adapter directly', () => {
    const offenders = calls
      .filter((c) => c.file.startsWith('site/') && c.overrideAccess === 'adapter' && !allowed(SITE_DB_CALLS, c))
      .map(where)
    expect(offenders, 'use the Local API with overrideAccess: false').toEqual([])
  })

  it('every allow-list entry still matches a call and says why', () => {
    const lists: [Allowed[], Call['overrideAccess'][]][] = [
      [WITHOUT_OVERRIDE_ACCESS, ['missing']],
      [SITE_OVERRIDE_TRUE, ['true', 'other']],
      [SITE_DB_CALLS, ['adapter']],
    ]
    for (const [list, kinds] of lists)
      for (const entry of list) {
        expect(entry.reason.length, `${entry.file} ${entry.call} needs a reason`).toBeGreaterThan(20)
        const used = calls.some(
          (c) => c.file === entry.file && c.call === entry.call && kinds.includes(c.overrideAccess),
        )
        expect(used, `stale allow-list entry: ${entry.file} ${entry.call}`).toBe(true)
      }
  })
})

describe('the scanner itself', () => {
  it('flags calls without overrideAccess, with a spread, and overrideAccess: true', () => {
    const code = `
      export {}
      const a = await payload.find({ collection: 'events' })
      const b = await req.payload.update({ ...args })
      const c = await (await getPayload()).count({ collection: 'x', overrideAccess: true })
      const d = await payload.findByID({ collection: 'x', id: 1, overrideAccess: false, user })
      const e = await payload.db.find({ collection: 'x' })
      const f = await other.find({ collection: 'x' })
      const common = { depth: 0, overrideAccess: false } as const
      const g = await payload.find({ collection: 'x', ...common })
      const h = await payload.find({ collection: 'x', ...common, overrideAccess: true })
    `
    expect(localApiCalls('site/x.ts', code).map((c) => [c.call, c.overrideAccess])).toEqual([
      ['payload.find', 'missing'],
      ['req.payload.update', 'missing'],
      ['payload.count', 'true'],
      ['payload.findByID', 'false'],
      ['payload.db.find', 'adapter'],
      ['payload.find', 'false'],
      ['payload.find', 'true'],
    ])
    expect(localApiCalls('site/x.ts', code).length).toBe(7)
    expect(localApiCalls('site/x.ts', 'export {}\nawait req.payload.db.deleteMany({ where: {} })')).toEqual([
      expect.objectContaining({ call: 'payload.db.deleteMany', overrideAccess: 'adapter' }),
    ])
  })
})
