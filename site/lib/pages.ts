import { UnknownSlugError } from './agenda'
import { FilterError } from './filters'

/** What a page loader returns: data, or the error page to show instead (never a 500 for bad input). */
export type Loaded<T> = { status: 200; data: T } | { status: 400; param: string; message: string } | { status: 404 }

export const ok = <T>(data: T): Loaded<T> => ({ status: 200, data })
export const notFound = { status: 404 } as const

/** Bad filters become 400 (naming the parameter), unknown slugs 404; anything else is a real failure. */
export const asPageError = (error: unknown): Loaded<never> => {
  if (error instanceof FilterError) return { status: 400, param: error.param, message: error.message }
  if (error instanceof UnknownSlugError) return notFound
  throw error
}

export const load = async <T>(fn: () => Promise<T | null>): Promise<Loaded<T>> => {
  try {
    const data = await fn()
    return data === null ? notFound : ok(data)
  } catch (error) {
    return asPageError(error)
  }
}
