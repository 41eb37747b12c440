import { createHash } from 'node:crypto'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { UnknownSlugError } from '../agenda'
import { matchesEtag } from '../http'
import { clearFeedBlocks } from './blocks'
import type { Feed } from './feed'
import { clearNamedDocs } from './named'
import { forgetDataVersion } from './version'

/** Calendar clients poll every few hours at most; five minutes of staleness is invisible to them. */
export const FEED_CACHE_CONTROL = 'public, max-age=300'
const ERROR_CACHE_CONTROL = 'public, max-age=10'
/**
 * A built feed is reused while the data version it was built from holds, so polls and 304s cost a map
 * lookup; after this long it is rebuilt anyway, since "now" moves the nearest events and `quando` ranges.
 */
export const FEED_MAX_AGE_MS = 10 * 60_000
const MEMO_ENTRIES = 200
/** What built feeds (with their compressed copies) may take in memory: distinct filter combinations cannot fill it. */
const MEMO_MAX_BYTES = Number(process.env.FEED_CACHE_MAX_BYTES ?? 64 * 1024 * 1024)

type Encoding = 'br' | 'gzip' | 'identity'

type Entry = {
  key: string
  body: Buffer
  etag: string
  lastModified: Date
  filename: string
  version: string
  expires: number
  encoded: Partial<Record<Encoding, Buffer>>
}

const memo = new Map<string, Promise<Entry>>()
const SEEN_KEYS = 5000
/** Bytes held per key once its feed is built (body and encodings). */
const sizes = new Map<string, number>()
let memoBytes = 0
const setSize = (key: string, bytes: number) => {
  memoBytes += bytes - (sizes.get(key) ?? 0)
  sizes.set(key, bytes)
}
const drop = (key: string) => {
  memo.delete(key)
  memoBytes -= sizes.get(key) ?? 0
  sizes.delete(key)
}
const trim = () => {
  while (memo.size > MEMO_ENTRIES || (memoBytes > MEMO_MAX_BYTES && memo.size > 1))
    drop(memo.keys().next().value as string)
}
const bytesOf = (entry: Entry) =>
  entry.body.length +
  Object.values(entry.encoded).reduce((sum, b) => sum + (b === entry.body ? 0 : (b?.length ?? 0)), 0)

/** For tests: how many feeds and bytes the cache holds. */
export const feedCacheSize = () => ({ entries: memo.size, bytes: memoBytes })
/** The previous body of each key, so a change that no updatedAt reveals (a removal) still moves Last-Modified. */
const seen = new Map<string, { etag: string; lastModified: number }>()

/** Forgets built feeds, the events' blocks and the named documents: the next request builds from nothing. */
export const clearFeedCache = () => {
  memo.clear()
  sizes.clear()
  memoBytes = 0
  seen.clear()
  clearFeedBlocks()
  clearNamedDocs()
  forgetDataVersion()
}

const toEntry = (key: string, feed: Feed, version: string, now: number): Entry => {
  const body = Buffer.from(feed.ics, 'utf8')
  const etag = `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`
  // HTTP dates have whole seconds; a later body never gets an earlier date than the one it replaces.
  let lastModified = Math.floor(feed.lastModified.getTime() / 1000) * 1000
  const previous = seen.get(key)
  if (previous && previous.etag !== etag && lastModified <= previous.lastModified)
    lastModified = Math.max(previous.lastModified + 1000, Math.floor(now / 1000) * 1000)
  else if (previous && previous.etag === etag) lastModified = previous.lastModified
  seen.delete(key)
  seen.set(key, { etag, lastModified })
  if (seen.size > SEEN_KEYS) seen.delete(seen.keys().next().value as string)
  return {
    key,
    body,
    etag,
    lastModified: new Date(lastModified),
    filename: feed.filename,
    version,
    expires: now + FEED_MAX_AGE_MS,
    encoded: { identity: body },
  }
}

const cached = async (key: string, version: string, produce: () => Promise<Feed>): Promise<Entry> => {
  const hit = memo.get(key)
  if (hit) {
    const entry = await hit.catch(() => null)
    if (entry && entry.version === version && entry.expires > Date.now()) {
      memo.delete(key)
      memo.set(key, hit) // most recently used last
      return entry
    }
  }
  const pending = produce().then((feed) => {
    const entry = toEntry(key, feed, version, Date.now())
    if (memo.get(key) === pending) {
      setSize(key, bytesOf(entry))
      trim()
    }
    return entry
  })
  drop(key)
  memo.set(key, pending)
  pending.catch(() => {
    if (memo.get(key) === pending) drop(key)
  })
  trim()
  return pending
}

/** The best coding the client accepts: brotli, then gzip, else none (q=0 refuses). */
export const pickEncoding = (acceptEncoding: string | null): Encoding => {
  const accepted = new Map<string, number>()
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    if (!name) continue
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1)
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0
  if (ok('br')) return 'br'
  if (ok('gzip')) return 'gzip'
  return 'identity'
}

const encode = (entry: Entry, encoding: Encoding): Buffer => {
  let out = entry.encoded[encoding]
  if (!out) {
    out =
      encoding === 'br'
        ? brotliCompressSync(entry.body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 5,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length,
            },
          })
        : gzipSync(entry.body, { level: 6 })
    entry.encoded[encoding] = out
    if (sizes.has(entry.key)) {
      setSize(entry.key, bytesOf(entry))
      trim()
    }
  }
  return out
}

/** RFC 9110 §13.1.3: If-Modified-Since counts only without If-None-Match. */
const notModified = (request: Request, entry: Entry) => {
  const ifNoneMatch = request.headers.get('if-none-match')
  if (ifNoneMatch) return matchesEtag(ifNoneMatch, entry.etag)
  const since = Date.parse(request.headers.get('if-modified-since') ?? '')
  return !Number.isNaN(since) && entry.lastModified.getTime() <= since
}

export const textResponse = (status: number, message: string) =>
  new Response(`${message}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': ERROR_CACHE_CONTROL },
  })

/**
 * Serves a feed: rebuilt only when `version` (of the data) changes or the build is FEED_MAX_AGE_MS old,
 * validated by ETag and Last-Modified,
 * compressed when the client allows. `produce` returning null, or naming an unknown slug, means 404.
 */
export const feedResponse = async (
  request: Request,
  key: string,
  version: () => Promise<string>,
  produce: () => Promise<Feed | null>,
): Promise<Response> => {
  let entry: Entry
  try {
    entry = await cached(key, await version(), async () => {
      const feed = await produce()
      if (!feed) throw new NotFound()
      return feed
    })
  } catch (error) {
    if (error instanceof UnknownSlugError) return textResponse(404, `Calendario non trovato. ${error.message}`)
    if (error instanceof NotFound)
      return textResponse(404, 'Calendario non trovato: l’evento non esiste o non è pubblicato.')
    throw error
  }
  const headers: Record<string, string> = {
    'Cache-Control': FEED_CACHE_CONTROL,
    ETag: entry.etag,
    'Last-Modified': entry.lastModified.toUTCString(),
    Vary: 'Accept-Encoding',
  }
  if (notModified(request, entry)) return new Response(null, { status: 304, headers })
  const encoding = pickEncoding(request.headers.get('accept-encoding'))
  const body = encode(entry, encoding)
  headers['Content-Type'] = 'text/calendar; charset=utf-8'
  headers['Content-Disposition'] = `attachment; filename="${entry.filename}"`
  headers['Content-Length'] = String(body.length)
  if (encoding !== 'identity') headers['Content-Encoding'] = encoding
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers })
}

class NotFound extends Error {}
