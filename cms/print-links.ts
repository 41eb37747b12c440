import { SLUGS } from '../collections/slugs'
import { withDocumentControl } from './document-controls'

/** The collections whose documents have "Stampa programma", and the agenda filter that selects their events. */
export const PRINTABLE = {
  [SLUGS.systems]: 'sistema',
  [SLUGS.libraries]: 'biblioteca',
  [SLUGS.series]: 'rassegna',
  [SLUGS.festivals]: 'festival',
  [SLUGS.campaigns]: 'campagna',
  [SLUGS.events]: 'evento',
} as const

export type PrintableCollection = keyof typeof PRINTABLE

/** Every printable collection gets "Stampa programma" in its edit view (cms/components/print/PrintLink.tsx). */
export const withPrintLinks = withDocumentControl((slug) => slug in PRINTABLE, './components/print/PrintLink#PrintLink')
