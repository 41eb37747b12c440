import { APIError } from 'payload'

/**
 * A request refused with a message for the person who made it: 403 for a workflow rule, 400 for bad
 * input (with the field `path`, so the admin can show it there). Payload picks the log level by error
 * name, so these are logged like its own Forbidden/ValidationError (info), not as server errors.
 */
export class Refusal extends APIError<{ errors: { path: string; message: string }[] } | null> {
  constructor(message: string, status: 400 | 403 = 403, path?: string) {
    super(message, status, path ? { errors: [{ path, message }] } : null, true)
    this.name = status === 403 ? 'Forbidden' : 'ValidationError'
  }
}
