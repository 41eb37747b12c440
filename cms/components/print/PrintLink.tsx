import type { Payload } from 'payload'
import { catalogue } from '../../../shared/strings'
import { PRINT_PATH } from '../../admin-paths'
import { publicSlug } from '../../document-controls'
import { PRINTABLE, type PrintableCollection } from '../../print-links'
import { localeOf } from '../desk/strings'

type Props = { id?: number | string; payload?: Payload; collection?: string; i18n?: { language?: string } }

/**
 * "Stampa programma" beside the save buttons of a system, library, rassegna, festival or campaign the public can
 * see: opens the print page with the agenda address of its events filled in.
 */
export const PrintLink = async ({ id, payload, collection, i18n }: Props) => {
  if (id == null || !payload || !collection || !(collection in PRINTABLE)) return null
  const slug = await publicSlug(payload, collection, id)
  if (!slug) return null
  const param = PRINTABLE[collection as PrintableCollection]
  const address = `/eventi?${new URLSearchParams({ [param]: slug })}`
  // One event prints as a poster; the others as the A4 list.
  const layout = param === 'evento' ? 'a3' : 'a4'
  return (
    <a
      href={`${payload.config.routes.admin}${PRINT_PATH}?${new URLSearchParams({ indirizzo: address, formato: layout })}`}
      className="btn btn--style-secondary btn--size-medium"
      style={{ margin: 0 }}
      id="print-programme"
    >
      {catalogue(localeOf(i18n?.language)).print.button}
    </a>
  )
}
