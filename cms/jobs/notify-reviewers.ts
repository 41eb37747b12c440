import type { TaskConfig } from 'payload'
import { SLUGS, TASKS } from '../../collections/slugs'
import { cmsUrl } from '../../shared/env'

const when = (iso: string) =>
  new Date(iso).toLocaleString('it-IT', { timeZone: 'Europe/Rome', dateStyle: 'full', timeStyle: 'short' })

/** Tells a system's editors that a contributor submitted an event for review (one mail per editor). */
export const notifyReviewers: TaskConfig<'notifyReviewers'> = {
  slug: TASKS.notifyReviewers,
  label: 'Avvisa i redattori di un evento da rivedere',
  retries: 3,
  inputSchema: [{ name: 'eventId', type: 'text', required: true }],
  outputSchema: [{ name: 'sent', type: 'number' }],
  handler: async ({ input, req }) => {
    const event = await req.payload.findByID({
      collection: SLUGS.events,
      id: input.eventId,
      draft: true, // the submitted draft, not the published version
      depth: 1,
      disableErrors: true,
      overrideAccess: true, // a system job, not a person's request
      req,
    })
    if (event?.review !== 'requested') return { output: { sent: 0 } }
    const systemId = typeof event.system === 'object' ? event.system.id : event.system
    const editors = await req.payload.find({
      collection: SLUGS.users,
      where: { and: [{ roles: { contains: 'system-editor' } }, { system: { equals: systemId } }] },
      depth: 0,
      limit: 100,
      overrideAccess: true,
      req,
    })
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
    for (const editor of editors.docs) {
      await req.payload.sendEmail({
        to: editor.email,
        subject: `${proposal ? 'Proposta' : 'Evento'} da rivedere: ${event.title}`,
        text,
      })
    }
    return { output: { sent: editors.docs.length } }
  },
}
