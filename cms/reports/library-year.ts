type Id = number | string

/** One library's year (or a system's dates in places that are not a library). */
export type LibraryYear = {
  library: Id | null
  system: Id
  events: number
  dates: number
  eventsBy: Record<string, number>
  datesBy: Record<string, number>
  attendance: number
  /** By age band (`<band id>`), and the totals of the dates of each category and audience (`cat:`/`aud:`). */
  attendanceBy: Record<string, number>
}
