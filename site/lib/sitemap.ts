import { publicOnly } from '../../collections/access/staff-only'
import { SLUGS } from '../../collections/slugs'
import { getPayload, type ReadPath, readPath, sqlClient } from './payload'
import { escapeHtml } from './rich-text'
import { absoluteUrl, ENTITY_SECTIONS } from './urls'

/**
 * The sitemap as an index of parts (sitemaps.org): `/sitemap-pagine.xml` with the site's own and entity pages, and
 * `/sitemap-eventi-N.xml` with the published public events, SITEMAP_PART_SIZE each in id order. A part is one
 * page of one query, so it costs the same at 1,000 or 100,000 events, and no event is left out past a file's
 * 50,000-URL limit.
 */
export const SITEMAP_PART_SIZE = 10_000

const xml = escapeHtml

const urlEntry = (path: string, lastmod?: string | null) =>
  `<url><loc>${xml(absoluteUrl(path))}</loc>${lastmod ? `<lastmod>${lastmod.slice(0, 10)}</lastmod>` : ''}</url>`

const urlset = (entries: string[]) =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries,
    '</urlset>',
  ].join('\n')

/** The events a sitemap lists: published and public (the public's read access, without per-document hooks). */
const PUBLIC_EVENTS = publicOnly({ _status: { equals: 'published' } })

/** The name of a part as its address has it: `pagine` or `eventi-N` (N from 1). */
export type SitemapPart = { kind: 'pages' } | { kind: 'events'; n: number }

export const parseSitemapPart = (name: string | undefined): SitemapPart | null => {
  if (name === 'pagine') return { kind: 'pages' }
  const m = /^eventi-([1-9][0-9]{0,5})$/.exec(name ?? '')
  return m ? { kind: 'events', n: Number(m[1]) } : null
}

/** `/sitemap.xml`: the parts, as many event parts as the published public events fill. */
export const sitemapIndex = async (size = SITEMAP_PART_SIZE): Promise<string> => {
  const payload = await getPayload()
  const { totalDocs } = await payload.db.count({ collection: SLUGS.events, where: PUBLIC_EVENTS })
  const parts = ['/sitemap-pagine.xml']
  for (let n = 1; n <= Math.ceil(totalDocs / size); n++) parts.push(`/sitemap-eventi-${n}.xml`)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...parts.map((p) => `<sitemap><loc>${xml(absoluteUrl(p))}</loc></sitemap>`),
    '</sitemapindex>',
  ].join('\n')
}

/**
 * Home, agenda, open data, the widget's configurator, the index pages and every system, library, rassegna, festival,
 * campaign and partner page.
 */
export const sitemapPages = async (): Promise<string> => {
  const payload = await getPayload()
  const sections = [
    [SLUGS.systems, ENTITY_SECTIONS.sistema],
    [SLUGS.libraries, ENTITY_SECTIONS.biblioteca],
    [SLUGS.series, ENTITY_SECTIONS.rassegna],
    [SLUGS.festivals, ENTITY_SECTIONS.festival],
    [SLUGS.campaigns, ENTITY_SECTIONS.campagna],
    [SLUGS.partners, ENTITY_SECTIONS.organizzatore],
  ] as const
  const entities = await Promise.all(
    sections.map(([collection]) =>
      payload.find({
        collection,
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: false,
        select: { slug: true, updatedAt: true },
      }),
    ),
  )
  return urlset([
    urlEntry('/'),
    urlEntry('/eventi'),
    urlEntry('/eventi/calendario'),
    urlEntry('/accessibilita'),
    urlEntry('/dati'),
    urlEntry('/widget'),
    urlEntry('/proponi-evento'),
    urlEntry('/en'),
    urlEntry('/en/eventi'),
    urlEntry('/en/dati'),
    urlEntry('/en/widget'),
    urlEntry('/en/proponi-evento'),
    ...sections.flatMap(([, section]) => [urlEntry(`/${section}`), urlEntry(`/en/${section}`)]),
    ...entities.flatMap((result, i) =>
      (result.docs as { slug?: string | null; updatedAt: string }[]).flatMap((d) =>
        d.slug ? [urlEntry(`/${sections[i]?.[1]}/${d.slug}`, d.updatedAt)] : [],
      ),
    ),
  ])
}

type EventRow = { slug?: string | null; updatedAt: string }
/**
 * How a part's events are read (`readPath`): one statement on SQLite (10,000 rows in a few ms), or the database
 * adapter's `find` (about 0.5 s for 10,000 rows here, building every row through the ORM). SITEMAP_QUERY=sql|adapter
 * forces one; both give the same rows in the same order.
 */
export type SitemapQuery = ReadPath

const eventRows = async (n: number, size: number, how: SitemapQuery): Promise<EventRow[]> => {
  const payload = await getPayload()
  if (how === 'sql') {
    const client = await sqlClient('SITEMAP_QUERY')
    // PUBLIC_EVENTS in SQL: published, and the staff-only flag not set (`not_equals: true` matches NULL too).
    const { rows } = await client.execute({
      sql: `SELECT slug, updated_at FROM events WHERE _status = 'published' AND COALESCE(staff_only, 0) <> 1
        ORDER BY id LIMIT ? OFFSET ?`,
      args: [size, (n - 1) * size],
    })
    return rows.map((r) => ({ slug: r.slug as string | null, updatedAt: String(r.updated_at) }))
  }
  // Thousands of events through the Local API's per-document hooks would block the server; the adapter reads the
  // same public rows without them.
  const page = await payload.db.find<EventRow>({
    collection: SLUGS.events,
    where: PUBLIC_EVENTS,
    select: { slug: true, updatedAt: true },
    sort: 'id',
    limit: size,
    page: n,
    pagination: true,
  })
  return page.docs
}

/** Event part `n` (from 1), or `null` past the last one. */
export const sitemapEvents = async (
  n: number,
  size = SITEMAP_PART_SIZE,
  how?: SitemapQuery,
): Promise<string | null> => {
  const payload = await getPayload()
  const rows = await eventRows(n, size, how ?? readPath('SITEMAP_QUERY', payload.db.name))
  if (n > 1 && !rows.length) return null
  return urlset(rows.flatMap((e) => (e.slug ? [urlEntry(`/eventi/${e.slug}`, e.updatedAt)] : [])))
}
