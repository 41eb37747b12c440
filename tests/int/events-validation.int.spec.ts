// Bad input gets a 400 whose errors name the field (`path`, where the admin shows it) with an Italian
// message, and nothing is written. REST and Local API alike.
import { ValidationError } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { keepFieldErrors } from '../../collections/hooks/keepFieldErrors'
import { SLUGS } from '../../collections/slugs'
import { buildNetwork, client, countAll, eventData, type Network, romeAt, type Via } from '../helpers/network'
import { getPayload, type Payload } from '../helpers/payload'

let payload: Payload
let net: Network
let imageId: number

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
    .png()
    .toBuffer()
  const media = await payload.create({
    collection: SLUGS.media,
    data: { alt: 'Un rettangolo rosso', system: net.systems.a },
    file: { data: png, mimetype: 'image/png', name: 'rosso.png', size: png.length },
    overrideAccess: true,
  })
  imageId = media.id
})
afterAll(async () => payload.destroy())

type Case = [rule: string, data: () => Record<string, unknown>, path: string, message: string | RegExp]

const CASES: Case[] = [
  [
    'the end before the start',
    () => ({ start: romeAt(10, 18), end: romeAt(10, 17) }),
    'end',
    'La fine non può essere prima dell’inizio.',
  ],
  [
    'an image without alternative text',
    () => ({ image: imageId, imageAlt: '  ' }),
    'imageAlt',
    'Il testo alternativo è obbligatorio quando c’è un’immagine.',
  ],
  [
    'neither a library nor a venue',
    () => ({ library: null, venue: null }),
    'library',
    'Indica la biblioteca o il luogo dell’evento.',
  ],
  ['a negative minimum age', () => ({ minAge: -1 }), 'minAge', 'L’età deve essere tra 0 e 120 anni.'],
  ['a maximum age of 150', () => ({ maxAge: 150 }), 'maxAge', 'L’età deve essere tra 0 e 120 anni.'],
  [
    'a maximum age below the minimum',
    () => ({ minAge: 10, maxAge: 6 }),
    'maxAge',
    'L’età massima non può essere inferiore alla minima.',
  ],
  [
    'a repetition every 0 weeks',
    () => ({ recurrence: { frequency: 'weekly', interval: 0 } }),
    'recurrence.interval',
    'L’intervallo deve essere un numero intero tra 1 e 52.',
  ],
  [
    'a repetition that ends before the event starts',
    () => ({ recurrence: { frequency: 'daily', interval: 1, until: romeAt(5, 12).slice(0, 10) } }),
    'recurrence.until',
    'La data di fine ripetizione è prima dell’inizio dell’evento.',
  ],
  [
    'a repetition 5000 times',
    () => ({ recurrence: { frequency: 'daily', interval: 1, count: 5000 } }),
    'recurrence.count',
    'Il numero di ripetizioni deve essere tra 1 e 1000.',
  ],
  [
    'a start in 1900',
    () => ({ start: '1900-01-01T09:00:00.000Z', end: '1900-01-01T10:00:00.000Z' }),
    'start',
    'La data deve essere compresa tra il 2000 e il 2100.',
  ],
  ['an unknown status', () => ({ status: 'rumoured' }), 'status', /non valid/],
]

describe.each(['rest', 'local'] as Via[])('event validation over %s', (via) => {
  it.each(CASES)('refuses %s on the field, in Italian, and writes nothing', async (_rule, data, path, message) => {
    const title = `invalido ${via} ${Math.random().toString(36).slice(2, 8)}`
    const res = await client(payload, net, via, 'editorA').create(
      SLUGS.events,
      eventData(net, { title, _status: 'published', ...data() }),
    )
    expect(res.status).toBe(400)
    expect(res.errors).toContainEqual(
      expect.objectContaining({
        path,
        message: typeof message === 'string' ? message : expect.stringMatching(message),
      }),
    )
    expect(await countAll(payload, SLUGS.events, { title: { equals: title } })).toBe(0)
    expect(await countAll(payload, SLUGS.occurrences, { title: { equals: title } })).toBe(0)
  })

  it('accepts a valid event with an image and its alternative text', async () => {
    const res = await client(payload, net, via, 'editorA').create(
      SLUGS.events,
      eventData(net, { image: imageId, imageAlt: 'Bambini che leggono', minAge: 3, maxAge: 6, _status: 'published' }),
    )
    expect(res.status).toBe(201)
  })
})

describe.each(['rest', 'local'] as Via[])('library and venue validation over %s', (via) => {
  it.each([SLUGS.libraries, SLUGS.venues] as const)(
    'refuses a %s in a comune outside the province, on the field',
    async (collection) => {
      const name = `fuori provincia ${via} ${Math.random().toString(36).slice(2, 8)}`
      const res = await client(payload, net, via, 'editorA').create(collection, {
        name,
        address: 'Via Roma 1',
        comune: '015146', // Milano: not one of the 243 comuni of the province of Bergamo
        kind: 'teatro',
      })
      expect(res.status).toBe(400)
      expect(res.errors).toContainEqual(
        expect.objectContaining({ path: 'comune', message: expect.stringMatching(/selezione non valida/) }),
      )
      expect(await countAll(payload, collection, { name: { equals: name } })).toBe(0)
    },
  )

  it('refuses a library without a comune, on the field', async () => {
    const res = await client(payload, net, via, 'editorA').create(SLUGS.libraries, {
      name: 'Senza comune',
      address: 'Via Roma 1',
    })
    expect(res.status).toBe(400)
    expect(res.errors).toContainEqual(
      expect.objectContaining({ path: 'comune', message: expect.stringMatching(/obbligatorio/) }),
    )
  })
})

describe('field errors reach the admin', () => {
  it('a draft is validated too: a draft that ends before it starts is refused on the field', async () => {
    const title = `bozza invalida ${Math.random().toString(36).slice(2, 8)}`
    const res = await client(payload, net, 'rest', 'contributorA1').create(
      SLUGS.events,
      eventData(net, { title, start: romeAt(10, 18), end: romeAt(10, 17) }),
      { draft: true },
    )
    expect(res.status).toBe(400)
    expect(res.errors).toContainEqual(expect.objectContaining({ path: 'end' }))
    expect(await countAll(payload, SLUGS.events, { title: { equals: title } })).toBe(0)
  })

  it('an answer formatted without the field paths (as the bundled CMS does) gets them back', async () => {
    const error = new ValidationError({ collection: 'events', errors: [{ path: 'end', message: 'La fine…' }] })
    const args = { error, result: { errors: [{ message: error.message }] } } as never
    const fixed = (await keepFieldErrors(args)) as { response: { errors: { data: unknown }[] } }
    expect(fixed.response.errors[0]?.data).toMatchObject({ errors: [{ path: 'end', message: 'La fine…' }] })
    const intact = { error, result: { errors: [{ message: error.message, data: error.data }] } } as never
    expect(await keepFieldErrors(intact)).toBeUndefined()
  })
})
