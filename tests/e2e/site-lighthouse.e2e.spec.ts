import { expect, test } from '@playwright/test'
import { auditedPages, lighthouseScores, warm } from '../../bench/lighthouse'
import { SITE } from '../../playwright.config'

// Issue 4's budgets on `/`, `/eventi` and an event page, Lighthouse mobile in Debian's Chromium: accessibility
// and SEO are 100 on any machine. Performance depends on the machine's load: here only a floor that a slow,
// busy machine still meets; the ≥ 95 target is measured by `npm run bench` (bench/lighthouse.ts).
const PERFORMANCE_FLOOR = 80

// One audit at a time: two Lighthouse runs side by side would throttle each other's CPU.
test.describe.configure({ mode: 'default', timeout: 60_000 })

for (const name of ['/', '/eventi', 'event page']) {
  test(`Lighthouse mobile on ${name}: accessibility 100, SEO 100, best practices and performance above the floor`, async () => {
    const page = (await auditedPages(SITE)).find((p) => p.name === name)
    if (!page) throw new Error(`no audited page named ${name}`)
    await warm(page.url)
    const s = await lighthouseScores(page.url)
    const failing = (category: string) => s.failedAudits.filter((a) => a.startsWith(`${category}:`)).join('; ')
    console.log(
      `lighthouse ${name}: performance ${s.performance}, accessibility ${s.accessibility}, SEO ${s.seo}, best practices ${s.bestPractices}, LCP ${Math.round(s.lcpMs)} ms, TBT ${Math.round(s.tbtMs)} ms, CLS ${s.cls.toFixed(3)}`,
    )
    expect.soft(s.accessibility, `accessibility audits failing: ${failing('accessibility')}`).toBe(100)
    expect.soft(s.seo, `SEO audits failing: ${failing('seo')}`).toBe(100)
    expect
      .soft(s.bestPractices, `best-practices audits failing: ${failing('best-practices')}`)
      .toBeGreaterThanOrEqual(90)
    expect
      .soft(s.performance, `performance audits failing: ${failing('performance')}`)
      .toBeGreaterThanOrEqual(PERFORMANCE_FLOOR)
  })
}
