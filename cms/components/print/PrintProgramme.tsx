import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { staffOf } from '../../../collections/access/roles'
import { isStaff } from '../../../collections/access/staff-only'
import { catalogue } from '../../../shared/strings'
import { PRINT_PATH } from '../../admin-paths'
import { LAYOUTS, programmeState } from '../../print'
import { Frame, Notice, one, type Query } from '../desk/Frame'
import { localeOf } from '../desk/strings'
import { AutoRefresh } from './AutoRefresh'

/**
 * /admin/stampa: "Stampa programma". An agenda address (filled in by the button on a system, library, rassegna,
 * festival or campaign, or pasted from the site) and a layout; a plain form asks for the PDF, the job builds it, and
 * this page shows it being prepared (refreshing itself) and then the link to download it.
 */
export const PrintProgramme = async (props: AdminViewServerProps) => {
  const req = props.initPageResult.req
  const { admin, api } = req.payload.config.routes
  const query = (props.searchParams ?? {}) as Query
  if (!req.user) {
    const here = `${admin}${PRINT_PATH}?${new URLSearchParams(query as Record<string, string>)}`
    redirect(`${admin}/login?redirect=${encodeURIComponent(here)}`)
  }
  const t = catalogue(localeOf(req.i18n?.language)).print
  const steps = [{ label: t.button }]
  if (!isStaff(staffOf(req)))
    return (
      <Frame props={props} steps={steps}>
        <h1>{t.button}</h1>
        <Notice text={t.forbidden} error />
      </Frame>
    )
  const address = one(query, 'indirizzo') ?? ''
  const layout = one(query, 'formato') ?? 'a4'
  const error = one(query, 'errore') ?? null
  const requested = one(query, 'programma')
  const state = requested ? await programmeState(req.payload, requested) : null
  const here = `${admin}${PRINT_PATH}?${new URLSearchParams({ indirizzo: address, formato: layout, ...(requested ? { programma: requested } : {}) })}`
  return (
    <Frame props={props} steps={steps}>
      <h1>{t.button}</h1>
      <p>{t.adminIntro}</p>
      <Notice text={error} error />
      <form method="post" action={`${api}/exports/programme`} className="report-form">
        <p>
          <label htmlFor="print-address">{t.address}</label>
          <br />
          <input
            id="print-address"
            name="indirizzo"
            type="text"
            required
            defaultValue={address}
            style={{ width: '100%', maxWidth: '48rem' }}
          />
        </p>
        <fieldset>
          <legend>{t.layout}</legend>
          {LAYOUTS.map((l) => (
            <label key={l} style={{ marginRight: '1.5rem' }}>
              <input type="radio" name="formato" value={l} defaultChecked={l === layout} /> {t.layouts[l]}
            </label>
          ))}
        </fieldset>
        <p>
          <button type="submit" className="btn btn--style-primary" id="print-submit">
            {t.button}
          </button>
        </p>
      </form>
      {requested && !state && <Notice text={t.notFound} error />}
      {state?.status === 'queued' && (
        <>
          <Notice text={t.pending} error={false} />
          <p>
            <a href={here} id="print-refresh">
              {t.refresh}
            </a>
          </p>
          <AutoRefresh seconds={3} />
        </>
      )}
      {state?.status === 'ready' && (
        <>
          <Notice text={t.ready} error={false} />
          <p>
            <a href={`${api}/exports/${state.id}/download`} download={state.filename} id="print-download">
              {t.download}
            </a>
          </p>
        </>
      )}
      {state?.status === 'failed' && <Notice text={t.failed} error />}
    </Frame>
  )
}
