import { getPayload as getPayloadInstance, type Payload } from 'payload'
import config from './payload.config'

let instance: Promise<Payload> | undefined

/**
 * One Payload per process, initialised on first use. Where JOBS_AUTORUN=1 (the CMS) the job queues start with
 * it, whichever path asks first: Payload's own routes pass `cron: true`, but /healthz and server components
 * would otherwise leave queued mail waiting until someone opened the admin.
 */
export const getPayload = (): Promise<Payload> => {
  instance ??= getPayloadInstance({ config, cron: process.env.JOBS_AUTORUN === '1' }).catch((error) => {
    instance = undefined
    throw error
  })
  return instance
}
