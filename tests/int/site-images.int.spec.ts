// An event with an uploaded photo: the site serves it from the CMS as responsive WebP/AVIF with fixed sizes.
import sharp from 'sharp'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { SLUGS } from '../../collections/slugs'
import { buildWhere, findOccurrences } from '../../site/lib/agenda'
import { eventView, findEventBySlug } from '../../site/lib/events'
import { emptyFilters } from '../../site/lib/filters'
import { toCards } from '../../site/lib/occurrences'
import { buildNetwork, fixtureEvent, type Network } from '../helpers/network'
import { getPayload, type Payload } from '../helpers/payload'

let payload: Payload
let net: Network

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
})
afterAll(async () => payload.destroy())

const photo = async () => {
  const [width, height] = [1800, 1200]
  const raw = Buffer.alloc(width * height * 3)
  for (let i = 0; i < raw.length; i++) raw[i] = ((i / 3) % width) / 8 + ((i * 7) % 31)
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg()
    .toBuffer()
}

it('the event page and agenda rows get srcset, AVIF, width/height and the editor’s alt text', async () => {
  const bytes = await photo()
  const media = await payload.create({
    collection: SLUGS.media,
    data: { alt: 'Testo alternativo della foto', system: net.systems.a },
    file: { data: bytes, mimetype: 'image/jpeg', name: 'lettura.jpg', size: bytes.length },
    overrideAccess: true, // the upload itself is tested in media-uploads; here it is a fixture
  })
  const event = await fixtureEvent(payload, net, {
    title: 'Letture con immagine',
    image: media.id,
    imageAlt: 'Bambini seduti in cerchio ascoltano una lettura',
  } as never)

  const found = await findEventBySlug(event.slug as string)
  const view = await eventView(found as NonNullable<typeof found>, 'it')
  const image = view.image
  expect(image).not.toBeNull()
  expect(image?.alt).toBe('Bambini seduti in cerchio ascoltano una lettura')
  expect([image?.width, image?.height]).toEqual([800, 450])
  expect(image?.src).toMatch(/^http:\/\/localhost:3000\/api\/media\/file\/lettura-800x450\.webp$/)
  expect(image?.srcset).toMatch(/-800x450\.webp 800w, .*-1600x\d+\.webp 1600w$/)
  expect(image?.avifSrcset).toMatch(/-800x450\.avif 800w$/)
  expect((view.jsonLd as { image?: string[] }).image).toEqual([image?.src])

  const page = await findOccurrences(await buildWhere({ ...emptyFilters(), q: 'letture con immagine' }))
  const [card] = await toCards(page.items, 'it')
  // The row's picture says what it shows too (issue 19): the editor's alt text, else the media's.
  expect(card?.image).toMatchObject({ width: 400, height: 300, alt: 'Bambini seduti in cerchio ascoltano una lettura' })
  expect(card?.image?.src).toMatch(/-400x300\.webp$/)

  // Without an image nothing is drawn, and nothing breaks.
  const plain = await fixtureEvent(payload, net, { title: 'Senza immagine' })
  const plainView = await eventView((await findEventBySlug(plain.slug as string)) as never, 'it')
  expect(plainView.image).toBeNull()
  expect('image' in plainView.jsonLd).toBe(false)
})
