import { handleEndpoints, type Payload } from 'payload'
import { oneLoginPerAccount } from '../../cms/hardening/login-queue'
import { answerUnknownRoute } from '../../cms/hardening/unknown-routes'
import { getPayload } from '../../cms/local-api'
import config from '../../cms/payload.config'

export { getPayload }

/** A REST call through Payload's own HTTP handler (the one the Next route mounts at /api). */
export const rest = async (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  apiPath: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; json: any }> => {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token) headers.authorization = `JWT ${options.token}`
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  const request = new Request(`http://localhost:3000/api${apiPath}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  // What cms/app/(payload)/api/[...slug]/route.ts answers.
  const handle = async (r: Request, _context: never) =>
    answerUnknownRoute(await handleEndpoints({ config, request: r, path: `/api${apiPath.split('?')[0]}` }))
  const response = await (method === 'POST' ? oneLoginPerAccount(handle) : handle)(request, undefined as never)
  const text = await response.text()
  let json: any = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = text
  }
  return { status: response.status, json }
}

export const login = async (email: string, password: string): Promise<string> => {
  const res = await rest('POST', '/users/login', { body: { email, password } })
  if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.json)}`)
  return res.json.token as string
}

export type { Payload }
