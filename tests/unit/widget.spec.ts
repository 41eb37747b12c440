import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { FILTERS, NEAR_FILTERS } from '../../collections/filter-registry'
import { assertWidgetBudget, bundleWidget, WIDGET_GZIP_BUDGET } from '../../scripts/lib/widget-bundle.mjs'
import { WIDGET_SCRIPT_EN, WIDGET_SCRIPT_IT } from '../../shared/strings/widget'
import { parseFilters } from '../../site/lib/filters'
import { isFrameable, securityHeaders } from '../../site/lib/security'
import {
  DEFAULT_COLOUR,
  DEFAULT_LIMIT,
  filterQuery,
  frameUrl,
  MAX_LIMIT,
  scriptSnippet,
  WIDGET_FILTER_PARAMS,
  widgetOptions,
} from '../../site/widget/config'
import { eventLine, type WidgetItem } from '../../site/widget/view'

/** Attributes as the browser would give them to the element. */
const attrs = (values: Record<string, string>) => (name: string) => values[name] ?? null

describe('the <agenda-rbbg> script stays within 10 KB gzip', () => {
  it('the bundle the site serves weighs at most 10,240 bytes gzipped', async () => {
    const bundle = await bundleWidget()
    expect(WIDGET_GZIP_BUDGET).toBe(10_240)
    expect(gzipSync(bundle.code, { level: 9 }).byteLength).toBe(bundle.gzipBytes)
    expect(bundle.gzipBytes).toBeLessThanOrEqual(WIDGET_GZIP_BUDGET)
    // It is the component, not an empty file, and carries no Node or framework code.
    expect(bundle.code).toContain('customElements.define("agenda-rbbg"')
    expect(bundle.code).not.toMatch(/\brequire\(|node:|react/)
  })

  it('the build fails when the script outgrows the budget', () => {
    expect(() => assertWidgetBudget({ gzipBytes: WIDGET_GZIP_BUDGET })).not.toThrow()
    expect(() => assertWidgetBudget({ gzipBytes: WIDGET_GZIP_BUDGET + 1 })).toThrow(/over its budget of 10240/)
  })
})

describe('the embed accepts every agenda filter under the name of its query parameter', () => {
  it('the attributes are exactly the parameters /eventi and /eventi.json read', () => {
    const agenda = [
      ...FILTERS.map((f) => f.param),
      ...NEAR_FILTERS.map((f) => f.within.param),
      'quando',
      'da',
      'a',
      'q',
    ]
    expect([...WIDGET_FILTER_PARAMS].sort()).toEqual(agenda.sort())
  })

  it('attributes become the /eventi.json query, lists split on commas or spaces, and the agenda parses it', () => {
    const query = filterQuery(
      attrs({
        comune: 'albino, bergamo',
        categoria: 'letture laboratori',
        sistema: 'valle-seriana',
        biblioteca: 'biblioteca-di-albino',
        pubblico: 'bambini',
        rassegna: 'leggere-insieme',
        festival: 'bergamo-scienza',
        campagna: 'nati-per-leggere',
        eta: '2, 5',
        gratuito: '1',
        quando: 'settimana',
        q: 'storie di mare',
        limite: '3',
        class: 'agenda',
      }),
    )
    expect(query.getAll('comune')).toEqual(['albino', 'bergamo'])
    expect(query.getAll('categoria')).toEqual(['letture', 'laboratori'])
    expect(query.get('q')).toBe('storie di mare')
    // Presentation settings and foreign attributes never reach the JSON's query.
    expect(query.has('limite')).toBe(false)
    expect(query.has('class')).toBe(false)
    const parsed = parseFilters(query)
    expect(parsed.comune).toEqual(['albino', 'bergamo'])
    expect(parsed.rassegna).toEqual(['leggere-insieme'])
    expect(parsed.festival).toEqual(['bergamo-scienza'])
    expect(parsed.campagna).toEqual(['nati-per-leggere'])
    expect(parsed.eta).toEqual([2, 5])
    expect(parsed.gratuito).toBe(true)
    expect(parsed.quando).toBe('settimana')
  })

  it('a date window is da/a, as in the agenda', () => {
    const query = filterQuery(attrs({ da: '2026-12-01', a: '2026-12-24', comune: '' }))
    expect(query.toString()).toBe('da=2026-12-01&a=2026-12-24')
  })
})

describe('the presentation settings fall back to their defaults rather than break the host page', () => {
  it('count, language, theme, colour and link target', () => {
    expect(widgetOptions(attrs({}))).toEqual({
      limite: DEFAULT_LIMIT,
      lingua: 'it',
      tema: 'chiaro',
      colore: DEFAULT_COLOUR,
      target: '_self',
    })
    expect(
      widgetOptions(attrs({ limite: '8', lingua: 'en', tema: 'scuro', colore: '#AA3300', target: '_blank' })),
    ).toEqual({ limite: 8, lingua: 'en', tema: 'scuro', colore: '#aa3300', target: '_blank' })
    expect(widgetOptions(attrs({ limite: '500' })).limite).toBe(MAX_LIMIT)
    expect(widgetOptions(attrs({ limite: '0' })).limite).toBe(DEFAULT_LIMIT)
    expect(widgetOptions(attrs({ limite: 'tanti' })).limite).toBe(DEFAULT_LIMIT)
    // A colour is a hex colour or nothing: it is written into a style attribute.
    expect(widgetOptions(attrs({ colore: 'red;background:url(x)' })).colore).toBe(DEFAULT_COLOUR)
    expect(widgetOptions(attrs({ target: 'javascript:' })).target).toBe('_self')
    expect(widgetOptions(attrs({ lingua: 'fr' }), { lingua: 'en' }).lingua).toBe('en')
  })
})

describe('the snippets say what the configurator shows', () => {
  const filters = new URLSearchParams([
    ['comune', 'albino'],
    ['comune', 'nembro'],
    ['categoria', 'letture'],
  ])
  const options = widgetOptions(attrs({ limite: '7', tema: 'scuro', target: '_blank' }))

  it('the script snippet loads the module from the site and its element carries the same filters', () => {
    const snippet = scriptSnippet('https://agenda.example.org', filters, options)
    expect(snippet).toContain('<script type="module" src="https://agenda.example.org/widget/agenda-rbbg.js"></script>')
    const element = /<agenda-rbbg([^>]*)><\/agenda-rbbg>/.exec(snippet)?.[1] ?? ''
    const read = (name: string) => new RegExp(` ${name}="([^"]*)"`).exec(element)?.[1] ?? null
    expect(filterQuery(read).toString()).toBe(filters.toString())
    expect(widgetOptions(read)).toEqual(options)
  })

  it('the frame address carries the same filters and settings, in the chosen language', () => {
    const url = new URL(frameUrl('https://agenda.example.org', filters, { ...options, lingua: 'en' }))
    expect(url.pathname).toBe('/en/widget/frame')
    expect(url.searchParams.getAll('comune')).toEqual(['albino', 'nembro'])
    expect(url.searchParams.get('limite')).toBe('7')
    expect(url.searchParams.get('tema')).toBe('scuro')
    expect(url.searchParams.get('target')).toBe('_blank')
  })
})

describe('an event line', () => {
  const item: WidgetItem = {
    title: 'Letture sotto l’albero',
    start: '2026-12-19T10:30:00+01:00',
    end: '2026-12-19T11:30:00+01:00',
    allDay: false,
    status: 'cancelled',
    url: 'https://agenda.example.org/eventi/letture-sotto-l-albero',
    library: { name: 'Biblioteca civica', comune: 'Albino' },
    venue: null,
    audienceNames: ['Bambini 3–6 anni', 'Famiglie'],
  }

  it('shows Rome time, place with its comune, audience and status, and links the event page', () => {
    const line = eventLine(item, 'it', WIDGET_SCRIPT_IT)
    expect(line).toEqual({
      title: 'Letture sotto l’albero',
      href: 'https://agenda.example.org/eventi/letture-sotto-l-albero',
      datetime: '2026-12-19T10:30:00+01:00',
      when: 'sab 19 dic, 10:30',
      place: 'Biblioteca civica, Albino',
      audience: 'Bambini 3–6 anni, Famiglie',
      status: 'Annullato',
    })
  })

  it('in English links the English event page', () => {
    const line = eventLine({ ...item, status: 'scheduled', allDay: true }, 'en', WIDGET_SCRIPT_EN)
    expect(line.href).toBe('https://agenda.example.org/en/eventi/letture-sotto-l-albero')
    expect(line.when).toBe('Sat 19 Dec, all day')
    expect(line.status).toBe('')
  })
})

describe('only the iframe version may be framed by other sites', () => {
  const headersOf = (path: string) => securityHeaders(new Request(`http://localhost${path}`))
  const frameAncestors = (h: Record<string, string>) =>
    /frame-ancestors ([^;]+)/.exec(h['Content-Security-Policy'] ?? '')?.[1]

  it('/widget/frame and /en/widget/frame: frame-ancestors *, no X-Frame-Options, the rest of the policy kept', () => {
    for (const path of ['/widget/frame', '/en/widget/frame']) {
      const h = headersOf(path)
      expect(isFrameable(path)).toBe(true)
      expect(frameAncestors(h)).toBe('*')
      expect(h['X-Frame-Options']).toBeUndefined()
      expect(h['Content-Security-Policy']).toContain("script-src 'self'")
      expect(h['X-Content-Type-Options']).toBe('nosniff')
    }
  })

  it('every other page, the configurator included, still refuses any frame', () => {
    for (const path of ['/', '/eventi', '/widget', '/en/widget', '/widget/frame/x', '/widget/framex', '/eventi.json']) {
      const h = headersOf(path)
      expect(frameAncestors(h), path).toBe("'none'")
      expect(h['X-Frame-Options'], path).toBe('DENY')
    }
  })
})
