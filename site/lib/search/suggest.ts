/**
 * "Forse cercavi …": a corrected query built from the index's vocabulary alone (never from the database).
 * Searching itself stays exact (every word a prefix of a word of the event); this only proposes another
 * query, as a link, when the exact one finds nothing or little.
 *
 * A query word is kept when some word of the vocabulary starts with it. Otherwise a word of 4 letters or more
 * is replaced by the vocabulary word that is (in this order of preference) the same word in the other number
 * (Italian singular/plural: burattino → burattini, biblioteca → biblioteche, laboratorio → laboratori), or at
 * edit distance 1 (2 from 8 letters: fumeto → fumetto, legere → leggere), whole word first, then as the
 * start of a longer word; ties go to the word found in more events.
 */

/** The stem both numbers of an Italian noun or adjective share: burattino, burattini → buratt. */
export const numberStem = (word: string): string => {
  if (/[cg]h[ei]$/.test(word)) return word.slice(0, -2) // parchi, biblioteche, laghi → parc, bibliotec, lag
  if (/[cg]ia$/.test(word)) return word.slice(0, -2) // spiaggia, arancia → spiagg, aranc (spiagge, arance)
  if (/io$/.test(word)) return word.slice(0, -2) // laboratorio → laborator (laboratori)
  if (/[aeio]$/.test(word)) return word.slice(0, -1)
  return word
}

/** Rows of the edit-distance table, reused: a suggestion compares one word with the whole vocabulary. */
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)]

/**
 * How many edits (insert, delete, substitute, swap two neighbours) turn `a` into the first `bLength` letters
 * of `b` (all of it by default), or `max + 1` when that is more than `max`.
 */
export const editDistance = (a: string, b: string, max: number, bLength = b.length): number => {
  if (Math.abs(a.length - bLength) > max) return max + 1
  const width = bLength + 1
  if (rows[0].length < width) rows = [new Int32Array(width * 2), new Int32Array(width * 2), new Int32Array(width * 2)]
  let [before, previous, current] = rows
  for (let j = 0; j < width; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    let rowMin = i
    const ai = a.charCodeAt(i - 1)
    for (let j = 1; j <= bLength; j++) {
      const bj = b.charCodeAt(j - 1)
      let d = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (ai === bj ? 0 : 1),
      )
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        d = Math.min(d, (before[j - 2] as number) + 1)
      current[j] = d
      if (d < rowMin) rowMin = d
    }
    if (rowMin > max) return max + 1
    ;[before, previous, current] = [previous, current, before]
  }
  const d = previous[bLength] as number
  return d > max ? max + 1 : d
}

export const MIN_CORRECTED_LENGTH = 4
const allowedEdits = (word: string) => (word.length >= 8 ? 2 : 1)

/** What the suggestion reads of an index: its words, their number stems, and in how many events each occurs now. */
export type Vocabulary = {
  words: readonly string[]
  /** Every word id, in the words' alphabetical order. */
  sorted: Int32Array
  stem: (id: number) => string
  events: (id: number) => number
}

/** The first position in `sorted` whose word is not before `prefix`. */
const lowerBound = (vocabulary: Vocabulary, prefix: string): number => {
  const { words, sorted } = vocabulary
  let [low, high] = [0, sorted.length]
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((words[sorted[middle] as number] as string) < prefix) low = middle + 1
    else high = middle
  }
  return low
}

/** Calls `visit` with every word id that starts with `prefix`, until it returns true; whether one did. */
const someStartingWith = (vocabulary: Vocabulary, prefix: string, visit: (id: number) => unknown) => {
  const { words, sorted } = vocabulary
  for (let i = lowerBound(vocabulary, prefix); i < sorted.length; i++) {
    const id = sorted[i] as number
    if (!(words[id] as string).startsWith(prefix)) return false
    if (visit(id) === true) return true
  }
  return false
}

/**
 * The best replacement of one word that no vocabulary word starts with, or null. Its first letter is
 * trusted (or its second, when the first is an extra or swapped letter): only words starting with either are
 * compared, a small part of the vocabulary.
 */
const correct = (word: string, vocabulary: Vocabulary): string | null => {
  const max = allowedEdits(word)
  const stem = numberStem(word)
  let best: { word: string; rank: number; events: number } | null = null
  const consider = (candidate: string, rank: number, events: number) => {
    if (
      !best ||
      rank < best.rank ||
      (rank === best.rank && (events > best.events || (events === best.events && candidate < best.word)))
    )
      best = { word: candidate, rank, events }
  }
  const compare = (id: number) => {
    const candidate = vocabulary.words[id] as string
    if (candidate.length < MIN_CORRECTED_LENGTH - 1) return
    const events = vocabulary.events(id)
    if (events === 0) return
    if (stem.length >= 3 && vocabulary.stem(id) === stem) return consider(candidate, 0, events)
    const whole = editDistance(word, candidate, max)
    if (whole <= max) return consider(candidate, whole, events)
    if (candidate.length > word.length) {
      const start = editDistance(word, candidate, max, word.length)
      if (start <= max) consider(candidate, max + start, events)
    }
  }
  for (const first of new Set([word[0] as string, word[1] as string])) someStartingWith(vocabulary, first, compare)
  return (best as { word: string } | null)?.word ?? null
}

/**
 * The query's words with each unknown word corrected, or null when nothing could be corrected (every word
 * is known, or the unknown ones have no close word).
 */
export const suggestWords = (queryWords: string[], vocabulary: Vocabulary): string[] | null => {
  const known = (word: string) => someStartingWith(vocabulary, word, (id) => vocabulary.events(id) > 0)
  let changed = false
  const corrected = queryWords.map((word) => {
    if (word.length < MIN_CORRECTED_LENGTH || known(word)) return word
    const replacement = correct(word, vocabulary)
    if (!replacement) return word
    changed = true
    return replacement
  })
  return changed ? corrected : null
}
