import type { Payload, Where } from 'payload'
import { refId, type Staff } from '../../collections/access/roles'
import { TIME_ZONE } from '../../collections/enums'
import { fromWall, toWall } from '../../collections/lib/recurrence'
import { QUEUES, SLUGS, TASKS } from '../../collections/slugs'
import { transactionalMessage } from '../../emails/messages'
import { renderEmail } from '../../emails/render'
import { sendMessage } from '../../emails/send'
import { cmsUrl } from '../../shared/env'
import { ATTENDANCE_PATH } from '../admin-paths'
import type { Library, System, User } from '../payload-types'
import { attendanceScope } from './scope'
import { waitingDates } from './waiting'

type Id = number | string

/** How many dates a reminder lists; the rest are counted. */
export const MAIL_DATES = 15

/** Monday (1) at 08:00 on Rome's clocks. */
export const REMINDER_WEEKDAY = 1
export const REMINDER_HOUR = 8

/** The next reminder time strictly after `now`, on the Rome calendar (08:00 across DST changes too). */
export const nextReminderRun = (now: Date): Date => {
  const wall = toWall(now)
  for (let offset = 0; offset <= 7; offset++) {
    const day = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + offset, REMINDER_HOUR))
    const at = fromWall(day)
    if (day.getUTCDay() === REMINDER_WEEKDAY && at.getTime() > now.getTime()) return at
  }
  throw new Error('unreachable: a Monday falls within 8 days')
}

const NETWORK = { kind: 'network', where: null, id: null } as const

/**
 * The weekly run (Monday 08:00, Rome): one reminder mail queued for each member of staff whose reach has dates
 * waiting: a library's contributors for their library, a system's editors for their system. Libraries and
 * systems with nothing waiting get nothing; network admins are not reminded.
 */
export const queueAttendanceReminders = async (payload: Payload, now: Date = new Date()) => {
  const waiting = await waitingDates(payload, NETWORK, now)
  const libraries = [
    ...new Set(
      waiting
        .map((d) => d.library)
        .filter((l): l is Id => l != null)
        .map(String),
    ),
  ]
  const systems = [...new Set(waiting.map((d) => String(d.system)))]
  if (!waiting.length) return { queued: 0 }
  const reach: Where[] = [{ and: [{ roles: { in: ['system-editor'] } }, { system: { in: systems } }] }]
  if (libraries.length)
    reach.push({ and: [{ roles: { in: ['library-contributor'] } }, { library: { in: libraries } }] })
  const { docs } = await payload.find({
    collection: SLUGS.users,
    where: { or: reach },
    pagination: false,
    depth: 0,
    select: { email: true },
    overrideAccess: true, // a system job choosing whom to remind
  })
  for (const user of docs)
    await payload.jobs.queue({
      task: TASKS.sendAttendanceReminder,
      input: { userId: String(user.id) },
      queue: QUEUES.mail,
    })
  return { queued: docs.length }
}

const longWhen = (iso: string) =>
  new Intl.DateTimeFormat('it-IT', {
    timeZone: TIME_ZONE,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso))

const scopeName = async (payload: Payload, kind: 'system' | 'library', id: Id | null) => {
  if (id == null) return ''
  const doc = (await payload.findByID({
    collection: kind === 'library' ? SLUGS.libraries : SLUGS.systems,
    id,
    depth: 0,
    disableErrors: true,
    overrideAccess: true, // the name of the user's own library or system
  })) as Library | System | null
  return doc?.name ?? ''
}

export type ReminderOutcome = 'sent' | 'skipped' | 'failed'

/**
 * One member of staff's reminder, built when the mail queue runs: the dates of their reach still waiting then
 * (recorded meanwhile: not listed; none left: nothing sent). A temporary SMTP failure throws, so the job is
 * tried again; a refused address is given up.
 */
export const sendAttendanceReminder = async (
  payload: Payload,
  userId: Id,
  now: Date = new Date(),
): Promise<ReminderOutcome> => {
  const user = (await payload.db.findOne({ collection: SLUGS.users, where: { id: { equals: userId } } })) as User | null
  const scope = attendanceScope((user as Staff | null) ?? null)
  if (!user?.email || !scope || scope.kind === 'network') return 'skipped'
  const waiting = await waitingDates(payload, scope, now)
  if (!waiting.length) return 'skipped'
  const shown = waiting.slice(0, MAIL_DATES)
  const rendered = await renderEmail('attendance-reminder', {
    name: user.name,
    scope: await scopeName(payload, scope.kind, refId(scope.id)),
    dates: shown.map((d) => ({
      title: d.title,
      when: longWhen(d.start),
      library: scope.kind === 'system' ? d.libraryName : null,
    })),
    more: waiting.length - shown.length,
    url: `${cmsUrl()}/admin${ATTENDANCE_PATH}`,
    language: 'it',
  })
  const outcome = await sendMessage(transactionalMessage(user.email, rendered))
  if (!outcome.ok && outcome.kind === 'temporary') throw new Error(`SMTP ${outcome.code ?? ''} ${outcome.error}`)
  return outcome.ok ? 'sent' : 'failed'
}
