import { describe, expect, it } from 'vitest'
import type { Occurrence } from '../../cms/payload-types'
import { ageLabel, groupByDay, toCard } from '../../site/lib/cards'

const occurrence = (over: Partial<Occurrence> = {}): Occurrence =>
  ({
    id: 1,
    event: { id: 9, slug: 'laboratorio', title: 'Laboratorio', summary: 'Disegniamo', image: null },
    title: 'Laboratorio',
    start: '2026-12-05T14:00:00.000Z',
    end: '2026-12-05T15:30:00.000Z',
    originalStart: '2026-12-05T14:00:00.000Z',
    day: '2026-12-05',
    allDay: false,
    status: 'scheduled',
    system: { id: 1, shortName: 'Valle Seriana', name: 'Sistema Bibliotecario Valle Seriana' },
    library: { id: 3, name: 'Biblioteca comunale di Albino' },
    venue: null,
    comune: '016004',
    categories: [{ id: 1, name: 'Laboratorio' }],
    ageMin: 6,
    ageMax: 10,
    free: true,
    ...over,
  }) as Occurrence

describe('agenda rows', () => {
  it('shape an occurrence for the list, in the page language', () => {
    const card = toCard(occurrence(), 'it')
    expect(card).toMatchObject({
      href: '/eventi/laboratorio?data=2026-12-05', // the row's date travels with the link
      title: 'Laboratorio',
      startIso: '2026-12-05T15:00:00+01:00',
      timeLabel: '15:00–16:30',
      statusLabel: null,
      place: 'Biblioteca comunale di Albino',
      comune: 'Albino',
      system: 'Valle Seriana',
      categories: ['Laboratorio'],
      ageLabel: 'da 6 a 10 anni',
      free: true,
    })
    expect(toCard(occurrence(), 'en').href).toBe('/en/eventi/laboratorio?data=2026-12-05')
    expect(toCard(occurrence({ status: 'cancelled' }), 'it').statusLabel).toBe('Annullato')
    expect(toCard(occurrence({ status: 'full' }), 'en').statusLabel).toBe('Fully booked')
  })

  it('show an age range only when it narrows the audience', () => {
    expect(ageLabel(0, 120, 'it')).toBeNull()
    expect(ageLabel(18, 120, 'it')).toBe('da 18 anni')
    expect(ageLabel(0, 3, 'it')).toBe('fino a 3 anni')
  })

  it('group by day, gathering what began before the window under "ongoing"', () => {
    const cards = [
      toCard(
        occurrence({ id: 1, start: '2026-11-20T23:00:00.000Z', end: '2026-12-10T23:00:00.000Z', allDay: true }),
        'it',
      ),
      toCard(occurrence({ id: 2, start: '2026-11-25T09:00:00.000Z' }), 'it'),
      toCard(occurrence({ id: 3, start: '2026-11-25T17:00:00.000Z' }), 'it'),
      toCard(occurrence({ id: 4, start: '2026-11-25T23:30:00.000Z' }), 'it'),
    ]
    const groups = groupByDay(cards, '2026-11-25')
    expect(groups.map((g) => [g.day, g.ongoing, g.cards.map((c) => c.id)])).toEqual([
      ['2026-11-25', true, [1]],
      ['2026-11-25', false, [2, 3]],
      ['2026-11-26', false, [4]],
    ])
  })
})
