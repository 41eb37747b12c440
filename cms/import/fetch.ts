import { lookup as dnsLookup } from 'node:dns/promises'
import http from 'node:http'
import https from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import { importAllowLoopback } from '../../shared/env'
import { catalogue } from '../../shared/strings'
import { isPublicAddress } from './addresses'

const T = catalogue('it').imports.fetch

export const FETCH_LIMITS = { maxBytes: 5 * 1024 * 1024, timeoutMs: 15_000, maxRedirects: 5 }

export type FetchOptions = Partial<typeof FETCH_LIMITS> & {
  /** Default: IMPORT_ALLOW_LOOPBACK. */
  allowLoopback?: boolean
}

export type FetchResult =
  | { ok: true; body: string; url: string; contentType: string }
  | { ok: false; reason: string; url: string }

class Refused extends Error {}

/** An address an import may use: http(s), no credentials. `webcal:` is what calendar apps offer for https. */
export const parseCalendarUrl = (text: string): URL => {
  let url: URL
  try {
    url = new URL(text.trim().replace(/^webcal:/i, 'https:'))
  } catch {
    throw new Refused(T.invalidUrl)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Refused(T.scheme)
  if (url.username || url.password) throw new Refused(T.credentials)
  return url
}

/**
 * The one address this request will connect to: every address the name resolves to must be public (a name
 * with one private address among public ones is refused, so no round-robin can slip one in), and the socket is
 * then pinned to the first of them, so a second resolution cannot change it (DNS rebinding).
 */
const resolvePublic = async (url: URL, allowLoopback: boolean): Promise<{ address: string; family: 4 | 6 }> => {
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const literal = isIP(host)
  const addresses = literal
    ? [{ address: host, family: literal as 4 | 6 }]
    : await dnsLookup(host, { all: true, verbatim: true }).catch(() => [])
  if (addresses.length === 0) throw new Refused(T.dns(host))
  for (const { address } of addresses)
    if (!isPublicAddress(address, allowLoopback)) throw new Refused(T.privateAddress(address))
  const first = addresses[0] as { address: string; family: number }
  return { address: first.address, family: first.family === 6 ? 6 : 4 }
}

const pinned =
  (address: string, family: 4 | 6): LookupFunction =>
  (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }])
    else callback(null, address, family)
  }

type Hop = { redirect: string } | { body: string; contentType: string }

const REDIRECTS = new Set([301, 302, 303, 307, 308])

/** One request to a checked address: the status, a redirect's target, or the body within the size limit. */
const request = (url: URL, target: { address: string; family: 4 | 6 }, limits: typeof FETCH_LIMITS, deadline: number) =>
  new Promise<Hop>((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http
    const req = client.request(
      url,
      {
        method: 'GET',
        lookup: pinned(target.address, target.family),
        agent: false,
        headers: {
          Accept: 'text/calendar, text/plain;q=0.9, */*;q=0.1',
          'Accept-Encoding': 'gzip, deflate, br',
          'User-Agent': 'AgendaRBBG-import/1 (+calendar sync)',
        },
      },
      (res) => {
        const status = res.statusCode ?? 0
        if (REDIRECTS.has(status)) {
          res.resume()
          const location = res.headers.location
          if (!location) return reject(new Refused(T.badRedirect))
          return resolve({ redirect: location })
        }
        if (status < 200 || status >= 300) {
          res.resume()
          return reject(new Refused(T.status(status)))
        }
        const declared = Number(res.headers['content-length'] ?? Number.NaN)
        if (Number.isFinite(declared) && declared > limits.maxBytes) {
          res.destroy()
          return reject(new Refused(T.tooLarge(limits.maxBytes / 1024 / 1024)))
        }
        const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase()
        const stream =
          encoding === 'gzip' || encoding === 'x-gzip'
            ? res.pipe(createGunzip())
            : encoding === 'deflate'
              ? res.pipe(createInflate())
              : encoding === 'br'
                ? res.pipe(createBrotliDecompress())
                : res
        const chunks: Buffer[] = []
        let size = 0
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length
          // Counted after decompression: a small gzip bomb is as refused as a large file.
          if (size > limits.maxBytes) {
            res.destroy()
            stream.destroy()
            reject(new Refused(T.tooLarge(limits.maxBytes / 1024 / 1024)))
            return
          }
          chunks.push(chunk)
        })
        stream.on('end', () =>
          resolve({
            body: Buffer.concat(chunks).toString('utf8'),
            contentType: String(res.headers['content-type'] ?? ''),
          }),
        )
        stream.on('error', (error) => reject(error))
        res.on('error', (error) => reject(error))
      },
    )
    const timer = setTimeout(
      () => req.destroy(new Refused(T.timeout(Math.round(limits.timeoutMs / 1000)))),
      Math.max(0, deadline - Date.now()),
    )
    req.on('close', () => clearTimeout(timer))
    req.on('error', (error) => reject(error))
    req.end()
  })

/**
 * Reads a calendar from the Internet, and only from it: http(s), public addresses checked after DNS resolution
 * and again at every redirect (followed by hand, at most `maxRedirects`), the socket pinned to the checked
 * address, one deadline for the whole exchange, and at most `maxBytes` read. Never throws: a refusal is a
 * reason in Italian.
 */
export const fetchCalendar = async (address: string, options: FetchOptions = {}): Promise<FetchResult> => {
  const limits = { ...FETCH_LIMITS, ...options }
  const allowLoopback = options.allowLoopback ?? importAllowLoopback()
  const deadline = Date.now() + limits.timeoutMs
  let current = address
  try {
    let url = parseCalendarUrl(address)
    current = url.toString()
    for (let hop = 0; ; hop++) {
      const target = await resolvePublic(url, allowLoopback)
      if (Date.now() >= deadline) throw new Refused(T.timeout(Math.round(limits.timeoutMs / 1000)))
      const result = await request(url, target, limits, deadline)
      if ('body' in result) return { ok: true, body: result.body, url: current, contentType: result.contentType }
      if (hop >= limits.maxRedirects) throw new Refused(T.tooManyRedirects(limits.maxRedirects))
      let next: URL
      try {
        next = new URL(result.redirect, url)
      } catch {
        throw new Refused(T.badRedirect)
      }
      url = parseCalendarUrl(next.toString())
      current = url.toString()
    }
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.message, url: current }
    const code = (error as { code?: string }).code
    return { ok: false, reason: T.network(code ?? (error as Error).message ?? 'errore'), url: current }
  }
}
