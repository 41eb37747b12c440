import { createElement, useEffect, useState } from 'react'
import type { ConfiguratorProps } from '../../lib/widget'
import {
  DEFAULT_COLOUR,
  DEFAULT_LIMIT,
  filterQuery,
  frameHeight,
  frameSnippet,
  frameUrl,
  scriptSnippet,
  THEMES,
  type WidgetOptions,
} from '../../widget/config'

/**
 * The configurator of /widget: a plain GET form (without JavaScript it reloads the page, which renders the
 * snippets and the iframe preview for the values sent); with JavaScript every change updates the snippets and
 * both previews at once, and the snippets can be copied with a button. Hydrated by the page's own script
 * (site/pages/[...lang]/widget/index.astro), not by `client:load`: Astro's island loader is an inline script,
 * which the site's CSP (`script-src 'self'`) refuses.
 */
export default function WidgetConfigurator(props: ConfiguratorProps) {
  const { labels: t, site } = props
  const [values, setValues] = useState(props.values)
  const [options, setOptions] = useState<WidgetOptions>(props.options)
  const [live, setLive] = useState(false)
  const [copied, setCopied] = useState('')
  useEffect(() => setLive(true), [])

  const filters = filterQuery((name) => values[name] || null)
  const snippets = live
    ? { script: scriptSnippet(site, filters, options), frame: frameSnippet(site, filters, options, t.frameName) }
    : props.snippets
  const preview = live ? { src: frameUrl('', filters, options), height: frameHeight(options) } : props.preview
  // The address keeps the choices, as the form would send them: a reload or a shared link shows the same.
  const address = new URLSearchParams(filters)
  if (options.limite !== DEFAULT_LIMIT) address.set('limite', String(options.limite))
  if (options.lingua !== props.locale) address.set('lingua', options.lingua)
  if (options.tema !== 'chiaro') address.set('tema', options.tema)
  if (options.colore !== DEFAULT_COLOUR) address.set('colore', options.colore)
  if (options.target === '_blank') address.set('target', '_blank')
  const search = address.toString()
  useEffect(() => {
    if (live) history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}`)
  }, [live, search])
  const attributes: Record<string, string> = {}
  for (const [name, value] of filters) attributes[name] = attributes[name] ? `${attributes[name]},${value}` : value
  Object.assign(attributes, {
    limite: String(options.limite),
    lingua: options.lingua,
    tema: options.tema,
    colore: options.colore,
    target: options.target,
  })

  const setValue = (name: string) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [name]: e.target.value }))
    setCopied('')
  }
  const setOption =
    <K extends keyof WidgetOptions>(name: K, parse: (value: string) => WidgetOptions[K]) =>
    (e: { target: { value: string } }) => {
      setOptions((o) => ({ ...o, [name]: parse(e.target.value) }))
      setCopied('')
    }
  const copy = async (which: 'script' | 'frame') => {
    try {
      await navigator.clipboard.writeText(snippets[which])
      setCopied(t.copied)
    } catch {
      setCopied(t.copyFailed)
    }
  }
  // Fixed ids: the page has one configurator, and the server's render and the browser's must agree.
  const field = (name: string) => `wc-${name}`

  return (
    <div className="widget-configurator">
      <form method="get" className="widget-form">
        <fieldset>
          <legend>{t.filtersLegend}</legend>
          <div className="field-grid">
            {props.choices.map((c) => {
              const groups = c.options.some((o) => o.group !== undefined)
                ? [...new Set(c.options.map((o) => o.group ?? ''))]
                : null
              const option = (o: { value: string; label: string }) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              )
              return (
                <div className="field" key={c.param}>
                  <label htmlFor={field(c.param)}>{c.label}</label>
                  <select id={field(c.param)} name={c.param} value={values[c.param] ?? ''} onChange={setValue(c.param)}>
                    <option value="">{c.all}</option>
                    {groups
                      ? groups.map((g) => (
                          <optgroup key={g} label={g}>
                            {c.options.filter((o) => (o.group ?? '') === g).map(option)}
                          </optgroup>
                        ))
                      : c.options.map(option)}
                  </select>
                </div>
              )
            })}
            <div className="field">
              <label htmlFor={field('quando')}>{t.when}</label>
              <select id={field('quando')} name="quando" value={values.quando ?? ''} onChange={setValue('quando')}>
                <option value="">{t.anyTime}</option>
                {props.quando.map((q) => (
                  <option key={q.value} value={q.value}>
                    {q.label}
                  </option>
                ))}
              </select>
            </div>
            {(['da', 'a'] as const).map((name) => (
              <div className="field" key={name}>
                <label htmlFor={field(name)}>{name === 'da' ? t.fromDate : t.toDate}</label>
                <input id={field(name)} name={name} type="date" value={values[name] ?? ''} onChange={setValue(name)} />
              </div>
            ))}
            <div className="field">
              <label htmlFor={field('eta')}>{t.age}</label>
              <input
                id={field('eta')}
                name="eta"
                value={values.eta ?? ''}
                onChange={setValue('eta')}
                aria-describedby={field('eta-hint')}
              />
              <p className="hint" id={field('eta-hint')}>
                {t.ageHint}
              </p>
            </div>
          </div>
          <label className="check">
            <input
              type="checkbox"
              name="gratuito"
              value="1"
              checked={values.gratuito === '1'}
              onChange={(e) => setValue('gratuito')({ target: { value: e.target.checked ? '1' : '' } })}
            />
            {t.free}
          </label>
        </fieldset>
        <fieldset>
          <legend>{t.displayLegend}</legend>
          <div className="field-grid">
            <div className="field">
              <label htmlFor={field('limite')}>{t.limit}</label>
              <input
                id={field('limite')}
                name="limite"
                type="number"
                min={1}
                max={props.maxLimit}
                value={options.limite}
                onChange={setOption('limite', (v) => Math.min(props.maxLimit, Math.max(1, Math.trunc(Number(v)) || 1)))}
                aria-describedby={field('limite-hint')}
              />
              <p className="hint" id={field('limite-hint')}>
                {t.limitHint}
              </p>
            </div>
            <div className="field">
              <label htmlFor={field('lingua')}>{t.language}</label>
              <select
                id={field('lingua')}
                name="lingua"
                value={options.lingua}
                onChange={setOption('lingua', (v) => (v === 'en' ? 'en' : 'it'))}
              >
                <option value="it">{t.languages.it}</option>
                <option value="en">{t.languages.en}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={field('tema')}>{t.theme}</label>
              <select
                id={field('tema')}
                name="tema"
                value={options.tema}
                onChange={setOption('tema', (v) => (v === 'scuro' ? 'scuro' : 'chiaro'))}
              >
                {THEMES.map((theme) => (
                  <option key={theme} value={theme}>
                    {t.themes[theme]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={field('colore')}>{t.colour}</label>
              <input
                id={field('colore')}
                name="colore"
                type="color"
                value={options.colore.length === 4 ? expand(options.colore) : options.colore}
                onChange={setOption('colore', (v) => v.toLowerCase())}
              />
            </div>
            <div className="field">
              <label htmlFor={field('target')}>{t.target}</label>
              <select
                id={field('target')}
                name="target"
                value={options.target === '_blank' ? '_blank' : '_self'}
                onChange={setOption('target', (v) => (v === '_blank' ? '_blank' : '_self'))}
              >
                <option value="_self">{t.targets.same}</option>
                <option value="_blank">{t.targets.new}</option>
              </select>
            </div>
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="btn">
            {t.update}
          </button>
        </div>
      </form>

      <section aria-labelledby={field('code')}>
        <h2 id={field('code')}>{t.codeTitle}</h2>
        {(['script', 'frame'] as const).map((which) => (
          <div className="field widget-snippet" key={which}>
            <label htmlFor={field(`snippet-${which}`)}>{which === 'script' ? t.scriptTitle : t.frameTitle}</label>
            <p className="hint" id={field(`snippet-${which}-hint`)}>
              {which === 'script' ? t.scriptHint : t.frameHint}
            </p>
            <textarea
              id={field(`snippet-${which}`)}
              readOnly
              rows={which === 'script' ? 3 : 4}
              value={snippets[which]}
              aria-describedby={field(`snippet-${which}-hint`)}
              data-snippet={which}
            />
            {live && (
              <button
                type="button"
                className="btn btn-outline"
                aria-label={`${t.copy}: ${(which === 'script' ? t.scriptTitle : t.frameTitle).toLowerCase()}`}
                onClick={() => copy(which)}
              >
                {t.copy}
              </button>
            )}
          </div>
        ))}
        <p role="status" className="hint">
          {copied}
        </p>
      </section>

      <section aria-labelledby={field('preview')}>
        <h2 id={field('preview')}>{t.previewTitle}</h2>
        {live && (
          <>
            <h3>{t.previewScript}</h3>
            <div className="widget-preview" data-preview="script">
              {createElement('agenda-rbbg', attributes)}
            </div>
          </>
        )}
        <h3>{t.previewFrame}</h3>
        <iframe
          className="widget-preview"
          data-preview="frame"
          src={preview.src}
          title={t.frameName}
          width="100%"
          height={preview.height}
          style={{ border: 0 }}
        />
      </section>
    </div>
  )
}

/** #abc → #aabbcc: a colour input takes only the long form. */
const expand = (hex: string) => `#${[...hex.slice(1)].map((c) => c + c).join('')}`
