import type { CollectionBeforeOperationHook, JobsConfig, Where } from 'payload'
import { isNetworkAdmin, networkAdminOnly, nobody, type Staff } from '../../collections/access/roles'
import { Refusal } from '../../collections/lib/refusal'
import { canUpdate } from './can-update'

type Job = {
  id: number | string
  taskSlug?: string | null
  input?: { doc?: { relationTo: string; value: number | string } }
}

/**
 * The admin's "cancel scheduled publication" deletes a payload-jobs row through the Local API (access
 * skipped) by id. A staff user may cancel only the schedules of documents they may publish.
 */
export const guardJobDeletes: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'delete' || !req.user || isNetworkAdmin(req.user as Staff)) return args
  const a = args as { id?: number | string; where?: Where }
  const where: Where | undefined = a.id != null ? { id: { equals: a.id } } : a.where
  const { docs } = await req.payload.find({
    collection: 'payload-jobs',
    where,
    limit: 100,
    depth: 0,
    overrideAccess: true,
    req,
  })
  for (const job of docs as Job[]) {
    const doc = job.taskSlug === 'schedulePublish' ? job.input?.doc : undefined
    const allowed = doc && (await canUpdate(req, doc.relationTo, doc.value, { _status: 'published' }))
    if (!allowed) throw new Refusal('Puoi annullare solo le pubblicazioni programmate dei tuoi documenti.', 403)
  }
  return args
}

/**
 * Jobs run in the worker processes (autoRun, Local API). The HTTP routes /api/payload-jobs/run and
 * /handle-schedules, which Payload opens to every logged-in user, answer nobody; queueing and cancelling
 * with access checks are network admins' only.
 */
export const hardenJobs = (jobs: JobsConfig): JobsConfig => ({
  ...jobs,
  access: { run: nobody as never, queue: networkAdminOnly as never, cancel: networkAdminOnly as never },
})
