// Lighthouse mobile audits (Lighthouse's default config: mobile form factor, simulated throttling) in Debian's
// Chromium. `bench(platform)` prints the scores of `/`, `/eventi` and one event page; the e2e spec
// tests/e2e/site-lighthouse.e2e.spec.ts asserts the deterministic ones. Alone:
// `node --import tsx bench/lighthouse.ts http://localhost:4321/eventi` prints one page's scores as JSON.
import { launch } from 'chrome-launcher'
import lighthouse, { type Result } from 'lighthouse'
import { CHROMIUM_ARGS } from '../playwright.config'
import type { Platform } from './lib'
import { print } from './lib'

export const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS]

export type Scores = {
  performance: number
  accessibility: number
  seo: number
  bestPractices: number
  lcpMs: number
  cls: number
  tbtMs: number
  /** `category: audit-id (display value)` for every scored audit below 1, and failed performance diagnostics. */
  failedAudits: string[]
}

const CATEGORIES = ['performance', 'accessibility', 'seo', 'best-practices'] as const
const SCORED = new Set(['binary', 'numeric', 'metricSavings'])

/** Category scores on Lighthouse's 0–100 scale; a category that could not be scored counts as 0. */
const score = (lhr: Result, id: (typeof CATEGORIES)[number]) => Math.round((lhr.categories[id]?.score ?? 0) * 100)

const failed = (lhr: Result) => {
  const out: string[] = []
  for (const id of CATEGORIES)
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id]
      if (!audit || ref.group === 'hidden' || !SCORED.has(audit.scoreDisplayMode)) continue
      if (audit.score === null || audit.score >= 1) continue
      // A performance audit of weight 0 is a diagnostic: only a clearly failing one (red) is worth naming.
      if (id === 'performance' && ref.weight === 0 && audit.score >= 0.5) continue
      out.push(`${id}: ${ref.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`)
    }
  return out
}

const numeric = (lhr: Result, id: string) => lhr.audits[id]?.numericValue ?? Number.NaN

/** Errors that say the page itself is wrong; any other runtime error (a trace Chromium failed to record,
 * NO_NAVSTART about one run in four here) is Lighthouse's own flake, and a fresh run usually passes. */
const PAGE_ERRORS = new Set([
  'NO_DOCUMENT_REQUEST',
  'FAILED_DOCUMENT_REQUEST',
  'ERRORED_DOCUMENT_REQUEST',
  'INSECURE_DOCUMENT_REQUEST',
  'CHROME_INTERSTITIAL_ERROR',
  'NOT_HTML',
  'INVALID_URL',
  'DNS_FAILURE',
])
const ATTEMPTS = 3

const run = async (url: string) => {
  const chrome = await launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: CHROME_FLAGS,
    logLevel: 'silent',
  })
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: [...CATEGORIES],
    })
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`)
    return result.lhr
  } finally {
    chrome.kill()
  }
}

/** A Lighthouse mobile run of `url` in a fresh headless Chromium (CHROME_PATH, default /usr/bin/chromium). */
export const lighthouseScores = async (url: string): Promise<Scores> => {
  for (let attempt = 1; ; attempt++) {
    const lhr = await run(url)
    const error = lhr.runtimeError
    if (error) {
      if (attempt < ATTEMPTS && !PAGE_ERRORS.has(error.code)) {
        console.error(`# lighthouse ${url}: ${error.code}, running again`)
        continue
      }
      throw new Error(`Lighthouse could not audit ${url}: ${error.message} (${error.code})`)
    }
    return {
      performance: score(lhr, 'performance'),
      accessibility: score(lhr, 'accessibility'),
      seo: score(lhr, 'seo'),
      bestPractices: score(lhr, 'best-practices'),
      lcpMs: numeric(lhr, 'largest-contentful-paint'),
      cls: numeric(lhr, 'cumulative-layout-shift'),
      tbtMs: numeric(lhr, 'total-blocking-time'),
      failedAudits: failed(lhr),
    }
  }
}

/** `/`, `/eventi` and the event page of the agenda's first occurrence. */
export const auditedPages = async (site: string) => {
  const res = await fetch(`${site}/eventi.json`)
  if (!res.ok) throw new Error(`${site}/eventi.json: ${res.status}`)
  const { items } = (await res.json()) as { items: { slug: string }[] }
  const slug = items[0]?.slug
  if (!slug) throw new Error(`${site}/eventi.json lists no event`)
  return [
    { name: '/', url: `${site}/` },
    { name: '/eventi', url: `${site}/eventi` },
    { name: 'event page', url: `${site}/eventi/${slug}` },
  ]
}

/** The first request renders the page; Lighthouse should see what a visitor usually gets, the cached page. */
export const warm = (url: string) => fetch(url, { headers: { 'accept-encoding': 'gzip' } }).then((r) => r.arrayBuffer())

export const bench = async (platform: Platform) => {
  for (const page of await auditedPages(platform.site)) {
    await warm(page.url)
    const s = await lighthouseScores(page.url)
    const name = `lighthouse ${page.name}`
    print(`${name} performance, mobile (target ≥ 95)`, s.performance, 'score')
    print(`${name} accessibility (target 100)`, s.accessibility, 'score')
    print(`${name} SEO (target 100)`, s.seo, 'score')
    print(`${name} best practices`, s.bestPractices, 'score')
    print(`${name} LCP, simulated mobile`, s.lcpMs, 'ms')
    print(`${name} TBT, simulated mobile`, s.tbtMs, 'ms')
    print(`${name} CLS`, s.cls, 'unitless')
    for (const audit of s.failedAudits) console.log(`#   ${page.name} below 1: ${audit}`)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.argv[2]
  if (!url) throw new Error('usage: node --import tsx bench/lighthouse.ts <url>')
  console.log(JSON.stringify(await lighthouseScores(url), null, 2))
}
