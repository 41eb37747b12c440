import type { Payload, PayloadRequest } from 'payload'
import type { ImportRun } from '../../cms/payload-types'
import { refId } from '../../collections/access/roles'
import { SLUGS } from '../../collections/slugs'
import { cmsUrl } from '../../shared/env'

export type ReviewNotice = { system: number | string; subject: string; text: string }

/**
 * The one notice a run sends to its system's editors for the drafts it submitted for review (a contributor's
 * source): one mail per run, not one per event. Null when the run is gone.
 */
export const reviewNoticeOfRun = async (
  payload: Payload,
  runId: number | string,
  submitted: number,
  req?: Partial<PayloadRequest>,
): Promise<ReviewNotice | null> => {
  const run = (await payload.findByID({
    collection: SLUGS.importRuns,
    id: runId,
    depth: 1,
    disableErrors: true,
    overrideAccess: true,
    req,
  })) as ImportRun | null
  const system = refId(run?.system)
  if (!run || system == null) return null
  const name = typeof run.source === 'object' && run.source ? run.source.name : run.title
  const events = submitted === 1 ? 'un evento' : `${submitted} eventi`
  return {
    system,
    subject: `${submitted === 1 ? '1 evento' : `${submitted} eventi`} da rivedere dal calendario «${name}»`,
    text: [
      `L’importazione del calendario «${name}» ha inviato per la revisione ${events}, salvati come bozze.`,
      '',
      `Li trovi nel registro dell’importazione: ${cmsUrl()}/admin/collections/${SLUGS.importRuns}/${run.id}`,
      'Rivedili e pubblicali dalla lista degli eventi.',
      '',
      '— Agenda della Rete Bibliotecaria Bergamasca',
    ].join('\n'),
  }
}
