import type { Event, Occurrence } from '../../cms/payload-types'
import { type Card, toCard } from './cards'
import { loadMedia } from './media'
import type { Locale } from './urls'

/**
 * Cards for a page of occurrences, with event thumbnails loaded in one query; `near` (ISTAT codes of the
 * places the agenda is near) adds each card's distance.
 */
export const toCards = async (
  items: Occurrence[],
  locale: Locale,
  now: Date = new Date(),
  near: string[] = [],
): Promise<Card[]> => {
  const imageIds = items.flatMap((o) => {
    const event = o.event && typeof o.event === 'object' ? (o.event as Event) : null
    const image = event?.image
    return image == null ? [] : [typeof image === 'object' ? image.id : image]
  })
  const media = await loadMedia(imageIds)
  return items.map((o) => toCard(o, locale, media, now, near))
}
