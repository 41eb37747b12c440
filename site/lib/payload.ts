import { getPayload } from '../../cms/local-api'

/** The site's only handle on the CMS: Payload's Local API, in-process. */
export { getPayload }
