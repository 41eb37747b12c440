import type { Payload, PayloadRequest } from 'payload'
import { LIVE_BOOKING } from '../../collections/Events/hooks/queueRegistrationNotices'
import { detailOf, type NoticeDetail, namesFrom, shortDate, wordsOf } from '../../collections/lib/change-words'
import { type DateChange, type DatesSnapshot, dateChanges, datesSnapshot } from '../../collections/lib/date-changes'
import type { NoticeDeliveryState } from '../../collections/NoticeDeliveries'
import { SLUGS } from '../../collections/slugs'
import { calendarAttachment, deliveryMessageId, transactionalMessage } from '../../emails/messages'
import { renderEmail } from '../../emails/render'
import { type SendOutcome, sendMessage } from '../../emails/send'
import { siteUrl } from '../../shared/env'
import { catalogue, type Locale } from '../../shared/strings'
import type { Event, Notice, NoticeDelivery, Registration } from '../payload-types'
import { bookingCalendar } from './ics'
import { cancelUrl, peopleOf } from './mail'
import { inTransaction, reconcileCounter } from './places'

type Id = number | string
const idOf = (ref: unknown): Id | null =>
  ref == null ? null : typeof ref === 'object' ? (ref as { id: Id }).id : (ref as Id)

/** What the hook puts in the job: the event, when it was saved, and its published values before that save. */
export type NoticeJobInput = { eventId: string; savedAt: string; before: DatesSnapshot }

export type NoticesResult = { notices: number; sent: number; failed: number }

const SEND_ATTEMPTS = 3
const PROGRESS_EVERY_MS = 2000

/** How many mails are in the SMTP pool's hands at once (default: two per pooled connection). */
const concurrency = () => {
  const n = Number(process.env.NOTICE_SEND_CONCURRENCY ?? 2 * Number(process.env.SMTP_MAX_CONNECTIONS ?? 5))
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 10
}

const parseInput = (input: unknown): NoticeJobInput | null => {
  const i = input as Partial<NoticeJobInput> | null
  if (!i || typeof i.eventId !== 'string' || typeof i.savedAt !== 'string') return null
  if (Number.isNaN(new Date(i.savedAt).getTime())) return null
  const b = i.before as Partial<DatesSnapshot> | undefined
  if (!b || typeof b !== 'object' || typeof b.start !== 'string') return null
  return { eventId: i.eventId, savedAt: i.savedAt, before: b as DatesSnapshot }
}

// ------------------------------------------------------------------ notices and their bookings

const findNotice = async (payload: Payload, key: string, req?: PayloadRequest) =>
  (
    await payload.find({
      collection: SLUGS.notices,
      where: { key: { equals: key } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
  ).docs[0] as Notice | undefined

/**
 * Writes the notice of one changed date, its delivery log (one queued row per booking with an address) and the
 * change to the bookings (a moved date's bookings follow it; a cancelled date's are cancelled), in one
 * transaction. Nothing is written when the date has no live booking. A notice already written (a run that
 * comes back) is left as it is.
 */
const openNotice = async (
  payload: Payload,
  event: Event,
  run: string,
  change: DateChange,
  before: DatesSnapshot,
  after: DatesSnapshot,
  now: Date,
): Promise<Notice | null> => {
  const key = `${run}:${change.before.start.toISOString()}`
  const existing = await findNotice(payload, key)
  if (existing) return existing
  const detail = detailOf(change, before, after)
  const words = await wordsOf(detail, namesFrom(payload), 'it')
  const t = catalogue('it').bookingNotices
  const oldStart = change.before.start.toISOString()
  const newStart =
    change.after && change.after.start.getTime() !== change.before.start.getTime() ? change.after.start : null
  const cancelled = change.kind === 'cancelled'

  const notice = await inTransaction(payload, async (req) => {
    const again = await findNotice(payload, key, req)
    if (again) return { notice: again, fresh: false }
    const { docs } = await payload.find({
      collection: SLUGS.registrations,
      where: {
        and: [{ event: { equals: event.id } }, { start: { equals: oldStart } }, { status: { in: LIVE_BOOKING } }],
      },
      select: { email: true },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const bookings = docs as Pick<Registration, 'id' | 'email'>[]
    if (!bookings.length) return null
    const reachable = bookings.filter((b) => !!b.email)
    const created = (await payload.create({
      collection: SLUGS.notices,
      data: {
        key,
        title: t.title(t.kinds[change.kind] ?? change.kind, event.title, shortDate(oldStart)),
        event: event.id,
        start: oldStart,
        kind: change.kind,
        changes: words.changes.map((c) => ({ field: c.label, before: c.before, after: c.after })),
        recipients: reachable.length,
        noEmail: bookings.length - reachable.length,
        sent: 0,
        failed: 0,
        detail,
        system: idOf(event.system) as number,
        library: idOf(event.library) as number | null,
      },
      overrideAccess: true,
      depth: 0,
      req,
    })) as Notice
    for (const b of reachable)
      await payload.db.create({
        collection: SLUGS.noticeDeliveries,
        data: { notice: created.id, registration: b.id, state: 'queued', attempts: 0 },
        returning: false,
        req,
      })
    if (cancelled)
      await payload.db.updateMany({
        collection: SLUGS.registrations,
        where: { id: { in: bookings.map((b) => b.id) } },
        data: { status: 'cancelled', cancelledAt: now.toISOString() },
        returning: false,
        req,
      })
    if (newStart)
      await payload.db.updateMany({
        collection: SLUGS.registrations,
        where: { and: [{ event: { equals: event.id } }, { start: { equals: oldStart } }] },
        data: { start: newStart.toISOString() },
        returning: false,
        req,
      })
    return { notice: created, fresh: true }
  })
  if (!notice) return null
  if (notice.fresh) {
    await reconcileCounter(payload, { event: event.id, start: change.before.start })
    if (newStart) await reconcileCounter(payload, { event: event.id, start: newStart })
  }
  return notice.notice
}

// ------------------------------------------------------------------ sending

const countState = async (payload: Payload, notice: Id, states: NoticeDeliveryState[]) =>
  (
    await payload.db.count({
      collection: SLUGS.noticeDeliveries,
      where: { and: [{ notice: { equals: notice } }, { state: { in: states } }] },
    })
  ).totalDocs

/** Writes the notice's counts from its log; complete when nothing is left to send. */
const tally = async (payload: Payload, notice: Notice, final: boolean) => {
  const [sent, failed] = await Promise.all([
    countState(payload, notice.id, ['sent']),
    countState(payload, notice.id, ['failed']),
  ])
  const open = final ? await countState(payload, notice.id, ['queued', 'sending']) : 1
  await payload.db.updateOne({
    collection: SLUGS.notices,
    id: notice.id,
    data: { sent, failed, ...(open === 0 && !notice.completedAt ? { completedAt: new Date().toISOString() } : {}) },
    returning: false,
  })
  return { sent, failed }
}

const sendWithRetries = async (message: Parameters<typeof sendMessage>[0]) => {
  let outcome: SendOutcome = await sendMessage(message)
  for (let attempt = 1; attempt < SEND_ATTEMPTS && !outcome.ok && outcome.kind === 'temporary'; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 1000 * attempt))
    outcome = await sendMessage(message)
  }
  return outcome
}

/** Runs `work` on every item, at most `limit` at a time. */
const pool = async <T>(items: T[], limit: number, work: (item: T) => Promise<void>) => {
  let next = 0
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++] as T)
  })
  await Promise.all(lanes)
}

/**
 * Mails one notice to every booking of its log not mailed yet: claim (queued → sending), SMTP, then sent or
 * failed. Rows a dead run left `sending` are sent again with the same Message-ID (at most one repeat per mail
 * in flight when the process died; see the README). Temporary SMTP failures are tried three times.
 */
const deliver = async (payload: Payload, notice: Notice, event: Event) => {
  const { docs } = await payload.db.find({
    collection: SLUGS.noticeDeliveries,
    where: { and: [{ notice: { equals: notice.id } }, { state: { in: ['queued', 'sending'] } }] },
    pagination: false,
    limit: 0,
  })
  const rows = docs as NoticeDelivery[]
  if (!rows.length) return tally(payload, notice, true)
  const detail = notice.detail as NoticeDetail
  const names = namesFrom(payload)
  const words = new Map<Locale, ReturnType<typeof wordsOf>>()
  const wordsIn = (language: Locale) => {
    if (!words.has(language)) words.set(language, wordsOf(detail, names, language))
    return words.get(language) as ReturnType<typeof wordsOf>
  }
  const { docs: found } = await payload.find({
    collection: SLUGS.registrations,
    where: { id: { in: rows.map((r) => idOf(r.registration)).filter((id) => id != null) } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const registrations = new Map((found as Registration[]).map((r) => [String(r.id), r]))
  const settle = (row: NoticeDelivery, data: Partial<NoticeDelivery>) =>
    payload.db.updateOne({ collection: SLUGS.noticeDeliveries, id: row.id, data, returning: false })
  let lastTally = Date.now()

  await pool(rows, concurrency(), async (row) => {
    if (row.state === 'queued') {
      const claimed = await payload.db.updateOne({
        collection: SLUGS.noticeDeliveries,
        where: { and: [{ id: { equals: row.id } }, { state: { equals: 'queued' } }] },
        data: { state: 'sending' },
        options: { atomic: true },
        returning: true,
      })
      if (!claimed) return
    }
    const reg = registrations.get(String(idOf(row.registration)))
    // Purged or deleted since the notice was written: no address to write to.
    if (!reg?.email) {
      await settle(row, { state: 'failed', error: 'nessun indirizzo' })
      return
    }
    const language: Locale = reg.language === 'en' ? 'en' : 'it'
    const text = await wordsIn(language)
    const live = LIVE_BOOKING.includes(reg.status) && !!reg.tokenNonce
    const ics = await bookingCalendar(payload, {
      registration: { id: reg.id, start: reg.start, status: reg.status },
      event,
      end: (detail.after ?? detail.before).end,
      dateStatus: detail.after?.status ?? 'cancelled',
    })
    const rendered = await renderEmail('registration-notice', {
      language,
      name: reg.name ?? '',
      kind: notice.kind,
      eventTitle: event.title,
      changes: text.changes,
      when: text.when,
      place: text.place,
      people: peopleOf(reg, language),
      eventUrl: `${siteUrl()}${language === 'en' ? '/en' : ''}/eventi/${encodeURIComponent(event.slug ?? String(event.id))}`,
      cancelUrl: live && notice.kind !== 'cancelled' ? cancelUrl(payload.secret, reg) : null,
    })
    const outcome = await sendWithRetries(
      transactionalMessage(reg.email, rendered, {
        attachments: [calendarAttachment(ics)],
        messageId: deliveryMessageId(`notice:${notice.id}:${reg.id}`),
      }),
    )
    await settle(
      row,
      outcome.ok
        ? { state: 'sent', sentAt: new Date().toISOString(), attempts: (row.attempts ?? 0) + 1, error: null }
        : {
            state: 'failed',
            attempts: (row.attempts ?? 0) + 1,
            error: `${outcome.kind} ${outcome.error}`.slice(0, 300),
          },
    )
    if (Date.now() - lastTally > PROGRESS_EVERY_MS) {
      lastTally = Date.now()
      await tally(payload, notice, false)
    }
  })
  return tally(payload, notice, true)
}

/**
 * The change notices of one event save (the `sendRegistrationNotices` job): compares the published values
 * before the save with the event as it is now, and for each coming date that moved, changed place or status,
 * or was cancelled, and that has live bookings (confirmed, waiting, offered): writes a `notices` row, moves or
 * cancels the bookings, then mails each booking with an address, with the date's updated `.ics`. Safe to run
 * again: notices are keyed by save and date, and each mail is recorded in the notice's delivery log.
 */
export const sendRegistrationNotices = async (
  payload: Payload,
  rawInput: unknown,
  now = new Date(),
): Promise<NoticesResult> => {
  const result: NoticesResult = { notices: 0, sent: 0, failed: 0 }
  const input = parseInput(rawInput)
  if (!input) throw new Error('sendRegistrationNotices: input without eventId, savedAt and before')
  const event = (await payload.findByID({
    collection: SLUGS.events,
    id: input.eventId,
    depth: 0,
    draft: false,
    overrideAccess: true,
    disableErrors: true,
  })) as Event | null
  // Unpublished or deleted since: the site no longer shows the dates, there is nothing to compare with.
  if (event?._status !== 'published') return result
  const run = `${event.id}:${new Date(input.savedAt).toISOString()}`
  const after = datesSnapshot(event)
  for (const change of dateChanges(input.before, after, new Date(input.savedAt)))
    await openNotice(payload, event, run, change, input.before, after, now)
  // Every notice of this save, also one whose date no longer differs (a run that comes back after a crash).
  const { docs } = await payload.find({
    collection: SLUGS.notices,
    where: { and: [{ event: { equals: event.id } }, { key: { like: `${run}:` } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  for (const notice of docs as Notice[]) {
    if (!String(notice.key).startsWith(`${run}:`)) continue
    const counts = await deliver(payload, notice, event)
    result.notices++
    result.sent += counts.sent
    result.failed += counts.failed
  }
  return result
}
