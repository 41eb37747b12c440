// The calendar import's fetch guard (cms/import): only public http(s) addresses, checked after DNS resolution
// and at every redirect, within a deadline and a size limit. A real HTTP server on 127.0.0.1 plays the calendar.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchCalendar, isPublicAddress } from '../../cms/import'

const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n'
let server: Server
let base = ''

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const hops = Number(url.searchParams.get('hops') ?? 0)
    switch (url.pathname) {
      case '/ok.ics':
        res.writeHead(200, { 'Content-Type': 'text/calendar' }).end(ICS)
        return
      case '/redirect':
        res.writeHead(302, { Location: hops > 0 ? `/redirect?hops=${hops - 1}` : '/ok.ics' }).end()
        return
      case '/to-private':
        res.writeHead(301, { Location: 'http://169.254.169.254/latest/meta-data/' }).end()
        return
      case '/to-file':
        res.writeHead(302, { Location: 'file:///etc/passwd' }).end()
        return
      case '/declared-large':
        res.writeHead(200, { 'Content-Length': String(6 * 1024 * 1024) })
        res.end()
        return
      case '/streamed-large': {
        res.writeHead(200, { 'Content-Type': 'text/calendar' })
        const chunk = Buffer.alloc(64 * 1024, 'A')
        let sent = 0
        const pump = () => {
          while (sent < 8 * 1024 * 1024) {
            sent += chunk.length
            if (!res.write(chunk)) return res.once('drain', pump)
          }
          res.end()
        }
        pump()
        return
      }
      case '/gzip-bomb':
        res.writeHead(200, { 'Content-Encoding': 'gzip' }).end(gzipSync(Buffer.alloc(6 * 1024 * 1024, 'B')))
        return
      case '/gzip':
        res.writeHead(200, { 'Content-Encoding': 'gzip' }).end(gzipSync(ICS))
        return
      case '/slow':
        res.writeHead(200)
        res.write('BEGIN:VCALENDAR\r\n')
        return // never ends
      case '/missing':
        res.writeHead(404).end()
        return
      default:
        res.writeHead(500).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

describe('which addresses an import may reach', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.10',
    '100.64.0.1',
    '100.127.255.254',
    '169.254.169.254',
    '0.0.0.0',
    '0.1.2.3',
    '224.0.0.251',
    '239.255.255.250',
    '255.255.255.255',
    '192.0.2.1',
    '198.18.0.1',
    '::',
    '::1',
    '[::1]',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '0:0:0:0:0:ffff:192.168.0.1',
    '64:ff9b::a00:1',
    '2002:c0a8:101::1',
    '2001:db8::1',
    'not-an-address',
  ])('refuses %s (loopback, private, link-local, CGNAT, multicast, reserved, mapped)', (address) => {
    expect(isPublicAddress(address)).toBe(false)
  })

  it.each(['8.8.8.8', '93.184.216.34', '100.128.0.1', '172.32.0.1', '2a00:1450:4002:402::200e', '::ffff:8.8.8.8'])(
    'allows the public address %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true)
    },
  )

  it('allows loopback only when told to, and nothing else private', () => {
    expect(isPublicAddress('127.0.0.1', true)).toBe(true)
    expect(isPublicAddress('::1', true)).toBe(true)
    expect(isPublicAddress('::ffff:127.0.0.1', true)).toBe(true)
    expect(isPublicAddress('10.0.0.1', true)).toBe(false)
    expect(isPublicAddress('169.254.169.254', true)).toBe(false)
    expect(isPublicAddress('fe80::1', true)).toBe(false)
  })
})

describe('fetching a calendar', () => {
  const allowed = { allowLoopback: true }

  it('reads a calendar from an allowed address', async () => {
    const result = await fetchCalendar(`${base}/ok.ics`, allowed)
    expect(result).toMatchObject({ ok: true, body: ICS })
  })

  it('refuses loopback when the setting is off, after resolving the name', async () => {
    const literal = await fetchCalendar(`${base}/ok.ics`, { allowLoopback: false })
    expect(literal).toMatchObject({ ok: false })
    expect(literal.ok ? '' : literal.reason).toMatch(/127\.0\.0\.1 è privato, locale o riservato/)
    const named = await fetchCalendar(`${base.replace('127.0.0.1', 'localhost')}/ok.ics`, { allowLoopback: false })
    expect(named.ok).toBe(false)
    expect(named.ok ? '' : named.reason).toMatch(/privato, locale o riservato/)
  })

  it('refuses schemes other than http(s) and addresses with credentials', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.org/a.ics', 'gopher://x/', 'javascript:alert(1)'])
      expect(await fetchCalendar(url, allowed)).toMatchObject({ ok: false, reason: expect.stringMatching(/http/) })
    expect(await fetchCalendar('https://user:pw@example.org/a.ics', allowed)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/nome utente/),
    })
  })

  it('follows redirects by hand, at most five', async () => {
    expect(await fetchCalendar(`${base}/redirect?hops=4`, allowed)).toMatchObject({ ok: true, body: ICS })
    expect(await fetchCalendar(`${base}/redirect?hops=5`, allowed)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Troppi reindirizzamenti/),
    })
  })

  it('checks every redirect again: a redirect to a private address or another scheme is refused', async () => {
    expect(await fetchCalendar(`${base}/to-private`, allowed)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/169\.254\.169\.254/),
    })
    expect(await fetchCalendar(`${base}/to-file`, allowed)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/http/),
    })
  })

  it('refuses a calendar over the size limit, declared or streamed, and after decompression', async () => {
    for (const path of ['/declared-large', '/streamed-large', '/gzip-bomb'])
      expect(await fetchCalendar(`${base}${path}`, allowed), path).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/supera il limite di 5 MB/),
      })
    expect(await fetchCalendar(`${base}/gzip`, allowed)).toMatchObject({ ok: true, body: ICS })
  })

  it('gives up at the deadline', async () => {
    const started = Date.now()
    const result = await fetchCalendar(`${base}/slow`, { ...allowed, timeoutMs: 400 })
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/non ha risposto entro/) })
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('reports an error status in Italian', async () => {
    expect(await fetchCalendar(`${base}/missing`, allowed)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/errore 404/),
    })
  })
})
