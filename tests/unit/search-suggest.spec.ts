// "Forse cercavi …": corrections come from the index's vocabulary (typos, Italian singular/plural), never change
// what a search finds, and cost little at 20,000 events.
import { describe, expect, it } from 'vitest'
import { DEMO_NOTE, TEMPLATES } from '../../cms/seed/events'
import { foldText } from '../../collections/lib/slugify'
import { AgendaIndex, type IndexedRow } from '../../site/lib/search/model'
import { editDistance, numberStem } from '../../site/lib/search/suggest'

const lists = {
  system: ['1'],
  library: [],
  comune: [],
  categories: [],
  audiences: [],
  series: [],
  festival: [],
  organiser: [],
  campaigns: [],
  accessibility: [],
} as IndexedRow['lists']

const row = (n: number, text: string, event = String(n)): IndexedRow => ({
  id: String(n),
  event,
  start: Date.UTC(2027, 0, 1) + n * 3_600_000,
  end: Date.UTC(2027, 0, 1) + n * 3_600_000 + 1_800_000,
  title: text,
  lists,
  ageMin: 0,
  ageMax: 120,
  free: true,
  searchText: ` ${foldText(text)} `,
})

const demoIndex = () => {
  const index = new AgendaIndex()
  index.replaceEvents(
    [],
    TEMPLATES.map((t, i) => row(i + 1, `${t.title} ${t.summary} ${DEMO_NOTE} Biblioteca comunale di Albino`)),
  )
  return index
}

describe('the search suggestion', () => {
  it('corrects a typo to the closest word of the agenda: fumeto → fumetto, legere → leggere', () => {
    const index = demoIndex()
    expect(index.suggest(['fumeto'])).toEqual(['fumetto'])
    expect(index.suggest(['laboratorio', 'fumeto'])).toEqual(['laboratorio', 'fumetto'])
    expect(index.suggest(['nati', 'per', 'legere'])).toEqual(['nati', 'per', 'leggere'])
    expect(index.suggest(['biblotecha'])).toEqual(['biblioteca']) // 8+ letters: two edits
  })

  it('folds Italian singular and plural: burattino → burattini, laboratori → laboratorio', () => {
    const index = demoIndex()
    expect(index.suggest(['burattino'])).toEqual(['burattini'])
    expect(index.suggest(['laboratori'])).toBeNull() // a prefix of "laboratorio": the search already finds it
    expect(index.suggest(['mostre'])).toEqual(['mostra'])
    expect(index.suggest(['romanzi'])).toEqual(['romanzo'])
    expect(numberStem('biblioteche')).toBe(numberStem('biblioteca'))
    expect(numberStem('parchi')).toBe(numberStem('parco'))
    expect(numberStem('spiagge')).toBe(numberStem('spiaggia'))
    expect(numberStem('laboratori')).toBe(numberStem('laboratorio'))
  })

  it('proposes nothing when every word is known, too short to guess, or far from any word', () => {
    const index = demoIndex()
    expect(index.suggest(['fumet'])).toBeNull() // a prefix: the exact search finds it
    expect(index.suggest(['xyz'])).toBeNull() // under 4 letters, never corrected
    expect(index.suggest(['zzzzzz'])).toBeNull()
    expect(index.suggest(['ortaggi'])).toBeNull()
  })

  it('never proposes a word that only a withdrawn event had', () => {
    const index = demoIndex()
    index.replaceEvents([], [row(100, 'Zibaldone di filastrocche')])
    expect(index.suggest(['zibaldoni'])).toEqual(['zibaldone'])
    index.replaceEvents(['100'], [])
    expect(index.suggest(['zibaldoni'])).toBeNull()
  })

  it('measures edits as insertions, deletions, substitutions and swaps, bounded', () => {
    expect(editDistance('fumeto', 'fumetto', 1)).toBe(1)
    expect(editDistance('fumetto', 'fmuetto', 1)).toBe(1) // a swap is one edit
    expect(editDistance('letture', 'lettura', 1)).toBe(1)
    expect(editDistance('abc', 'xyzxyz', 2)).toBe(3) // beyond the bound: bound + 1
  })

  it('costs little at 20,000 events with a large vocabulary (printed, not asserted)', () => {
    // A realistic worst case: the demo texts plus 40,000 distinct made-up words (names, places, titles).
    const syllables = ['ba', 'ce', 'di', 'fo', 'gu', 'la', 'me', 'ni', 'po', 'ru', 'sa', 'te', 'vi', 'zo', 'str', 'gn']
    let seed = 42
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
    }
    const madeUp = () =>
      Array.from({ length: 2 + Math.floor(random() * 4) }, () => syllables[Math.floor(random() * 16)]).join('')
    const rows: IndexedRow[] = []
    for (let e = 0; e < 20_000; e++) {
      const t = TEMPLATES[e % TEMPLATES.length] as (typeof TEMPLATES)[number]
      const text = `${t.title} ${t.summary} ${DEMO_NOTE} ${madeUp()} ${madeUp()}`
      for (let r = 0; r < 3; r++) rows.push(row(e * 3 + r, text, String(e)))
    }
    const index = new AgendaIndex()
    const building = performance.now()
    index.replaceEvents([], rows)
    console.log(`built in ${(performance.now() - building).toFixed(0)} ms`)
    const queries = [['fumeto'], ['nati', 'per', 'legere'], ['burattino'], ['biblotecha'], ['zzzzzz'], ['mostre']]
    for (const q of queries) index.suggest(q) // warm up
    const rounds = 20
    const started = performance.now()
    for (let i = 0; i < rounds; i++) for (const q of queries) index.suggest(q)
    const perQuery = (performance.now() - started) / (rounds * queries.length)
    const vocabulary = new Set(rows.flatMap((r) => r.searchText.trim().split(' '))).size
    console.log(
      `search suggestion at 20,000 events, ${vocabulary.toLocaleString('en')} words: ${perQuery.toFixed(2)} ms per query`,
    )
    expect(index.suggest(['fumeto'])).toEqual(['fumetto'])
  }, 120_000)
})
