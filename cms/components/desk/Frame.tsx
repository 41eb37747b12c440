import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav, type StepNavItem } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import type { ReactNode } from 'react'
import { type DeskScope, deskScope } from '../../registrations'
import type { DeskStrings } from './strings'
import { DESK_CSS } from './styles'

/** The page's query as the view receives it. */
export type Query = Record<string, string | string[] | undefined>

export const one = (query: Query | undefined, key: string): string | undefined => {
  const value = query?.[key]
  return Array.isArray(value) ? value[0] : value
}

/**
 * Custom admin views are open to anyone by default: each desk view asks first. Logged-out people go to the
 * login and come back here afterwards; staff without rights to registrations get the reason.
 */
export const deskGate = async (
  props: AdminViewServerProps,
  path: string,
): Promise<{ ok: true; scope: DeskScope } | { ok: false; message: string }> => {
  const req = props.initPageResult.req
  const allowed = await deskScope(req)
  if (allowed.ok) return allowed
  if (allowed.status === 401) {
    const query = new URLSearchParams()
    for (const [k, v] of Object.entries((props.searchParams ?? {}) as Query))
      for (const value of Array.isArray(v) ? v : v == null ? [] : [v]) query.append(k, value)
    const here = `${req.payload.config.routes.admin}${path}${query.size ? `?${query}` : ''}`
    redirect(`${req.payload.config.routes.admin}/login?redirect=${encodeURIComponent(here)}`)
  }
  return { ok: false, message: allowed.message }
}

/** The admin's frame (navigation, header, breadcrumbs) around a desk page, whose content is the page's `main`. */
export const Frame = ({
  props,
  steps,
  children,
  className = 'desk',
}: {
  props: AdminViewServerProps
  steps: StepNavItem[]
  children: ReactNode
  className?: string
}) => {
  const { initPageResult, params, searchParams } = props
  const req = initPageResult.req
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={req.payload}
      permissions={initPageResult.permissions}
      req={req}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={initPageResult.visibleEntities}
    >
      <SetStepNav nav={steps} />
      <Gutter>
        <style>{DESK_CSS}</style>
        <main id="desk-main" className={className}>
          {children}
        </main>
      </Gutter>
    </DefaultTemplate>
  )
}

/** What a page says when the caller may not see registrations (or this date's). */
export const Refused = ({ t, message }: { t: DeskStrings; message: string }) => (
  <>
    <h1>{t.accessTitle}</h1>
    <p role="alert" className="desk-notice desk-notice--error">
      {message}
    </p>
  </>
)

/** What the last action did, shown where it happened; errors as alerts, the rest as a status. */
export const Notice = ({ text, error }: { text: string | null; error: boolean }) =>
  text ? (
    <p
      role={error ? 'alert' : 'status'}
      className={`desk-notice ${error ? 'desk-notice--error' : 'desk-notice--done'}`}
    >
      {text}
    </p>
  ) : null
