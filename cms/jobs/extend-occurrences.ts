import { commitTransaction, createLocalReq, initTransaction, killTransaction, type TaskConfig } from 'payload'
import { syncOccurrences } from '../../collections/Events/hooks/materializeOccurrences'
import { SLUGS, TASKS } from '../../collections/slugs'

const BATCH = 50

/**
 * Rolls the materialisation window forward: published events whose rule goes on beyond it
 * (`occurrencesRolling`) get their occurrences recomputed for today's window. Runs daily; safe to run
 * any time.
 */
export const extendOccurrences: TaskConfig<'extendOccurrences'> = {
  slug: TASKS.extendOccurrences,
  label: 'Estendi le date degli eventi che si ripetono senza fine',
  retries: 2,
  schedule: [{ cron: '30 3 * * *', queue: 'default' }],
  outputSchema: [
    { name: 'events', type: 'number' },
    { name: 'dates', type: 'number' },
  ],
  handler: async ({ req }) => {
    const { payload } = req
    let events = 0
    let dates = 0
    for (let page = 1; ; page++) {
      const batch = await payload.find({
        collection: SLUGS.events,
        where: { and: [{ _status: { equals: 'published' } }, { occurrencesRolling: { equals: true } }] },
        select: {},
        sort: 'id',
        limit: BATCH,
        page,
        depth: 0,
        overrideAccess: true, // a system job, not a person's request
        req,
      })
      // One transaction per page: the site never sees an event without its dates, and the job opens few
      // transactions (with @libsql/client each one costs a connection that is never closed).
      const pageReq = await createLocalReq({}, payload)
      await initTransaction(pageReq)
      try {
        for (const event of batch.docs) {
          dates += await syncOccurrences(event.id, pageReq)
          events++
        }
        await commitTransaction(pageReq)
      } catch (error) {
        await killTransaction(pageReq)
        throw error
      }
      if (!batch.hasNextPage) break
    }
    return { output: { events, dates } }
  },
}
