/**
 * `<agenda-rbbg>`: the network's agenda on another website, in one line. The script is bundled by
 * scripts/lib/widget-bundle.mjs and served by site/pages/widget/agenda-rbbg.js.ts; it reads /eventi.json of the site
 * that serves it with a simple GET (no preflight) and shows nothing until the events arrive.
 *
 *   <script type="module" src="https://<site>/widget/agenda-rbbg.js"></script>
 *   <agenda-rbbg comune="albino" categoria="letture" limite="5"></agenda-rbbg>
 */
import { WIDGET_SCRIPT_EN, WIDGET_SCRIPT_IT } from '../../shared/strings/widget'
import { filterQuery, langPath, OPTION_NAMES, WIDGET_FILTER_PARAMS, widgetOptions } from './config'
import { eventLine, WIDGET_CSS, type WidgetItem } from './view'

/** The agenda site that serves this script: its JSON and its event pages. */
const SITE = new URL(import.meta.url).origin
const SR_CSS =
  '.rbbg-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}'

type Child = Node | string | null | false
const h = (tag: string, attrs: Record<string, string | null>, ...children: Child[]): HTMLElement => {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) if (value !== null) node.setAttribute(name, value)
  for (const child of children) if (child) node.append(child)
  return node
}

class AgendaRbbg extends HTMLElement {
  static observedAttributes = [...WIDGET_FILTER_PARAMS, ...OPTION_NAMES]
  #root: ShadowRoot
  #abort: AbortController | null = null
  #pending = false

  constructor() {
    super()
    this.#root = this.attachShadow({ mode: 'open' })
    const css = WIDGET_CSS + SR_CSS
    try {
      const sheet = new CSSStyleSheet()
      sheet.replaceSync(css)
      this.#root.adoptedStyleSheets = [sheet]
    } catch {
      this.#root.append(h('style', {}, css))
    }
  }

  connectedCallback() {
    this.#schedule()
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#schedule()
  }

  disconnectedCallback() {
    this.#abort?.abort()
  }

  /** Several attributes set at once (a configurator) make one request. */
  #schedule() {
    if (this.#pending) return
    this.#pending = true
    queueMicrotask(() => {
      this.#pending = false
      void this.#load()
    })
  }

  async #load() {
    this.#abort?.abort()
    const abort = new AbortController()
    this.#abort = abort
    const read = (name: string) => this.getAttribute(name)
    const filters = filterQuery(read)
    const options = widgetOptions(read)
    let items: WidgetItem[] | null = null
    let invalid = false
    try {
      const response = await fetch(`${SITE}/eventi.json?${filters}`, { signal: abort.signal, credentials: 'omit' })
      if (response.ok) items = ((await response.json()) as { items: WidgetItem[] }).items
      invalid = response.status === 400 || response.status === 404
    } catch {
      if (abort.signal.aborted) return
    }
    if (abort.signal.aborted) return
    const lang = options.lingua
    const t = lang === 'en' ? WIDGET_SCRIPT_EN : WIDGET_SCRIPT_IT
    const newTab = options.target === '_blank'
    const link = (href: string, cls: string | null, ...text: Child[]) =>
      h(
        'a',
        {
          href,
          class: cls,
          target: options.target === '_self' ? null : options.target,
          rel: newTab ? 'noopener' : null,
        },
        ...text,
        newTab && h('span', { class: 'rbbg-sr' }, ` ${t.newTab}`),
      )
    const shown = items?.slice(0, options.limite) ?? []
    const list = shown.length
      ? h(
          'ul',
          { class: 'rbbg-list' },
          ...shown.map((item) => {
            const e = eventLine(item, lang, t)
            return h(
              'li',
              { class: 'rbbg-item' },
              link(e.href, null, e.title),
              e.status && h('strong', { class: 'rbbg-status' }, ` – ${e.status}`),
              h('span', { class: 'rbbg-meta' }, h('time', { datetime: e.datetime }, e.when)),
              e.place && h('span', { class: 'rbbg-meta' }, e.place),
              e.audience && h('span', { class: 'rbbg-meta' }, e.audience),
            )
          }),
        )
      : h('p', { class: 'rbbg-note' }, items ? t.empty : invalid ? t.invalid : t.error)
    const query = filters.toString()
    const more = h('p', {}, link(`${SITE}${langPath(lang, '/eventi')}${query ? `?${query}` : ''}`, 'rbbg-more', t.more))
    const section = h(
      'section',
      { class: `rbbg ${options.tema}`, lang, 'aria-label': t.region, style: `--accent:${options.colore}` },
      list,
      more,
    )
    this.#root.querySelector('section')?.remove()
    this.#root.append(section)
  }
}

if (!customElements.get('agenda-rbbg')) customElements.define('agenda-rbbg', AgendaRbbg)
