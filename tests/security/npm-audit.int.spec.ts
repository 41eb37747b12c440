import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * `npm audit --omit=dev`: every high or critical advisory on a production dependency must be listed, with
 * the reason it does not apply, under "Accepted advisories" in docs/security.md. Needs a registry that
 * serves npm's advisory endpoint; where it does not (an offline mirror), the test is reported as skipped.
 */

const ROOT = path.resolve(import.meta.dirname, '../..')

const acceptedAdvisories = (): Set<string> => {
  const doc = readFileSync(path.join(ROOT, 'docs', 'security.md'), 'utf8')
  const section = doc.split(/^## /m).find((s) => s.startsWith('Accepted advisories')) ?? ''
  return new Set([...section.matchAll(/GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}/g)].map((m) => m[0]))
}

type Audit = {
  vulnerabilities?: Record<string, { severity: string; via: (string | { url?: string; title?: string })[] }>
  message?: string
  statusCode?: number
}

describe('npm audit of production dependencies', () => {
  it('has no high or critical advisory outside the documented ones', (ctx) => {
    const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
    let audit: Audit
    try {
      audit = JSON.parse(run.stdout) as Audit
    } catch {
      throw new Error(`npm audit gave no JSON: ${run.stderr.slice(0, 500)}`)
    }
    if (!audit.vulnerabilities && audit.statusCode)
      return ctx.skip(`the registry does not serve the advisory endpoint (${audit.message})`)

    const accepted = acceptedAdvisories()
    const unexplained: string[] = []
    for (const [name, v] of Object.entries(audit.vulnerabilities ?? {})) {
      if (v.severity !== 'high' && v.severity !== 'critical') continue
      for (const via of v.via) {
        if (typeof via === 'string') continue // reported through another package, listed under that one
        const id = /GHSA(?:-[a-z0-9]{4}){3}/.exec(via.url ?? '')?.[0] ?? via.url ?? via.title ?? '?'
        if (!accepted.has(id)) unexplained.push(`${name} (${v.severity}): ${id} ${via.title ?? ''}`)
      }
    }
    expect(unexplained, 'fix them, or explain each in docs/security.md § Accepted advisories').toEqual([])
  })
})
