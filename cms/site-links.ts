import { isPublicCollection } from '../shared/site-paths'
import { withDocumentControl } from './document-controls'

/** Every collection with a public page gets "Vedi sul sito" in its edit view (cms/components/ViewOnSite.tsx). */
export const withSiteLinks = withDocumentControl(isPublicCollection, './components/ViewOnSite#ViewOnSite')
