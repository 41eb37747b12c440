import { catalogue, type Locale } from '../../shared/strings'
import { bookErrorText } from './bookings'
import type { DeskNotice } from './scope'

type Message = string | ((...args: never[]) => string)

const text = (message: Message | undefined, args: (string | number)[]): string | null =>
  message == null ? null : typeof message === 'function' ? message(...(args as never[])) : message

/**
 * A desk notice in a language; null for a code the catalogue does not know (a hand-made address), so a page
 * never shows text that came from its URL, only the catalogue's (with numbers or known names filled in).
 */
export const deskMessage = (locale: Locale, notice: DeskNotice): string | null => {
  const c = catalogue(locale)
  const args = notice.args ?? []
  const own = <T extends object>(table: T): Message | undefined =>
    Object.hasOwn(table, notice.code) ? (table[notice.code as keyof T] as Message) : undefined
  const statuses = c.registrations.statuses as Record<string, string>
  switch (notice.kind) {
    case 'done':
      return text(own(c.bookingDesk.done), args)
    case 'desk':
      // The one argument that names a status is written in the reader's language.
      if (notice.code === 'notConfirmed') return c.bookingDesk.errors.notConfirmed(statuses[String(args[0])] ?? '')
      return text(own(c.bookingDesk.errors), args)
    case 'status':
      if (notice.code === 'notAllowed')
        return c.registrations.statusErrors.notAllowed(statuses[String(args[0])] ?? '', statuses[String(args[1])] ?? '')
      return text(own(c.registrations.statusErrors), args)
    case 'book':
      return own(c.registrations.errors) ? bookErrorText(locale, notice.code as never, args[0]) : null
    default:
      return null
  }
}

const KINDS = ['desk', 'book', 'status', 'done'] as const
// Arguments are counts, age-band labels or status keys: short, and nothing that could pass for a sentence.
const ARG = /^[\p{L}\d\s\-–.]{0,24}$/u

/** A notice as query parameters of the page the browser is sent back to (`esito=book.full&a=3`). */
export const noticeQuery = (notice: DeskNotice): Record<string, string> => {
  const [a, b] = notice.args ?? []
  return {
    esito: `${notice.kind}.${notice.code}`,
    ...(a !== undefined ? { a: String(a) } : {}),
    ...(b !== undefined ? { b: String(b) } : {}),
  }
}

/** The notice a page's query names, if it is one the catalogue knows. */
export const noticeFrom = (query: Record<string, unknown>): DeskNotice | null => {
  const raw = typeof query.esito === 'string' ? query.esito : ''
  const match = /^(\w+)\.(\w{1,40})$/.exec(raw)
  const kind = KINDS.find((k) => k === match?.[1])
  if (!match || !kind) return null
  const args: (string | number)[] = []
  for (const key of ['a', 'b']) {
    const value = query[key]
    if (typeof value !== 'string' || !ARG.test(value)) break
    args.push(/^\d{1,9}$/.test(value) ? Number(value) : value)
  }
  return { kind, code: match[2] as string, ...(args.length ? { args } : {}) }
}
