import type { Payload, Where } from 'payload'
import sharp from 'sharp'
import { SLUGS } from '../../collections/slugs'

type Id = number | string

/** A demo sponsor's logo: an open book on a bookmark, shapes only (no text, no third-party mark). */
const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="160" viewBox="0 0 480 160">
<rect width="480" height="160" rx="24" fill="#fff8ec"/>
<path d="M60 40 Q120 20 180 40 L180 130 Q120 110 60 130 Z" fill="#c2457a"/>
<path d="M180 40 Q240 20 300 40 L300 130 Q240 110 180 130 Z" fill="#f28c38"/>
<path d="M330 20 L390 20 L390 140 L360 115 L330 140 Z" fill="#253b6e"/>
</svg>`

/**
 * Demo funders (issue 15), written after the demo events so their data is unchanged: the Regione funds the
 * Dalmine rassegna, a foundation supports Nati per Leggere, and the next date of the rassegna and of a Nati per
 * Leggere reading in the same system name the comune and a local sponsor themselves, so their pages show both
 * their own and inherited credits.
 */
export const seedFunders = async (
  payload: Payload,
  at: { system: Id; series: Id; campaign: Id; today: Date; log: (line: string) => void },
) => {
  const base = { overrideAccess: true, depth: 0, context: { seed: true } } as const
  const png = await sharp(Buffer.from(LOGO_SVG)).png().toBuffer()
  const logo = await payload.create({
    collection: SLUGS.media,
    data: { alt: 'Logo della Libreria Il Segnalibro', system: at.system as number },
    file: { data: png, mimetype: 'image/png', name: 'logo-libreria-il-segnalibro.png', size: png.length },
    ...base,
  })
  const funder = async (data: Record<string, unknown>) =>
    (await payload.create({ collection: SLUGS.funders, data: data as never, ...base })).id as number
  const regione = await funder({
    name: 'Regione Lombardia',
    kind: 'public',
    website: 'https://www.regione.lombardia.it',
  })
  const fondazione = await funder({ name: 'Fondazione della Comunità Bergamasca', kind: 'foundation' })
  const comune = await funder({ name: 'Comune di Dalmine', kind: 'comune', system: at.system })
  const sponsor = await funder({
    name: 'Libreria Il Segnalibro (sponsor dimostrativo)',
    kind: 'sponsor',
    system: at.system,
    website: 'https://libreria-il-segnalibro.example.org',
    logo: logo.id,
    note: 'Sponsor dimostrativo: sconto ai partecipanti.',
  })
  await payload.update({
    collection: SLUGS.series,
    id: at.series,
    data: {
      support: [{ funder: regione, role: 'funded', detail: 'Bando Biblioteche e promozione della lettura 2026' }],
    },
    ...base,
  })
  await payload.update({
    collection: SLUGS.campaigns,
    id: at.campaign,
    data: { support: [{ funder: fondazione, role: 'supported' }] },
    ...base,
  })
  const next = async (where: Where) =>
    (
      await payload.find({
        collection: SLUGS.occurrences,
        where: {
          and: [
            where,
            { system: { equals: at.system } },
            { start: { greater_than: at.today.toISOString() } },
            { status: { equals: 'scheduled' } },
          ],
        },
        sort: 'start',
        limit: 1,
        depth: 0,
        select: { event: true },
        overrideAccess: true,
      })
    ).docs[0]?.event as Id | undefined
  const inSeries = await next({ series: { equals: at.series } })
  // A small seed may have no coming date in the rassegna: then any of the campaign's dates will do.
  const reading = await next({
    and: [{ campaigns: { in: [at.campaign] } }, ...(inSeries == null ? [] : [{ event: { not_equals: inSeries } }])],
  })
  const named: [Id | undefined, unknown[]][] = [
    [
      inSeries,
      [
        { funder: sponsor, role: 'supported' },
        { funder: comune, role: 'partner', detail: 'Sala civica messa a disposizione dal Comune' },
      ],
    ],
    [reading, [{ funder: comune, role: 'patronage' }]],
  ]
  let events = 0
  for (const [id, support] of named) {
    if (id == null) continue
    await payload.update({ collection: SLUGS.events, id, data: { support } as never, ...base })
    events++
  }
  at.log(`4 finanziatori e sostenitori, citati da una rassegna, una campagna e ${events} eventi`)
}
