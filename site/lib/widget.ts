import { siteUrl } from '../../shared/env'
import { catalogue, type Locale } from '../../shared/strings'
import {
  filterQuery,
  frameHeight,
  frameSnippet,
  frameUrl,
  langPath,
  MAX_LIMIT,
  scriptSnippet,
  type WidgetFilterParam,
  type WidgetOptions,
  widgetOptions,
} from '../widget/config'
import { type EventLine, eventLine } from '../widget/view'
import { openDataPage } from './open-data'
import { filterOptions, type Option } from './options'
import { asPageError } from './pages'
import { absoluteUrl } from './urls'

/**
 * The server's side of the agenda on other websites: the iframe version (/widget/frame) and the configurator
 * (/widget). The script itself is site/widget/agenda-rbbg.ts; both read the same settings (site/widget/config.ts).
 */

/** A query string read as an embed's attributes: a repeated parameter is a list, as "a,b" in an attribute. */
const reader = (params: URLSearchParams) => (name: string) => {
  const values = params.getAll(name).filter((v) => v !== '')
  return values.length ? values.join(',') : null
}

export type FrameView = {
  locale: Locale
  options: WidgetOptions
  /** Where the links open: the page around the frame, or a new tab. */
  target: '_top' | '_blank'
  /** The events, or null when the filters are not valid or name nothing that exists. */
  lines: EventLine[] | null
  status: 200 | 400 | 404
  moreHref: string
}

/** The iframe version: the first `limite` events of /eventi.json for the same filters, in the page's language. */
export const widgetFrame = async (params: URLSearchParams, locale: Locale): Promise<FrameView> => {
  const read = reader(params)
  const filters = filterQuery(read)
  const options = { ...widgetOptions(read), lingua: locale }
  const t = catalogue(locale).widget.script
  let lines: EventLine[] | null = null
  let status: FrameView['status'] = 200
  try {
    const page = await openDataPage(filters)
    lines = page.items.slice(0, options.limite).map((item) => eventLine(item, locale, t))
  } catch (error) {
    status = asPageError(error).status as 400 | 404
  }
  const query = filters.toString()
  return {
    locale,
    options,
    target: options.target === '_blank' ? '_blank' : '_top',
    lines,
    status,
    moreHref: absoluteUrl(`${langPath(locale, '/eventi')}${query ? `?${query}` : ''}`),
  }
}

/** The filters the configurator offers, each a select of one value (the script accepts lists too). */
export const CONFIGURATOR_SELECTS = [
  'sistema',
  'biblioteca',
  'comune',
  'categoria',
  'pubblico',
  'rassegna',
  'festival',
  'campagna',
] as const satisfies readonly WidgetFilterParam[]
export type ConfiguratorSelect = (typeof CONFIGURATOR_SELECTS)[number]

/** What the configurator island is given: plain data (an island's props are serialised). */
export type ConfiguratorProps = {
  site: string
  locale: Locale
  choices: { param: ConfiguratorSelect; label: string; all: string; options: Option[] }[]
  quando: { value: string; label: string }[]
  /** The form's values as the query string gave them (one per parameter). */
  values: Record<string, string>
  options: WidgetOptions
  maxLimit: number
  labels: ConfiguratorLabels
  /** What the server rendered for these values (without JavaScript the page shows these). */
  snippets: { script: string; frame: string }
  preview: { src: string; height: number }
}

export type ConfiguratorLabels = ReturnType<typeof configuratorLabels>

const configuratorLabels = (locale: Locale) => {
  const { site, widget } = catalogue(locale)
  const { script, limitHint, invalid: _invalid, ...rest } = widget
  return {
    ...rest,
    limitHint: limitHint(MAX_LIMIT),
    frameName: script.region,
    age: site.age,
    ageHint: site.ageHint,
    free: site.free,
    when: site.when,
    fromDate: site.fromDate,
    toDate: site.toDate,
  }
}

/** The configurator page: the choices of the agenda's filter form, the values asked for and their snippets. */
export const widgetConfigurator = async (params: URLSearchParams, locale: Locale): Promise<ConfiguratorProps> => {
  const t = catalogue(locale).site
  const read = reader(params)
  const all = await filterOptions().catch(() => null)
  const label: Record<ConfiguratorSelect, string> = {
    sistema: t.system,
    biblioteca: t.library,
    comune: t.comune,
    categoria: t.category,
    pubblico: t.audience,
    rassegna: t.series,
    festival: t.festival,
    campagna: t.campaign,
  }
  const choices = CONFIGURATOR_SELECTS.map((param) => ({
    param,
    label: label[param],
    all: param === 'biblioteca' ? t.allFeminine : t.all,
    options: all?.[param] ?? [],
  }))
  const values: Record<string, string> = {}
  for (const param of [...CONFIGURATOR_SELECTS, 'eta', 'quando', 'da', 'a', 'gratuito'])
    values[param] = params.get(param)?.trim() ?? ''
  const options = widgetOptions(read, { lingua: locale })
  const filters = filterQuery((name) => values[name] || null)
  const site = siteUrl()
  const labels = configuratorLabels(locale)
  return {
    site,
    locale,
    choices,
    quando: Object.entries(t.quando).map(([value, text]) => ({ value, label: text })),
    values,
    options,
    maxLimit: MAX_LIMIT,
    labels,
    snippets: {
      script: scriptSnippet(site, filters, options),
      frame: frameSnippet(site, filters, options, labels.frameName),
    },
    preview: { src: frameUrl('', filters, options), height: frameHeight(options) },
  }
}
