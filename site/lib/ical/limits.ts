/** Google Calendar drops subscribed feeds above about 1 MB; other clients time out on big ones. */
export const FEED_MAX_EVENTS = 1000
export const FEED_MAX_BYTES = 1_000_000

/** Every feed covers dates from 30 days ago to 12 months ahead. */
export const HORIZON_PAST_DAYS = 30
export const HORIZON_MONTHS = 12
