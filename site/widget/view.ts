import type { WidgetScriptStrings } from '../../shared/strings/widget'
import type { WidgetLang } from './config'

/** The fields of an /eventi.json item an embed shows (site/lib/open-data.ts, OpenDataItem). */
export type WidgetItem = {
  title: string
  start: string
  end: string
  allDay: boolean
  status: string
  url: string
  library: { name: string; comune: string } | null
  venue: { name: string; comune: string } | null
  audienceNames?: string[]
}

/** One event as both embeds show it: the script builds it as elements, the frame page as HTML. */
export type EventLine = {
  title: string
  href: string
  /** The `datetime` of its <time>: the start as ISO 8601 with offset. */
  datetime: string
  when: string
  place: string
  audience: string
  /** The status word of an event that will not take place as planned, or ''. */
  status: string
}

const formats = new Map<string, Intl.DateTimeFormat>()
const format = (lang: WidgetLang, withTime: boolean) => {
  const key = `${lang}${withTime}`
  let f = formats.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'it-IT', {
      timeZone: 'Europe/Rome',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    })
    formats.set(key, f)
  }
  return f
}

/** The event page in the embed's language: /eventi/x stays, /en/eventi/x in English. */
export const eventHref = (url: string, lang: WidgetLang): string => {
  if (lang !== 'en' || !url) return url
  const u = new URL(url)
  u.pathname = `/en${u.pathname}`
  return u.href
}

export const eventLine = (item: WidgetItem, lang: WidgetLang, t: WidgetScriptStrings): EventLine => {
  const start = new Date(item.start)
  const when = item.allDay ? `${format(lang, false).format(start)}, ${t.allDay}` : format(lang, true).format(start)
  const where = item.venue ?? item.library
  const place = where ? (where.name.includes(where.comune) ? where.name : `${where.name}, ${where.comune}`) : ''
  return {
    title: item.title,
    href: eventHref(item.url, lang),
    datetime: item.start,
    when,
    place,
    audience: (item.audienceNames ?? []).join(', '),
    status: t.status[item.status as keyof WidgetScriptStrings['status']] ?? '',
  }
}

/**
 * The embed's styles, the same in the script's shadow root and in the frame page (`.rbbg` wraps the list, `scuro`
 * for the dark theme). `--accent` is the chosen colour: a border and the focus ring, never the text, so any colour
 * keeps the text's contrast. No font: the script's list takes the host page's (the frame sets its own).
 */
export const WIDGET_CSS = `
:host{display:block}
.rbbg{--fg:#1a1a1a;--muted:#4a4f55;--bg:#fff;--line:#d6dbe0;--link:#0b4f9c;line-height:1.45;color:var(--fg);background:var(--bg)}
.rbbg.scuro{--fg:#f2f4f6;--muted:#c3c9cf;--bg:#16191d;--line:#3a4047;--link:#9fcbff}
.rbbg-list{list-style:none;margin:0;padding:0}
.rbbg-item{border-left:4px solid var(--accent,#0066cc);padding:.5em .75em;margin:0 0 .6em}
.rbbg-item a{color:var(--link);font-weight:600;text-decoration:underline;text-underline-offset:.15em}
.rbbg-item a:focus-visible,.rbbg-more:focus-visible{outline:3px solid var(--accent,#0066cc);outline-offset:2px}
.rbbg-meta{display:block;color:var(--muted);font-size:.9em}
.rbbg-status{font-weight:600;color:var(--fg)}
.rbbg-more{color:var(--link)}
.rbbg-note{margin:0;color:var(--muted)}
`
