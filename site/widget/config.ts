/**
 * What an embed of the agenda says and means, shared by the script (`<agenda-rbbg>`), the iframe page
 * (/widget/frame) and the configurator (/widget). Browser-safe: the script bundles it, so it imports nothing
 * that reaches the database or the filter registry (tests/unit/widget.spec.ts checks the names against it).
 */

/** The agenda filters an embed accepts: attributes and frame parameters named as the query of /eventi and /eventi.json. */
export const WIDGET_FILTER_PARAMS = [
  'sistema',
  'biblioteca',
  'comune',
  'vicino',
  'raggio',
  'categoria',
  'pubblico',
  'rassegna',
  'festival',
  'campagna',
  'organizzatore',
  'accessibilita',
  'eta',
  'gratuito',
  'quando',
  'da',
  'a',
  'q',
] as const
export type WidgetFilterParam = (typeof WIDGET_FILTER_PARAMS)[number]

/** Filters that take several values (OR): an attribute lists them separated by commas or spaces. */
const LIST_PARAMS: readonly string[] = [
  'sistema',
  'biblioteca',
  'comune',
  'vicino',
  'categoria',
  'pubblico',
  'rassegna',
  'festival',
  'campagna',
  'organizzatore',
  'accessibilita',
  'eta',
]

/** The page size of /eventi.json: an embed shows at most one page. */
export const MAX_LIMIT = 20
export const DEFAULT_LIMIT = 5
export const DEFAULT_COLOUR = '#0066cc'
export const THEMES = ['chiaro', 'scuro'] as const
export type Theme = (typeof THEMES)[number]
/** Where an event's link opens: the script's page itself, a new tab, or (from a frame) the page around it. */
export const TARGETS = ['_self', '_blank', '_top', '_parent'] as const
export type Target = (typeof TARGETS)[number]
export type WidgetLang = 'it' | 'en'

export type WidgetOptions = { limite: number; lingua: WidgetLang; tema: Theme; colore: string; target: Target }
/** The presentation settings beside the filters, with the names of their attributes and parameters. */
export const OPTION_NAMES = ['limite', 'lingua', 'tema', 'colore', 'target'] as const

type Read = (name: string) => string | null | undefined

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i

/**
 * The /eventi.json query of an embed's filters, read by name from attributes or from a query string. Lists may be
 * written "a, b" or "a b" (an attribute holds one string); empty values are dropped; other names are ignored.
 */
export const filterQuery = (read: Read): URLSearchParams => {
  const query = new URLSearchParams()
  for (const name of WIDGET_FILTER_PARAMS) {
    const value = read(name)?.trim()
    if (!value) continue
    const values = LIST_PARAMS.includes(name) ? value.split(/[\s,]+/).filter(Boolean) : [value]
    for (const v of values) query.append(name, v)
  }
  return query
}

/** The presentation settings; a value out of range falls back to its default (an embed never breaks a page). */
export const widgetOptions = (read: Read, defaults: { lingua?: WidgetLang; target?: Target } = {}): WidgetOptions => {
  const limit = Number(read('limite'))
  const lang = read('lingua')
  const theme = read('tema')
  const colour = read('colore')?.trim() ?? ''
  const target = read('target')
  return {
    limite: Number.isInteger(limit) && limit >= 1 ? Math.min(limit, MAX_LIMIT) : DEFAULT_LIMIT,
    lingua: lang === 'it' || lang === 'en' ? lang : (defaults.lingua ?? 'it'),
    tema: theme === 'scuro' || theme === 'dark' ? 'scuro' : 'chiaro',
    colore: HEX.test(colour) ? colour.toLowerCase() : DEFAULT_COLOUR,
    target: (TARGETS as readonly (string | null | undefined)[]).includes(target)
      ? (target as Target)
      : (defaults.target ?? '_self'),
  }
}

/** A site path in the embed's language: the agenda's English pages live under /en. */
export const langPath = (lang: WidgetLang, path: string): string => (lang === 'en' ? `/en${path}` : path)

const attribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** What a comune pastes for the script: one line loading it, one element with its filters and settings. */
export const scriptSnippet = (site: string, filters: URLSearchParams, options: WidgetOptions): string => {
  const attrs: string[] = []
  const lists = new Map<string, string[]>()
  for (const [name, value] of filters) lists.set(name, [...(lists.get(name) ?? []), value])
  for (const [name, values] of lists) attrs.push(`${name}="${attribute(values.join(','))}"`)
  if (options.limite !== DEFAULT_LIMIT) attrs.push(`limite="${options.limite}"`)
  if (options.lingua !== 'it') attrs.push(`lingua="${options.lingua}"`)
  if (options.tema !== 'chiaro') attrs.push(`tema="${options.tema}"`)
  if (options.colore !== DEFAULT_COLOUR) attrs.push(`colore="${options.colore}"`)
  if (options.target !== '_self') attrs.push(`target="${options.target}"`)
  return [
    `<script type="module" src="${site}/widget/agenda-rbbg.js"></script>`,
    `<agenda-rbbg${attrs.map((a) => ` ${a}`).join('')}></agenda-rbbg>`,
  ].join('\n')
}

/** The address of the iframe version: the same filters and settings as query parameters (links open on top). */
export const frameUrl = (site: string, filters: URLSearchParams, options: WidgetOptions): string => {
  const query = new URLSearchParams(filters)
  if (options.limite !== DEFAULT_LIMIT) query.set('limite', String(options.limite))
  if (options.tema !== 'chiaro') query.set('tema', options.tema)
  if (options.colore !== DEFAULT_COLOUR) query.set('colore', options.colore)
  if (options.target === '_blank') query.set('target', '_blank')
  const search = query.toString()
  return `${site}${langPath(options.lingua, '/widget/frame')}${search ? `?${search}` : ''}`
}

/** Roughly the height the frame needs for `limite` events, so the host page does not scroll inside it. */
export const frameHeight = (options: WidgetOptions): number => 90 + options.limite * 92

export const frameSnippet = (site: string, filters: URLSearchParams, options: WidgetOptions, title: string): string =>
  `<iframe src="${attribute(frameUrl(site, filters, options))}" title="${attribute(title)}" width="100%" height="${frameHeight(options)}" style="border:0" loading="lazy"></iframe>`
