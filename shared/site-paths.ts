/**
 * Where the public site shows a document, by the collection it belongs to (the site builds the same paths in
 * site/lib/urls.ts, which a test keeps in step), and the draft preview's address. Italian paths.
 */
export const PUBLIC_SECTIONS = {
  events: 'eventi',
  systems: 'sistemi',
  libraries: 'biblioteche',
  series: 'rassegne',
  festivals: 'festival',
  campaigns: 'campagne',
  partners: 'organizzatori',
} as const

export type PublicCollection = keyof typeof PUBLIC_SECTIONS

export const isPublicCollection = (slug: string): slug is PublicCollection => slug in PUBLIC_SECTIONS

export const publicPagePath = (collection: PublicCollection, slug: string): string =>
  `/${PUBLIC_SECTIONS[collection]}/${encodeURIComponent(slug)}`

/** The site route that shows an event's latest draft to whoever holds a valid preview token. */
export const DRAFT_PREVIEW_PATH = '/anteprima/eventi'

export const draftPreviewPath = (id: number | string, token: string): string =>
  `${DRAFT_PREVIEW_PATH}/${encodeURIComponent(String(id))}?token=${encodeURIComponent(token)}`
