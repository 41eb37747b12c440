import { type FigureRow, type NetworkFigures, networkFigures } from '../../cms/reports'
import { csvCell } from '../../cms/tables'
import { toWall } from '../../collections/lib/recurrence'
import { catalogue } from '../../shared/strings'
import { getPayload } from './payload'
import { NETWORK } from './site-info'
import { absoluteUrl, type Locale } from './urls'

/** How long a year's figures are kept before they are counted again: attendance is recorded days later anyway. */
const KEEP_MS = 10 * 60_000
const kept = new Map<number, { at: number; figures: Promise<NetworkFigures> }>()

/** The network's public figures of a year (suppressed: counts under 5 are "<5"), counted at most every 10 minutes. */
export const yearFigures = async (year: number, now = Date.now()): Promise<NetworkFigures> => {
  const hit = kept.get(year)
  if (hit && now - hit.at < KEEP_MS) return hit.figures
  const figures = getPayload().then((payload) => networkFigures(payload, year))
  kept.set(year, { at: now, figures })
  figures.catch(() => kept.delete(year))
  return figures
}

/** The years /dati shows: the last complete one and the current one (on Rome's calendar). */
export const shownYears = (now = new Date()): [number, number] => {
  const year = toWall(now).getUTCFullYear()
  return [year - 1, year]
}

/** `?anno=` of the downloads: one of the shown years, else `null`. */
export const parseYear = (text: string | null, now = new Date()): number | null => {
  const years = shownYears(now)
  const year = Number(text)
  return years.includes(year) ? year : null
}

const rowsOf = (f: NetworkFigures) => {
  const g = catalogue('it').reports.site.groups
  return [
    { group: g.total, ...f.total, name: NETWORK.name },
    ...f.bySystem.map((r) => ({ group: g.system, ...r })),
    ...f.byCategory.map((r) => ({ group: g.category, ...r })),
    ...f.byAudience.map((r) => ({ group: g.audience, ...r })),
  ]
}

/** The figures as CSV (`;`, UTF-8 with BOM: Italian spreadsheets); a suppressed count is the text "<5". */
export const figuresCsv = (f: NetworkFigures): string => {
  const c = catalogue('it').reports.site.fileColumns
  const lines = [
    [c.year, c.group, c.name, c.events, c.dates, c.attendance],
    ...rowsOf(f).map((r) => [f.year, r.group, r.name, r.events, r.dates, r.attendance]),
  ]
  return `\uFEFF${lines.map((l) => l.map((v) => csvCell(v)).join(';')).join('\r\n')}\r\n`
}

/** The figures as JSON, with the licence and the suppression rule in the file itself. */
export const figuresJson = (f: NetworkFigures) => ({
  title: catalogue('it').reports.site.title,
  publisher: NETWORK.name,
  license: NETWORK.license,
  licenseUrl: NETWORK.licenseUrl,
  source: absoluteUrl('/dati'),
  suppression: catalogue('en').reports.site.suppression,
  year: f.year,
  total: { events: f.total.events, dates: f.total.dates, attendance: f.total.attendance },
  bySystem: f.bySystem,
  byCategory: f.byCategory,
  byAudience: f.byAudience,
})

/** The HTTP headers that state the licence of a download (CSV has nowhere else to say it). */
export const licenseHeaders = (): Record<string, string> => ({
  Link: `<${NETWORK.licenseUrl}>; rel="license"`,
  'X-License': NETWORK.license,
})

export type { FigureRow, NetworkFigures }
export const figureStrings = (locale: Locale) => catalogue(locale).reports.site
