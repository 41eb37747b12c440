import { TZDate } from '@date-fns/tz'
import { ACCESSIBILITY_LABELS, type Accessibility } from '../enums'
import { NEAR_FILTERS, type RadiusParam, SLUG_PARAMS, type SlugParam } from '../filter-registry'
import { MAX_AGES, parseAges } from '../lib/ages'
import { fromWall, toWall } from '../lib/recurrence'
import { foldText } from '../lib/slugify'

/**
 * The agenda's query language: GET parameters shared by /eventi, /eventi.json, /eventi/calendario,
 * the iCal feeds and the newsletter preferences. Repeating a parameter means OR; different parameters AND.
 */
export type Filters = Record<SlugParam, string[]> &
  /** The radius in km of a filter by distance (`vicino`), null for its default. */
  Record<RadiusParam, number | null> & {
    accessibilita: Accessibility[]
    /** Ages in years, ascending: an event suits one of them (a family with children of 2 and 5). */
    eta: number[]
    da: string | null
    a: string | null
    quando: Quando | null
    q: string
    gratuito: boolean
    pagina: number
  }

export const QUANDO = ['oggi', 'domani', 'weekend', 'settimana', 'mese'] as const
export type Quando = (typeof QUANDO)[number]

export { SLUG_PARAMS, type SlugParam }

export const MAX_PAGE = 500
export const MAX_QUERY_LENGTH = 200
const MAX_VALUES = 20
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

export class FilterError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message)
  }
}

export const emptyFilters = (): Filters => ({
  ...(Object.fromEntries(SLUG_PARAMS.map((name): [SlugParam, string[]] => [name, []])) as Record<SlugParam, string[]>),
  ...(Object.fromEntries(NEAR_FILTERS.map((e) => [e.within.param, null])) as Record<RadiusParam, null>),
  accessibilita: [],
  eta: [],
  da: null,
  a: null,
  quando: null,
  q: '',
  gratuito: false,
  pagina: 1,
})

const validDay = (value: string) => {
  if (!DATE.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

const single = (params: URLSearchParams, name: string): string | null => {
  const values = params.getAll(name).filter((v) => v !== '')
  if (values.length > 1) throw new FilterError(name, `Il parametro «${name}» può comparire una sola volta.`)
  return values[0] ?? null
}

/** Parses and validates; unknown parameters are ignored (tracking tags, old links), malformed ones throw FilterError. */
export const parseFilters = (params: URLSearchParams): Filters => {
  const f = emptyFilters()
  for (const name of SLUG_PARAMS) {
    const values = [...new Set(params.getAll(name).filter((v) => v !== ''))]
    if (values.length > MAX_VALUES)
      throw new FilterError(name, `Troppi valori per «${name}» (al massimo ${MAX_VALUES}).`)
    for (const v of values)
      if (!SLUG.test(v)) throw new FilterError(name, `Il valore «${v.slice(0, 40)}» non è valido per «${name}».`)
    f[name] = values
  }
  const access = [...new Set(params.getAll('accessibilita').filter((v) => v !== ''))]
  for (const v of access)
    if (!(v in ACCESSIBILITY_LABELS))
      throw new FilterError('accessibilita', `«${v.slice(0, 40)}» non è un’opzione di accessibilità.`)
  f.accessibilita = access as Accessibility[]

  for (const { param, within } of NEAR_FILTERS) {
    const radius = single(params, within.param)
    if (radius === null) continue
    if (!(within.choices as readonly number[]).map(String).includes(radius))
      throw new FilterError(within.param, `«${within.param}» accetta: ${within.choices.join(', ')} (km).`)
    // Without a place to be near, a radius means nothing: it is dropped, not an error.
    f[within.param] = f[param].length ? Number(radius) : null
  }
  // Each value may itself be a list ("2, 5", as the form's field sends it).
  const ages = params.getAll('eta').map((v) => parseAges(v))
  if (ages.some((a) => a === null))
    throw new FilterError('eta', 'L’età deve essere un numero intero di anni tra 0 e 120 (più età: 2, 5).')
  f.eta = [...new Set(ages.flatMap((a) => a ?? []))].sort((a, b) => a - b)
  if (f.eta.length > MAX_AGES) throw new FilterError('eta', `Troppe età (al massimo ${MAX_AGES}).`)
  for (const name of ['da', 'a'] as const) {
    const v = single(params, name)
    if (v !== null && !validDay(v)) throw new FilterError(name, `La data «${name}» deve essere nel formato AAAA-MM-GG.`)
    f[name] = v
  }
  if (f.da && f.a && f.a < f.da) throw new FilterError('a', 'La data «a» è precedente alla data «da».')
  const quando = single(params, 'quando')
  if (quando !== null) {
    if (!(QUANDO as readonly string[]).includes(quando))
      throw new FilterError('quando', `«quando» accetta: ${QUANDO.join(', ')}.`)
    f.quando = quando as Quando
  }
  const q = single(params, 'q') ?? ''
  if (q.length > MAX_QUERY_LENGTH)
    throw new FilterError('q', `La ricerca è troppo lunga (al massimo ${MAX_QUERY_LENGTH} caratteri).`)
  f.q = q.trim()
  const gratuito = single(params, 'gratuito')
  if (gratuito !== null && gratuito !== '1') throw new FilterError('gratuito', '«gratuito» accetta solo il valore 1.')
  f.gratuito = gratuito === '1'
  const pagina = single(params, 'pagina')
  if (pagina !== null) {
    if (!/^\d{1,4}$/.test(pagina) || Number(pagina) < 1 || Number(pagina) > MAX_PAGE)
      throw new FilterError('pagina', `La pagina deve essere un numero tra 1 e ${MAX_PAGE}.`)
    f.pagina = Number(pagina)
  }
  return f
}

/** The canonical query string of a filter set (stable order), for links, feeds and cache keys. */
export const filtersToParams = (f: Filters, options: { page?: boolean } = {}): URLSearchParams => {
  const p = new URLSearchParams()
  for (const name of SLUG_PARAMS) for (const v of [...f[name]].sort()) p.append(name, v)
  for (const { param, within } of NEAR_FILTERS) {
    const radius = f[within.param]
    if (f[param].length && radius !== null && radius !== within.km) p.set(within.param, String(radius))
  }
  for (const v of [...f.accessibilita].sort()) p.append('accessibilita', v)
  for (const age of [...f.eta].sort((a, b) => a - b)) p.append('eta', String(age))
  if (f.quando) p.set('quando', f.quando)
  if (f.da) p.set('da', f.da)
  if (f.a) p.set('a', f.a)
  if (f.q) p.set('q', f.q)
  if (f.gratuito) p.set('gratuito', '1')
  if (options.page !== false && f.pagina > 1) p.set('pagina', String(f.pagina))
  return p
}

export const searchWords = (q: string): string[] =>
  foldText(q)
    .split(' ')
    .filter((w) => w.length > 0)
    .slice(0, 8)

const romeMidnight = (y: number, m: number, d: number) => fromWall(new Date(Date.UTC(y, m, d)))

/**
 * The time window of a filter set as instants: [from, to). `from` defaults to `now`
 * (what is still going on or to come), `to` is open unless a date or preset closes it.
 */
export const dateRange = (f: Filters, now: Date = new Date()): { from: Date; to: Date | null } => {
  const wall = toWall(now)
  const [y, m, d] = [wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()]
  const day = (offset: number) => romeMidnight(y, m, d + offset)
  let from: Date = now
  let to: Date | null = null
  if (f.quando === 'oggi') [from, to] = [now, day(1)]
  if (f.quando === 'domani') [from, to] = [day(1), day(2)]
  if (f.quando === 'settimana') [from, to] = [now, day(7)]
  if (f.quando === 'mese') [from, to] = [now, day(30)]
  if (f.quando === 'weekend') {
    const weekday = new TZDate(now.getTime(), 'Europe/Rome').getDay() // 0 = Sunday
    const toSaturday = weekday === 0 ? -1 : 6 - weekday
    from = weekday === 0 || weekday === 6 ? now : day(toSaturday)
    to = day(toSaturday + 2)
  }
  if (f.da) {
    const [yy, mm, dd] = f.da.split('-').map(Number) as [number, number, number]
    from = romeMidnight(yy, mm - 1, dd)
  }
  if (f.a) {
    const [yy, mm, dd] = f.a.split('-').map(Number) as [number, number, number]
    to = romeMidnight(yy, mm - 1, dd + 1)
  }
  return { from, to }
}
