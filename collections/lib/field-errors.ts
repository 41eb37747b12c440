import { type PayloadRequest, ValidationError } from 'payload'

/**
 * Payload's ValidationError with field errors, named as such explicitly: in the bundled CMS the class name is
 * minified, and Payload would log a person's bad input as a server error.
 */
export const fieldErrors = (collection: string, errors: { path: string; message: string }[], req: PayloadRequest) => {
  const error = new ValidationError({ collection, errors }, req.t)
  error.name = 'ValidationError'
  return error
}
