import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { staffOf } from '../../../collections/access/roles'
import { SLUGS } from '../../../collections/slugs'
import { catalogue } from '../../../shared/strings'
import { ATTENDANCE_PATH } from '../../admin-paths'
import {
  type AttendanceScope,
  attendanceScope,
  listBands,
  prefillKey,
  prefillOf,
  WAITING_DAYS,
  waitingDates,
} from '../../attendance'
import { Frame } from '../desk/Frame'
import { shortWhen } from '../desk/format'
import { localeOf } from '../desk/strings'
import { type WaitingItem, WaitingList } from './WaitingList'

/** On the desk's styles (cms/components/desk/styles.ts): the list of dates and the field errors. */
const ATT_CSS = `
.desk ul.att-list { list-style: none; padding: 0; margin: 1rem 0; }
.desk li.att-item { border-top: 1px solid var(--theme-elevation-150); padding: 1rem 0; }
.desk li.att-item h2 { margin: 0 0 0.25rem; font-size: 1.2rem; }
.desk details > summary { list-style: none; }
.desk details > summary::-webkit-details-marker { display: none; }
.desk details[open] > summary { margin-bottom: 1rem; }
.desk .desk-error { display: block; margin: 0.3rem 0 0; padding-left: 0.5rem; border-left: 4px solid var(--theme-error-500); font-weight: 600; }
`

/** How many waiting dates the page shows (the most recent): the rest are counted. */
const SHOWN = 60

const scopeLine = async (props: AdminViewServerProps, scope: AttendanceScope) => {
  const { req } = props.initPageResult
  const t = catalogue(localeOf(req.i18n?.language)).attendance.view
  if (scope.kind === 'network' || scope.id == null) return t.scopeNetwork
  const doc = (await req.payload.findByID({
    collection: scope.kind === 'library' ? SLUGS.libraries : SLUGS.systems,
    id: scope.id,
    depth: 0,
    disableErrors: true,
    overrideAccess: true, // the name of the user's own library or system
  })) as { name?: string } | null
  return scope.kind === 'library' ? t.scopeLibrary(doc?.name ?? '') : t.scopeSystem(doc?.name ?? '')
}

/**
 * /admin/presenze, "Date in attesa di presenze": the past dates of the caller's library (contributors), system
 * (editors) or network (admins) whose attendance is not recorded yet, newest first, each with its form,
 * pre-filled from the check-ins. Saving goes through the attendance collection's REST API, with its rules.
 */
export const WaitingDates = async (props: AdminViewServerProps) => {
  const req = props.initPageResult.req
  const locale = localeOf(req.i18n?.language)
  const t = catalogue(locale).attendance.view
  const admin = req.payload.config.routes.admin
  if (!req.user) redirect(`${admin}/login?redirect=${encodeURIComponent(`${admin}${ATTENDANCE_PATH}`)}`)
  const steps = [{ label: t.title }]
  const scope = attendanceScope(staffOf(req))
  if (!scope)
    return (
      <Frame props={props} steps={steps}>
        <h1>{t.accessTitle}</h1>
        <p role="alert" className="desk-notice desk-notice--error">
          {t.refused}
        </p>
      </Frame>
    )
  const waiting = await waitingDates(req.payload, scope, new Date())
  const shown = waiting.slice(0, SHOWN)
  const bands = await listBands(req.payload)
  const prefill = await prefillOf(req.payload, shown, bands)
  const items: WaitingItem[] = shown.map((d) => ({
    key: prefillKey(d.event, d.start),
    event: d.event,
    start: d.start,
    title: d.title,
    when: shortWhen(locale, d.start),
    library: d.libraryName,
    eventUrl: `${admin}/collections/${SLUGS.events}/${d.event}`,
    prefill: prefill.get(prefillKey(d.event, d.start)) ?? null,
  }))
  return (
    <Frame props={props} steps={steps}>
      <style>{ATT_CSS}</style>
      <h1>{t.title}</h1>
      <p>{t.intro(WAITING_DAYS)}</p>
      <p className="desk-muted">{await scopeLine(props, scope)}</p>
      <WaitingList
        items={items}
        total={waiting.length}
        bands={bands.map((b) => ({ id: b.id, name: b.name }))}
        api={req.payload.config.routes.api}
        locale={locale}
      />
    </Frame>
  )
}
