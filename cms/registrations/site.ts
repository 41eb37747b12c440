import { createLimiter } from '../../shared/rate-limit'

const limitPerIp = createLimiter(Number(process.env.REGISTRATION_BOOK_LIMIT ?? 10), 10 * 60)

/** Per-IP limit on bookings from the site: at most REGISTRATION_BOOK_LIMIT (default 10) every 10 minutes. */
export const bookAllowed = (ip: string) => limitPerIp(`registration:${ip}`)
