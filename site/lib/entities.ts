import type { Audience, Campaign, Festival, Library, Media, Partner, Series, System } from '../../cms/payload-types'
import { SLUGS } from '../../collections/slugs'
import { catalogue } from '../../shared/strings'
import { comuneName, findAgendaPage } from './agenda'
import type { Card } from './cards'
import { type CreditGroup, ownCredits } from './credits'
import { emptyFilters } from './filters'
import { formatDay } from './format'
import { strings } from './i18n'
import { feedIsTruncated } from './ical/feed'
import { type ResponsiveImage, responsiveImage } from './images'
import { osmLink } from './links'
import { toCards } from './occurrences'
import { getPayload } from './payload'
import { programmePath } from './print'
import { escapeHtml, richTextToHtml } from './rich-text'
import { agendaPath, type EntityKind, entityFeedPath, entityPath, type Locale, localePath } from './urls'

const COLLECTION = {
  sistema: SLUGS.systems,
  biblioteca: SLUGS.libraries,
  rassegna: SLUGS.series,
  festival: SLUGS.festivals,
  campagna: SLUGS.campaigns,
  organizzatore: SLUGS.partners,
} as const

type Doc = System | Library | Series | Festival | Campaign | Partner

const obj = <T>(value: unknown): T | null => (value && typeof value === 'object' ? (value as T) : null)

/** A system, library, rassegna, festival, campaign or partner by slug; null when there is none. */
export const findEntity = async (kind: EntityKind, slug: string): Promise<Doc | null> => {
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(slug)) return null
  const payload = await getPayload()
  const { docs } = await payload.find({
    collection: COLLECTION[kind] as 'systems',
    where: { slug: { equals: slug } },
    depth: 1,
    limit: 1,
    pagination: false,
    overrideAccess: false,
  })
  return (docs[0] as Doc | undefined) ?? null
}

export type Fact = { label: string; value: string; href?: string }

const paragraphs = (text: string | null | undefined) =>
  (text ?? '')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('')

const UPCOMING = 12

/** The entity page: heading, description, facts, feed and the next events. */
export const entityView = async (kind: EntityKind, doc: Doc, locale: Locale, now: Date = new Date()) => {
  const t = strings(locale)
  const slug = doc.slug as string
  const facts: Fact[] = []
  let title = ''
  let summary = ''
  let descriptionHtml = ''
  let image: ResponsiveImage | null = null
  let children: { label: string; href: string }[] = []
  let credits: CreditGroup[] = []
  let kindLabel: string = t.kinds[kind]
  const period = (from?: string | null, to?: string | null) => {
    if (from && to)
      facts.push({ label: t.period, value: `${formatDay(from, locale, now)} – ${formatDay(to, locale, now)}` })
  }
  const owner = (system: unknown) => {
    const s = obj<System>(system)
    if (s?.slug) facts.push({ label: t.kinds.sistema, value: s.name, href: entityPath('sistema', s.slug, locale) })
  }
  const contact = (d: { email?: string | null; phone?: string | null; website?: string | null }) => {
    if (d.phone) facts.push({ label: t.phone, value: d.phone, href: `tel:${d.phone.replace(/[^\d+]/g, '')}` })
    if (d.email) facts.push({ label: t.email, value: d.email, href: `mailto:${d.email}` })
    if (d.website && /^https?:\/\//.test(d.website)) facts.push({ label: t.website, value: d.website, href: d.website })
  }

  if (kind === 'sistema') {
    const s = doc as System
    title = s.name
    descriptionHtml = paragraphs(s.description)
    contact(s)
    const payload = await getPayload()
    const libraries = await payload.find({
      collection: SLUGS.libraries,
      where: { system: { equals: s.id } },
      sort: 'name',
      depth: 0,
      limit: 500,
      pagination: false,
      select: { name: true, slug: true },
      overrideAccess: false,
    })
    children = libraries.docs.flatMap((l) =>
      l.slug ? [{ label: l.name, href: entityPath('biblioteca', l.slug, locale) }] : [],
    )
  } else if (kind === 'biblioteca') {
    const l = doc as Library
    title = l.name
    const comune = comuneName(l.comune)
    facts.push({
      label: t.address,
      value: [l.address, comune].filter(Boolean).join(', '),
      href: osmLink({ name: l.name, address: l.address, comune, lat: l.lat ?? null, lng: l.lng ?? null }),
    })
    owner(l.system)
    contact(l)
    if (l.accessibilityNotes) facts.push({ label: t.accessibility, value: l.accessibilityNotes })
  } else if (kind === 'organizzatore') {
    const p = doc as Partner
    title = p.name
    kindLabel = catalogue(locale).partners.kinds[p.kind]
    summary = p.summary ?? ''
    const comune = comuneName(p.comune)
    if (comune) facts.push({ label: t.comune, value: comune })
    contact(p)
    for (const s of p.systems ?? []) owner(s)
  } else {
    const d = doc as Series | Festival | Campaign
    title = d.title
    summary = d.summary ?? ''
    descriptionHtml = richTextToHtml(d.description, 3)
    image = responsiveImage(obj<Media>(d.image), null)
    period(d.startDate, d.endDate)
    if ('system' in d) owner(d.system)
    credits = await ownCredits(kind as 'rassegna' | 'festival' | 'campagna', d, locale)
    if (kind === 'campagna') {
      const c = d as Campaign
      const audiences = (c.audiences ?? []).map((a) => obj<Audience>(a)?.name).filter(Boolean)
      if (audiences.length) facts.push({ label: t.audience, value: audiences.join(', ') })
      if (c.website && /^https?:\/\//.test(c.website))
        facts.push({ label: t.website, value: c.website, href: c.website })
    }
  }

  const filters = { ...emptyFilters(), [kind]: [slug] }
  const [page, feedTruncated] = await Promise.all([
    findAgendaPage(filters, { limit: UPCOMING }, now),
    feedIsTruncated(filters, now),
  ])
  const cards: Card[] = await toCards(page.items, locale, now)
  const params = new URLSearchParams({ [kind]: slug })
  return {
    kind,
    slug,
    kindLabel,
    title,
    summary,
    descriptionHtml,
    image,
    facts,
    children,
    credits,
    cards,
    totalUpcoming: page.totalDocs,
    agendaHref: agendaPath(params, locale),
    feedPath: entityFeedPath(kind, slug),
    printPath: localePath(locale, programmePath(new URLSearchParams({ [kind]: slug }))),
    posterPath:
      kind === 'rassegna' ? localePath(locale, programmePath(new URLSearchParams({ [kind]: slug }), 'a3')) : null,
    feedTruncated,
    pathIt: entityPath(kind, slug, 'it'),
  }
}

export type EntityView = Awaited<ReturnType<typeof entityView>>
