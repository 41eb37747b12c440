// "Vicino a": a family picks its comune and sees the events of the libraries around it, each with its distance;
// the index and the database agree (tests/int/filter-registry.int.spec.ts checks every registry filter).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findOccurrences, resolveFilters, whereOf } from '../../site/lib/agenda'
import { agendaView } from '../../site/lib/agenda-view'
import { parseFilters } from '../../site/lib/filters'
import { describeFilters } from '../../site/lib/ical/describe'
import { filterOptions } from '../../site/lib/options'
import { clearPageCache } from '../../site/lib/page-cache'
import { currentSearchIndex } from '../../site/lib/search/sync'
import { buildNetwork, fixtureEvent, romeAt } from '../helpers/network'
import { getPayload, type Payload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await getPayload()
  const net = await buildNetwork(payload)
  // Libraries in Dalmine (A1), Stezzano (A2, 3.6 km from Dalmine) and Albino (B1, 19.7 km from Dalmine).
  await fixtureEvent(payload, net, {
    title: 'A Dalmine',
    library: net.libraries.a1,
    start: romeAt(3, 10),
    end: romeAt(3, 11),
  })
  await fixtureEvent(payload, net, {
    title: 'A Stezzano',
    library: net.libraries.a2,
    start: romeAt(4, 10),
    end: romeAt(4, 11),
  })
  await fixtureEvent(payload, net, {
    title: 'Ad Albino',
    system: net.systems.b,
    library: net.libraries.b1,
    start: romeAt(5, 10),
    end: romeAt(5, 11),
  })
  clearPageCache()
  for (let i = 0; i < 200 && !(await currentSearchIndex({ wait: true })); i++)
    await new Promise((r) => setTimeout(r, 50))
})
afterAll(async () => payload.destroy())

const titles = async (query: string) => {
  const view = await agendaView(new URLSearchParams(query), 'it')
  return view?.groups.flatMap((g) => g.cards.map((c) => `${c.title} (${c.distance})`))
}

describe('events near a comune', () => {
  it('within 10 km of Dalmine: Dalmine and Stezzano, each with its distance; within 20 km, Albino too', async () => {
    expect(await titles('vicino=dalmine')).toEqual(['A Dalmine (nel tuo comune)', 'A Stezzano (a 4 km)'])
    expect(await titles('vicino=dalmine&raggio=20')).toEqual([
      'A Dalmine (nel tuo comune)',
      'A Stezzano (a 4 km)',
      'Ad Albino (a 20 km)',
    ])
    expect(await titles('vicino=nembro')).toEqual(['Ad Albino (a 4 km)']) // no library in Nembro itself
  })

  it('the database gives the same rows as the index', async () => {
    for (const query of ['vicino=dalmine', 'vicino=nembro&raggio=5', 'vicino=bergamo&raggio=30&q=a']) {
      const resolved = await resolveFilters(parseFilters(new URLSearchParams(query)))
      const index = await currentSearchIndex({ wait: true })
      const fromIndex = index?.query(resolved, { page: 1, limit: 20 })
      const fromDb = await findOccurrences(whereOf(resolved), { limit: 20 })
      expect(fromIndex, query).toEqual({ ids: fromDb.items.map((o) => String(o.id)), totalDocs: fromDb.totalDocs })
    }
  })

  it('any comune of the province can be chosen, and the chip and the feed name say how near', async () => {
    const options = await filterOptions()
    expect(options.vicino.length).toBe(242)
    expect(options.vicino).toContainEqual({ value: 'nembro', label: 'Nembro' })
    const view = await agendaView(new URLSearchParams('vicino=nembro&raggio=20'), 'it')
    expect(view?.active.map((a) => a.label)).toEqual(['Entro 20 km da Nembro'])
    expect(view?.active[0]?.removeHref).toBe('/eventi')
    expect(await describeFilters(parseFilters(new URLSearchParams('vicino=nembro&raggio=20')))).toEqual([
      'entro 20 km da Nembro',
    ])
  })

  it('nothing near enough: the empty page proposes the next radius with its count, beside the corrected search', async () => {
    const empty = await agendaView(new URLSearchParams('vicino=dalmine&q=albino'), 'it')
    expect(empty?.total).toBe(0)
    expect(empty?.suggestions).toContainEqual({
      label: 'Entro 20 km da Dalmine',
      total: 1,
      href: '/eventi?vicino=dalmine&raggio=20&q=albino',
    })
    expect(await titles('vicino=dalmine&raggio=20&q=albino')).toEqual(['Ad Albino (a 20 km)'])
    // A typo as well: "Forse cercavi" corrects the words, the wider searches keep them.
    const typo = await agendaView(new URLSearchParams('vicino=dalmine&raggio=20&q=albno'), 'it')
    expect(typo?.total).toBe(0)
    expect(typo?.suggestion).toMatchObject({ q: 'albino', total: 1 })
    expect(typo?.suggestion?.href).toBe('/eventi?vicino=dalmine&raggio=20&q=albino')
    expect(typo?.suggestions.map((x) => x.label)).toEqual(['Senza cercare «albno»'])
  })

  it('an unknown comune is a 404, a radius not offered a 400 naming it', async () => {
    await expect(agendaView(new URLSearchParams('vicino=atlantide'), 'it')).rejects.toMatchObject({ param: 'vicino' })
    await expect(agendaView(new URLSearchParams('vicino=nembro&raggio=7'), 'it')).rejects.toMatchObject({
      param: 'raggio',
    })
  })
})
