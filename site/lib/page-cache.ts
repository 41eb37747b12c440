import { gzipSync } from 'node:zlib'
import { NEAR_FILTERS } from '../../collections/filter-registry'
import { SLUGS } from '../../collections/slugs'
import { SLUG_PARAMS } from './filters'
import { etagOf, matchesEtag } from './http'
import { withinMs } from './time-limit'

/**
 * An in-process cache of rendered public pages (agenda, event, entity pages, open data), keyed by URL and by
 * a fingerprint of the published data. Any save in the CMS changes the fingerprint, so a change shows on
 * the next request (the fingerprint is re-read at most every VERSION_TTL_MS); TTL_MS bounds how long a
 * page may ignore the clock (an event that has just ended, "today"). Only responses that mark themselves
 * publicly cacheable (Cache-Control with stale-while-revalidate) are stored.
 */
const TTL_MS = Number(process.env.PAGE_CACHE_TTL_MS ?? 15_000)
const VERSION_TTL_MS = 500
const VERSION_WAIT_MS = 2_000
const MAX_ENTRIES = 500
const MAX_BODY_BYTES = 1_000_000
/** What the stored pages (and their gzip copies) may take in memory, whatever their number. */
const MAX_TOTAL_BYTES = Number(process.env.PAGE_CACHE_MAX_BYTES ?? 64 * 1024 * 1024)

/**
 * The query parameters public pages read (the agenda filters, the calendar's month, the chosen date of an
 * event page). Pages ignore any other, so the cache does too: `?x=<random>` is the same page, not a new entry
 * that evicts the real ones. (An event page redirects a `data` that is not one of its dates: never stored.)
 */
const KNOWN_PARAMS = new Set([
  ...SLUG_PARAMS,
  ...NEAR_FILTERS.map((e) => e.within.param),
  'accessibilita',
  'eta',
  'quando',
  'da',
  'a',
  'q',
  'gratuito',
  'pagina',
  'mese',
  'data',
])

type Entry = {
  key: string
  body: Uint8Array<ArrayBuffer>
  gzip?: Uint8Array<ArrayBuffer>
  headers: [string, string][]
  etag: string
  storedAt: number
}

/** A cached answer as plain parts, so the Node server can write it without building a Response. */
export type CachedAnswer = { status: 200 | 304; headers: [string, string][]; body: Uint8Array<ArrayBuffer> | null }

const GZIP_MIN_BYTES = 1024

const entries = new Map<string, Entry>()
let totalBytes = 0
const sizeOf = (entry: Entry) => entry.body.byteLength + (entry.gzip?.byteLength ?? 0)
const forget = (key: string) => {
  const entry = entries.get(key)
  if (!entry) return
  totalBytes -= sizeOf(entry)
  entries.delete(key)
}
/** Oldest first, until both the number of pages and their bytes are within bounds. */
const evict = () => {
  while (entries.size > MAX_ENTRIES || (totalBytes > MAX_TOTAL_BYTES && entries.size > 0))
    forget(entries.keys().next().value as string)
}
const inFlight = new Map<string, Promise<{ response: Response; entry: Entry | null }>>()

// Every collection a public page reads from; occurrences also change when an event is deleted or unpublished.
const WATCHED = [
  SLUGS.events,
  SLUGS.systems,
  SLUGS.libraries,
  SLUGS.venues,
  SLUGS.categories,
  SLUGS.audiences,
  SLUGS.series,
  SLUGS.festivals,
  SLUGS.campaigns,
  SLUGS.media,
  SLUGS.funders,
  SLUGS.partners,
] as const

let version: { at: number; value: Promise<string> } | null = null

const readVersion = async (): Promise<string> => {
  // Loaded on first use, so pages that never touch the database (robots.txt, static files) never wait for it.
  const { getPayload } = await import('./payload')
  const payload = await getPayload()
  const latest = await Promise.all(
    WATCHED.map((collection) =>
      payload
        .find({
          collection: collection as 'systems',
          sort: '-updatedAt',
          limit: 1,
          depth: 0,
          pagination: false,
          select: { updatedAt: true },
          overrideAccess: true, // a fingerprint of the data, never shown to anyone
        })
        .then((r) => r.docs[0]?.updatedAt ?? ''),
    ),
  )
  const occurrences = await payload.find({
    collection: SLUGS.occurrences,
    sort: '-id',
    limit: 1,
    depth: 0,
    select: { start: true },
    overrideAccess: true, // as above
  })
  return [...latest, occurrences.totalDocs, occurrences.docs[0]?.id ?? 0].join('|')
}

/** The fingerprint of the published data, re-read at most every VERSION_TTL_MS. */
export const dataVersion = (now = Date.now()): Promise<string> => {
  if (!version || now - version.at > VERSION_TTL_MS) {
    const value = readVersion()
    version = { at: now, value }
    value.catch(() => {
      if (version?.value === value) version = null
    })
  }
  return version.value
}

const cacheable = (response: Response) =>
  response.status === 200 &&
  !response.headers.has('Set-Cookie') &&
  !!response.headers.get('Cache-Control')?.includes('stale-while-revalidate')

const store = async (key: string, response: Response): Promise<Entry | null> => {
  if (!cacheable(response)) return null
  const body = new Uint8Array(await response.arrayBuffer())
  const etag = response.headers.get('ETag') ?? etagOf(body)
  const headers: [string, string][] = [...response.headers.entries()].filter(([name]) => name !== 'etag')
  const entry: Entry = { key, body, headers, etag, storedAt: Date.now() }
  if (body.byteLength <= MAX_BODY_BYTES) {
    forget(key)
    entries.set(key, entry)
    totalBytes += sizeOf(entry)
    evict()
  }
  return entry
}

/** The known parameters, in a fixed order: every spelling of one page shares one key. */
const canonicalQuery = (url: URL) => {
  const known = [...url.searchParams].filter(([name]) => KNOWN_PARAMS.has(name))
  known.sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1))
  return new URLSearchParams(known).toString()
}

const keyOf = (request: Request, fingerprint: string) => {
  const url = new URL(request.url)
  const query = canonicalQuery(url)
  // Only a request without unknown parameters may store: a page rendered for `?x=…` could echo `x` somewhere.
  const onlyKnown = [...url.searchParams.keys()].every((name) => KNOWN_PARAMS.has(name))
  return { key: `${url.pathname}?${query}\n${fingerprint}`, canonical: onlyKnown }
}
const cacheKey = (request: Request, fingerprint: string) => keyOf(request, fingerprint).key

const acceptsGzip = (request: Request) =>
  (request.headers.get('accept-encoding') ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';')
    return coding === 'gzip' && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p))
  })

// The compressed copy is another representation: its strong ETag differs, and either validates (RFC 9110 8.8.3).
const gzipEtag = (etag: string) => etag.replace(/"$/, '-gz"')

const answerParts = (request: Request, entry: Entry): CachedAnswer => {
  const headers = entry.headers.filter(([name]) => !['content-length', 'content-type', 'vary'].includes(name))
  const type = entry.headers.find(([name]) => name === 'content-type')
  const gzip = entry.body.byteLength >= GZIP_MIN_BYTES && acceptsGzip(request)
  headers.push(['Vary', 'Accept-Encoding'], ['ETag', gzip ? gzipEtag(entry.etag) : entry.etag])
  const ifNoneMatch = request.headers.get('if-none-match')
  if (matchesEtag(ifNoneMatch, entry.etag) || matchesEtag(ifNoneMatch, gzipEtag(entry.etag)))
    return { status: 304, headers, body: null }
  if (type) headers.push(type)
  let body = entry.body
  if (gzip) {
    if (!entry.gzip) {
      entry.gzip = new Uint8Array(gzipSync(entry.body, { level: 6 }))
      if (entries.has(entry.key)) {
        totalBytes += entry.gzip.byteLength
        evict()
      }
    }
    body = entry.gzip
    headers.push(['Content-Encoding', 'gzip'])
  }
  headers.push(['Content-Length', String(body.byteLength)])
  return { status: 200, headers, body: request.method === 'HEAD' ? null : body }
}

const answer = (request: Request, entry: Entry): Response => {
  const { status, headers, body } = answerParts(request, entry)
  return new Response(body, { status, headers })
}

/**
 * The middleware step: a fresh cached copy, or render once (concurrent requests for the same page wait for
 * that render) and store it. Every 200 answer carries an ETag, and a matching If-None-Match gets a 304.
 */
export const servePage = async (request: Request, render: () => Promise<Response>): Promise<Response> => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return render()
  // The cache must never be the reason a page is slow: no fingerprint within VERSION_WAIT_MS, no cache.
  // A database failure is reported by the page itself.
  const fingerprint = await withinMs<string | null>(dataVersion(), VERSION_WAIT_MS, null)
  if (fingerprint === null) return render()
  const { key, canonical } = keyOf(request, fingerprint)
  const hit = entries.get(key)
  if (hit && Date.now() - hit.storedAt < TTL_MS) return answer(request, hit)
  if (request.method === 'HEAD' || !canonical) return render()

  const pending = inFlight.get(key)
  if (pending) {
    const { entry } = await pending
    return entry ? answer(request, entry) : render()
  }
  const job = render().then(async (response) => ({ response, entry: await store(key, response) }))
  inFlight.set(key, job)
  try {
    const { response, entry } = await job
    return entry ? answer(request, entry) : response
  } finally {
    inFlight.delete(key)
  }
}

/**
 * A fresh cached copy for a GET/HEAD, without rendering anything, or null. The Node server asks this before
 * handing a request to Astro (scripts/serve-site.mjs), so a cached page costs no routing or middleware.
 */
export const cachedAnswer = async (request: Request): Promise<CachedAnswer | null> => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null
  const current = version
  if (!current || Date.now() - current.at > VERSION_TTL_MS) return null // the full path refreshes it
  const fingerprint = await current.value.catch(() => null)
  if (fingerprint === null) return null
  const hit = entries.get(cacheKey(request, fingerprint))
  return hit && Date.now() - hit.storedAt < TTL_MS ? answerParts(request, hit) : null
}

/** For tests: how many pages and bytes the cache holds. */
export const pageCacheSize = () => ({ entries: entries.size, bytes: totalBytes })

/** For tests: forget every cached page. */
export const clearPageCache = () => {
  entries.clear()
  totalBytes = 0
  version = null
}
