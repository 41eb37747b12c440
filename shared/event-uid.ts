import { siteUrl } from './env'

/** The iCalendar UID of an event, identical in every feed, in /eventi.json and in the follow notices' `.ics`. */
export const eventUid = (eventId: number | string): string => `${eventId}@${new URL(siteUrl()).hostname}`
