import type { Payload } from 'payload'
import { COMUNI } from '../../collections/data/comuni'
import { SLUGS } from '../../collections/slugs'

type Id = number | string

const istat = (name: string) => COMUNI.find((c) => c.name === name)?.istat as string

/**
 * Demo partner organisations (issue 16), written after the demo events so their data is unchanged: a parents'
 * association working with Valle Seriana and a theatre working with the city system, each the organiser of the
 * next coming dates of its system (`perPartner` events), so their pages and feeds have something to show.
 */
export const seedPartners = async (
  payload: Payload,
  at: { valle: Id; urbano: Id; today: Date; log: (line: string) => void; perPartner?: number },
) => {
  const base = { overrideAccess: true, depth: 0, context: { seed: true } } as const
  const perPartner = at.perPartner ?? 3
  const partner = async (data: Record<string, unknown>) =>
    (await payload.create({ collection: SLUGS.partners, data: data as never, ...base })).id
  const genitori = await partner({
    name: 'Associazione Genitori Valle Seriana',
    slug: 'associazione-genitori-valle-seriana',
    kind: 'associazione',
    comune: istat('Albino'),
    systems: [at.valle],
    summary:
      'Genitori volontari che leggono ad alta voce con le biblioteche della Valle Seriana e organizzano letture per le famiglie. (Contenuto dimostrativo.)',
    website: 'https://genitori-valle-seriana.example.org',
    email: 'letture@genitori-valle-seriana.example.org',
    note: 'Referente dimostrativa: la presidente, contattabile tramite la biblioteca di Albino.',
  })
  const teatro = await partner({
    name: 'Teatro del Borgo (compagnia dimostrativa)',
    slug: 'teatro-del-borgo',
    kind: 'teatro',
    comune: istat('Bergamo'),
    systems: [at.urbano],
    summary:
      'Compagnia teatrale di Bergamo: letture sceniche e spettacoli per ragazzi nelle biblioteche della città. (Contenuto dimostrativo.)',
    website: 'https://teatro-del-borgo.example.org',
  })
  const coming = async (system: Id) => {
    const { docs } = await payload.find({
      collection: SLUGS.occurrences,
      where: {
        and: [
          { system: { equals: system } },
          { start: { greater_than: at.today.toISOString() } },
          { status: { equals: 'scheduled' } },
          { staffOnly: { not_equals: true } },
        ],
      },
      sort: 'start',
      limit: 50,
      depth: 0,
      select: { event: true },
      overrideAccess: true,
    })
    return [...new Set(docs.map((d) => d.event as Id))].slice(0, perPartner)
  }
  let events = 0
  for (const [organiser, system] of [
    [genitori, at.valle],
    [teatro, at.urbano],
  ] as const)
    for (const id of await coming(system)) {
      await payload.update({ collection: SLUGS.events, id, data: { organiser } as never, ...base })
      events++
    }
  at.log(`2 organizzazioni partner, organizzatrici di ${events} eventi`)
}
