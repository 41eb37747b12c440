// Collection slugs are part of the REST contract (/api/<slug>): never rename one.
export const SLUGS = {
  systems: 'systems',
  libraries: 'libraries',
  venues: 'venues',
  categories: 'categories',
  audiences: 'audiences',
  events: 'events',
  occurrences: 'occurrences',
  series: 'series',
  festivals: 'festivals',
  campaigns: 'campaigns',
  media: 'media',
  users: 'users',
} as const

export type CollectionSlug = (typeof SLUGS)[keyof typeof SLUGS]

/** Job task slugs (cms/jobs): hooks queue them by name. */
export const TASKS = {
  notifyReviewers: 'notifyReviewers',
  extendOccurrences: 'extendOccurrences',
} as const
