// Slugs are readable, unique, and stable: a clash adds the event's date, then a number; renaming keeps them.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { SLUGS } from '../../collections/slugs'
import { buildNetwork, fixtureEvent, type Network, romeAt } from '../helpers/network'
import { getPayload, type Payload } from '../helpers/payload'

let payload: Payload
let net: Network

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
})
afterAll(async () => payload.destroy())

it('the same title gets the date, then a number', async () => {
  const day = romeAt(20, 12).slice(0, 10)
  const make = (days: number) =>
    fixtureEvent(payload, net, { title: 'L’ora delle storie!', start: romeAt(days, 17), end: romeAt(days, 18) })
  const slugs = [(await make(20)).slug, (await make(20)).slug, (await make(20)).slug, (await make(21)).slug]
  expect(slugs).toEqual([
    'l-ora-delle-storie',
    `l-ora-delle-storie-${day}`,
    `l-ora-delle-storie-${day}-2`,
    `l-ora-delle-storie-${romeAt(21, 12).slice(0, 10)}`,
  ])
})

it('a draft counts for uniqueness too', async () => {
  const draft = await fixtureEvent(payload, net, { title: 'Bozza unica', _status: 'draft' })
  const other = await fixtureEvent(payload, net, { title: 'Bozza unica', start: romeAt(30, 9), end: romeAt(30, 10) })
  expect(draft.slug).toBe('bozza-unica')
  expect(other.slug).toBe(`bozza-unica-${romeAt(30, 12).slice(0, 10)}`)
})

it('renaming an event keeps its slug (links stay valid)', async () => {
  const event = await fixtureEvent(payload, net, { title: 'Titolo provvisorio' })
  const renamed = await payload.update({
    collection: SLUGS.events,
    id: event.id,
    data: { title: 'Titolo definitivo' },
    overrideAccess: true,
  })
  expect(renamed.slug).toBe('titolo-provvisorio')
})

it('other collections number their clashes', async () => {
  const make = async () =>
    (
      await payload.create({
        collection: SLUGS.series,
        data: { title: 'Cineforum', system: net.systems.a },
        overrideAccess: true,
      })
    ).slug
  expect([await make(), await make(), await make()]).toEqual(['cineforum', 'cineforum-2', 'cineforum-3'])
})
