// The site's door to the print wing (cms/print): its operations on this process's Payload.
import type { Payload } from 'payload'
import * as print from '../../../cms/print'
import { getPayload } from '../payload'

const onPayload =
  <A extends unknown[], R>(run: (payload: Payload, ...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> =>
    run(await getPayload(), ...args)

export const requestProgramme = onPayload(print.requestProgramme)
export const programmeFile = onPayload(print.programmeFile)

/** The page that prepares the programme of an agenda query (`sistema=…&quando=mese`), in a layout. */
export const programmePath = (query: URLSearchParams | string, layout?: print.Layout): string => {
  const params = new URLSearchParams(query)
  params.delete('pagina')
  if (layout && layout !== 'a4') params.set('formato', layout)
  const text = params.toString()
  return text ? `/programma?${text}` : '/programma'
}

/** Where a ready programme is downloaded from. */
export const programmeFilePath = (id: number | string): string => `/programma/${encodeURIComponent(String(id))}.pdf`
