// The admin's Italian (issue 19): every Payload message that puts a collection's name in `{{label}}` must read
// right whatever the name's gender ("Rassegna", "Evento", "Biblioteca", "Newsletter"…), and the words the
// librarians stumbled on are corrected.
import { it as payloadItalian } from '@payloadcms/translations/languages/it'
import { describe, expect, it } from 'vitest'
import { i18n } from '../../cms/i18n'

type Tree = { [key: string]: string | Tree }

const merge = (base: Tree, over: Tree): Tree => {
  const out: Tree = { ...base }
  for (const [k, v] of Object.entries(over))
    out[k] = typeof v === 'object' && typeof base[k] === 'object' ? merge(base[k] as Tree, v) : v
  return out
}

const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}:`),
  )

const italian = new Map(
  flatten(merge(payloadItalian.translations as unknown as Tree, (i18n.translations?.it ?? {}) as unknown as Tree)),
)
const t = (key: string) => italian.get(key)

/** An article, a determiner or an adjective that agrees with the name it comes before or after. */
const GENDERED_BEFORE = /\b(il|lo|la|un|una|uno|nuovo|nuova|nessun|nessuna|questo|questa|tutti|tutte)\s+\{\{label\}\}/i
const ELIDED_BEFORE = /\b[lL]['’]\{\{label\}\}/
const GENDERED_AFTER = /\{\{label\}\}\s+(\S+(ato|ata|ati|ate|ito|ita|uto|uta|ante)\b|esistente)/i

const withLabel = [...italian].filter(([, v]) => v.includes('{{label}}'))

describe('Payload’s Italian in the admin', () => {
  it('has messages with a collection name to check', () => expect(withLabel.length).toBeGreaterThan(30))

  it.each(withLabel)('%s agrees with any collection name', (_, text) => {
    expect(text).not.toMatch(GENDERED_BEFORE)
    expect(text).not.toMatch(ELIDED_BEFORE)
    expect(text).not.toMatch(GENDERED_AFTER)
  })

  it('names what the librarians met the right way', () => {
    const rassegna = (key: string) => t(key)?.replace('{{label}}', 'Rassegna')
    expect(rassegna('general:successfullyCreated')).toBe('Rassegna: creazione riuscita.')
    expect(rassegna('general:creatingNewLabel')).toBe('Nuova scheda: Rassegna')
    expect(t('general:untitled')).toBe('Titolo da inserire')
    expect(t('general:edit')).toBe('Modifica')
    expect(t('version:publishChanges')).toBe('Pubblica sul sito')
    expect(t('version:unpublish')).toBe('Ritira dal sito')
    expect(t('general:cancel')).toBe('Annulla')
    expect(t('general:clear')).toBe('Svuota')
    // What Payload's translation had left as instructions to a translator.
    expect(t('general:restoring')?.length).toBeLessThan(40)
  })
})
