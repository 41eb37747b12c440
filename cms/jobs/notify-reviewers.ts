import type { PayloadRequest, TaskConfig } from 'payload'
import { SLUGS, TASKS } from '../../collections/slugs'
import { cmsUrl } from '../../shared/env'
import { type ReviewNotice, reviewNoticeOfRun } from '../import'

const when = (iso: string) =>
  new Date(iso).toLocaleString('it-IT', { timeZone: 'Europe/Rome', dateStyle: 'full', timeStyle: 'short' })

/** The notice of one event a contributor submitted for review. */
const eventNotice = async (eventId: string, req: PayloadRequest): Promise<ReviewNotice | null> => {
  const event = await req.payload.findByID({
    collection: SLUGS.events,
    id: eventId,
    draft: true, // the submitted draft, not the published version
    depth: 1,
    disableErrors: true,
    overrideAccess: true, // a system job, not a person's request
    req,
  })
  if (event?.review !== 'requested') return null
  const systemId = typeof event.system === 'object' ? event.system.id : event.system
  const place = [event.library, event.venue].find((p) => typeof p === 'object' && p) as { name: string } | undefined
  const link = `${cmsUrl()}/admin/collections/${SLUGS.events}/${event.id}`
  // A draft made from a public proposal says so: the proposer's contact is on the proposal, not on the event.
  const fromProposal = await req.payload.find({
    collection: SLUGS.eventProposals,
    where: { event: { equals: event.id } },
    depth: 0,
    limit: 1,
    pagination: false,
    select: { organiserName: true },
    overrideAccess: true,
    req,
  })
  const proposal = fromProposal.docs[0]
  const text = [
    proposal
      ? `È arrivata dal modulo pubblico «Proponi un evento» la proposta «${event.title}» (da ${proposal.organiserName ?? 'un cittadino'}). Chi la propone e i suoi contatti sono nella proposta: ${cmsUrl()}/admin/collections/${SLUGS.eventProposals}/${proposal.id}`
      : `Un collaboratore ha inviato per la revisione l’evento «${event.title}».`,
    '',
    `Quando: ${when(event.start)}`,
    place ? `Dove: ${place.name}` : '',
    '',
    `Rivedilo e pubblicalo qui: ${link}`,
    '',
    '— Agenda della Rete Bibliotecaria Bergamasca',
  ]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n')
  return { system: systemId, subject: `${proposal ? 'Proposta' : 'Evento'} da rivedere: ${event.title}`, text }
}

/**
 * Tells a system's editors that something waits for their review (one mail per editor): an event a contributor
 * submitted, or the drafts a contributor's calendar import submitted in one run (one notice for the run).
 */
export const notifyReviewers: TaskConfig<'notifyReviewers'> = {
  slug: TASKS.notifyReviewers,
  label: 'Avvisa i redattori di eventi da rivedere',
  retries: 3,
  inputSchema: [
    { name: 'eventId', type: 'text' },
    { name: 'runId', type: 'text' },
    { name: 'submitted', type: 'number' },
  ],
  outputSchema: [{ name: 'sent', type: 'number' }],
  handler: async ({ input, req }) => {
    const notice = input.runId
      ? await reviewNoticeOfRun(req.payload, input.runId, input.submitted ?? 0, req)
      : input.eventId
        ? await eventNotice(input.eventId, req)
        : null
    if (!notice) return { output: { sent: 0 } }
    const editors = await req.payload.find({
      collection: SLUGS.users,
      where: { and: [{ roles: { contains: 'system-editor' } }, { system: { equals: notice.system } }] },
      depth: 0,
      limit: 100,
      overrideAccess: true,
      req,
    })
    for (const editor of editors.docs)
      await req.payload.sendEmail({ to: editor.email, subject: notice.subject, text: notice.text })
    return { output: { sent: editors.docs.length } }
  },
}
