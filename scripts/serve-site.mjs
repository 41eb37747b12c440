#!/usr/bin/env node
// The production site server: Astro's Node handler behind scripts/lib/graceful.mjs, so a SIGTERM/SIGINT
// lets the requests in flight finish (@astrojs/node's own standalone server exits at once on a signal).
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { serveGracefully } from './lib/graceful.mjs'

process.env.ASTRO_NODE_AUTOSTART = 'disabled'
const outDir = path.resolve(process.env.ASTRO_OUT_DIR ?? 'dist')
const { handler } = await import(pathToFileURL(path.join(outDir, 'server', 'entry.mjs')).href)
const httpsSite = (process.env.SITE_URL ?? '').startsWith('https:')
// Registered by site/middleware.ts: a fresh page-cache hit, answered without Astro's routing and middleware.
const CACHED_PAGE = Symbol.for('agenda-rbb.cachedPage')
const FORWARDED = ['if-none-match', 'accept-encoding', 'x-forwarded-proto', 'x-request-id']

const serveCached = (req, res, fallback) => {
  const headers = new Headers()
  for (const name of FORWARDED) {
    const value = req.headers[name]
    if (typeof value === 'string') headers.set(name, value)
  }
  const request = new Request(new URL(req.url ?? '/', 'http://localhost'), { method: req.method, headers })
  globalThis[CACHED_PAGE](request).then(
    (answer) => {
      if (!answer) return fallback()
      for (const [name, value] of answer.headers) res.setHeader(name, value)
      res.writeHead(answer.status)
      res.end(answer.body ?? undefined)
    },
    () => fallback(),
  )
}

serveGracefully({
  name: 'site',
  port: Number(process.env.PORT ?? process.env.SITE_PORT ?? 4321),
  host: process.env.HOST ?? 'localhost',
  graceMs: Number(process.env.SHUTDOWN_GRACE_MS ?? 8000),
  handler: (req, res) => {
    // Static files never reach the Astro middleware: they get the baseline headers here.
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
    const forwardedHttps =
      String(req.headers['x-forwarded-proto'] ?? '')
        .split(',')[0]
        .trim() === 'https'
    if (forwardedHttps || httpsSite) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    try {
      decodeURI(req.url ?? '/')
    } catch {
      // Astro's own answer to an undecodable address is an English "Bad request.".
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
      res.end('Richiesta non valida: l’indirizzo contiene caratteri codificati in modo errato.\n')
      return
    }
    if (globalThis[CACHED_PAGE] && (req.method === 'GET' || req.method === 'HEAD'))
      serveCached(req, res, () => handler(req, res))
    else handler(req, res)
  },
})
