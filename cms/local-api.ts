import { getPayload as getPayloadInstance, type Payload } from 'payload'
import config from './payload.config'

let instance: Promise<Payload> | undefined

/** One Payload per process, initialised on first use. */
export const getPayload = (): Promise<Payload> => {
  instance ??= getPayloadInstance({ config }).catch((error) => {
    instance = undefined
    throw error
  })
  return instance
}
