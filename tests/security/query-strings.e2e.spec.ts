import { type APIResponse, expect, test } from '@playwright/test'

/**
 * Hostile or broken query strings on every endpoint that reads the agenda filters: each is answered at once
 * with a 400 that names the problem in Italian, or is ignored; never a 5xx, never a stack trace, never slow.
 */
const ENDPOINTS = ['/eventi', '/eventi.json', '/calendario.ics']
const FAST_MS = 2000

/** [case, query, the parameter the answer must name]. */
const BAD: [string, string, string][] = [
  ['huge pagina', 'pagina=99999999999999999999', 'pagina'],
  ['pagina beyond the cap', 'pagina=501', 'pagina'],
  ['negative pagina', 'pagina=-1', 'pagina'],
  ['2,000-character q', `q=${'a'.repeat(2000)}`, 'q'],
  ['impossible date', 'da=2026-02-30', 'da'],
  ['not a date', 'a=domani', 'a'],
  ['range backwards', 'da=2026-06-10&a=2026-06-01', 'a'],
  ['repeated pagina', 'pagina=1&pagina=2', 'pagina'],
  ['repeated q', 'q=teatro&q=musica', 'q'],
  ['repeated quando', 'quando=oggi&quando=domani', 'quando'],
  ['unknown preset', 'quando=ieri', 'quando'],
  ['age out of range', 'eta=9999', 'eta'],
  ['thousand category values', Array.from({ length: 1000 }, (_, i) => `categoria=c${i}`).join('&'), 'categoria'],
  ['slug with markup', 'sistema=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'sistema'],
  ['radius not offered', 'vicino=albino&raggio=7', 'raggio'],
]

const noStackTrace = (body: string) => {
  expect(body).not.toMatch(/\n\s+at [\w.<>]+ \(|node_modules|\.ts:\d+:\d+/)
}

const timed = async (call: () => Promise<APIResponse>) => {
  const started = Date.now()
  const res = await call()
  const body = await res.text()
  return { res, body, ms: Date.now() - started }
}

for (const endpoint of ENDPOINTS) {
  test.describe(`query strings on ${endpoint}`, () => {
    for (const [name, query, param] of BAD) {
      test(`${name} → 400 naming the parameter «${param}», fast`, async ({ request }) => {
        const { res, body, ms } = await timed(() => request.get(`${endpoint}?${query}`))
        expect(res.status()).toBe(400)
        // The parameter itself, as the page («…»), the JSON (`param`) and the feed name it; not just any Italian word.
        if (endpoint.endsWith('.json')) expect(JSON.parse(body).param).toBe(param)
        else expect(body).toContain(`«${param}»`)
        noStackTrace(body)
        expect(ms).toBeLessThan(FAST_MS)
      })
    }

    test('unknown parameters (tracking tags, old links) are ignored', async ({ request }) => {
      const { res, body, ms } = await timed(() =>
        request.get(`${endpoint}?utm_source=newsletter&fbclid=abc&colore=blu&${'x'.repeat(50)}=1`),
      )
      expect(res.status()).toBe(200)
      expect(ms).toBeLessThan(FAST_MS)
      const plain = await (await request.get(endpoint)).text()
      // The same events as without them (pages differ only in their canonical/self links).
      const ids = (text: string) => [...text.matchAll(/\/eventi\/([a-z0-9-]+)/g)].map((m) => m[1]).sort()
      expect(ids(body)).toEqual(ids(plain))
    })

    test('an 8 KB query string is refused or answered, never a 5xx', async ({ request }) => {
      const { res, ms } = await timed(() => request.get(`${endpoint}?q=x&zz=${'y'.repeat(8000)}`))
      expect(res.status()).toBeLessThan(500)
      expect(ms).toBeLessThan(FAST_MS)
    })
  })
}

test('twenty hostile requests at once all answer quickly with a 4xx', async ({ request }) => {
  const started = Date.now()
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) => request.get(`/eventi?${BAD[i % BAD.length]?.[1]}`)),
  )
  for (const res of results) expect(res.status()).toBe(400)
  expect(Date.now() - started).toBeLessThan(FAST_MS * 2)
})

test('an address with broken percent-encoding gets an Italian 400, not a crash', async ({ request }) => {
  for (const path of ['/eventi/%E0%A4%A', '/eventi?q=%E0%A4%A']) {
    const res = await request.get(path)
    expect(res.status(), path).toBe(400)
    const body = await res.text()
    expect(body).toMatch(/Richiesta non valida/)
    noStackTrace(body)
  }
})
