import type { CollectionAfterErrorHook } from 'payload'

type FieldErrors = { errors?: { path: string; message: string }[] }

/**
 * In the bundled CMS (next build) Payload's error formatter fails to recognise its own ValidationError
 * (two copies of the class) and answers a bad save with the message only, without the field `path`s:
 * the admin then shows a toast but no error on the fields. This puts the field errors back in the answer.
 */
export const keepFieldErrors: CollectionAfterErrorHook = ({ error, result }) => {
  const e = error as { status?: number; name?: string; message?: string; data?: FieldErrors }
  if (e.status !== 400 || !Array.isArray(e.data?.errors)) return
  if ((result as { errors?: { data?: unknown }[] } | undefined)?.errors?.[0]?.data) return
  return { response: { errors: [{ name: e.name, data: e.data, message: e.message }] } }
}
