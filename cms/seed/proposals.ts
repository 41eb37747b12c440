import type { Payload } from 'payload'
import { plainTextToLexical } from '../../collections/lib/lexical-text'
import { SLUGS } from '../../collections/slugs'

type Id = number | string
const DAY = 86_400_000

/**
 * Demo event proposals (issue 16), written last: one confirmed and waiting for the Valle Seriana editors (its draft
 * event in review), and one accepted earlier, linked to a published event of the same system. Written directly,
 * as the wing leaves them, so seeding sends no mail.
 */
export const seedProposals = async (
  payload: Payload,
  at: { valle: Id; library: Id; category?: Id; audience?: Id; today: Date; log: (line: string) => void },
) => {
  const base = { overrideAccess: true, depth: 0, context: { seed: true } } as const
  const start = new Date(at.today.getTime() + 20 * DAY)
  start.setUTCHours(16, 0, 0, 0)
  const end = new Date(start.getTime() + 90 * 60_000)
  const description =
    'Letture animate con le marionette per bambini dai 4 agli 8 anni, nel cortile della biblioteca.\nIn caso di pioggia si sta al chiuso. (Contenuto dimostrativo.)'
  const draft = await payload.create({
    collection: SLUGS.events,
    draft: true,
    data: {
      _status: 'draft',
      review: 'requested',
      title: 'Marionette in cortile (proposta)',
      summary: 'Letture animate con le marionette per bambini dai 4 agli 8 anni, nel cortile della biblioteca.',
      description: plainTextToLexical(description) as never,
      start: start.toISOString(),
      end: end.toISOString(),
      system: at.valle as number,
      library: at.library as number,
      placeNotes: 'Cortile della biblioteca',
      categories: at.category ? [at.category as number] : [],
      audiences: at.audience ? [at.audience as number] : [],
      minAge: 4,
      maxAge: 8,
    },
    ...base,
  })
  const proposal = (data: Record<string, unknown>) =>
    payload.create({ collection: SLUGS.eventProposals, data: data as never, ...base })
  await proposal({
    state: 'review',
    language: 'it',
    system: at.valle,
    library: at.library,
    title: draft.title,
    description,
    start: start.toISOString(),
    end: end.toISOString(),
    place: 'Cortile della biblioteca',
    category: at.category ?? null,
    audience: at.audience ?? null,
    minAge: 4,
    maxAge: 8,
    organiserName: 'Compagnia delle Marionette (dimostrativa)',
    proposer: { name: 'Mario Rossi', email: 'marionette@example.org', phone: '+39 035 000000' },
    confirmedAt: at.today.toISOString(),
    event: draft.id,
  })
  const { docs } = await payload.find({
    collection: SLUGS.events,
    where: { and: [{ system: { equals: at.valle } }, { _status: { equals: 'published' } }] },
    sort: '-start',
    limit: 1,
    select: { title: true, start: true, end: true, library: true },
    ...base,
  })
  const accepted = docs[0]
  if (accepted)
    await proposal({
      state: 'accepted',
      language: 'en',
      system: at.valle,
      library: accepted.library ?? at.library,
      title: accepted.title,
      description: 'Proposta arrivata dal modulo pubblico e pubblicata dai redattori. (Contenuto dimostrativo.)',
      start: accepted.start,
      end: accepted.end ?? null,
      organiserName: 'Associazione Genitori Valle Seriana',
      proposer: { name: 'Anna Verdi', email: 'anna.verdi@example.org' },
      confirmedAt: new Date(at.today.getTime() - 10 * DAY).toISOString(),
      decidedAt: new Date(at.today.getTime() - 8 * DAY).toISOString(),
      decisionMailed: true,
      event: accepted.id,
    })
  at.log(`${accepted ? 2 : 1} proposte di eventi (una in revisione, una accettata)`)
}
