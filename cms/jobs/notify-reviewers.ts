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
    const text = [
      `Un collaboratore ha inviato per la revisione l’evento «${event.title}».`,
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
      await req.payload.sendEmail({ to: editor.email, subject: `Evento da rivedere: ${event.title}`, text })
    }
    return { output: { sent: editors.docs.length } }
  },
}
