import type { TaskConfig } from 'payload'
import { SLUGS, TASKS } from '../../collections/slugs'
import { cmsUrl } from '../env'

/** Tells a system's editors that a contributor submitted an event for review. */
export const notifyReviewers: TaskConfig<'notifyReviewers'> = {
  slug: TASKS.notifyReviewers,
  label: 'Avvisa i redattori di un evento da rivedere',
  retries: 3,
  inputSchema: [{ name: 'eventId', type: 'text', required: true }],
  handler: async ({ input, req }) => {
    const event = await req.payload.findByID({
      collection: SLUGS.events,
      id: input?.eventId ?? '',
      draft: true,
      depth: 0,
      disableErrors: true,
      overrideAccess: true, // a system job, not a person's request
      req,
    })
    if (!event) return { output: { sent: 0 } }
    const editors = await req.payload.find({
      collection: SLUGS.users,
      where: { and: [{ roles: { contains: 'system-editor' } }, { system: { equals: event.system as number } }] },
      depth: 0,
      limit: 100,
      overrideAccess: true,
      req,
    })
    const link = `${cmsUrl()}/admin/collections/events/${event.id}`
    for (const editor of editors.docs) {
      await req.payload.sendEmail({
        to: editor.email,
        subject: `Evento da rivedere: ${event.title}`,
        text: `Un collaboratore ha inviato per la revisione l’evento «${event.title}».\n\nRivedilo e pubblicalo qui: ${link}\n`,
      })
    }
    return { output: { sent: editors.docs.length } }
  },
}
