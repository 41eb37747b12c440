// Partner organisations (issue 16): who writes them, what the public reads of them, which partner an event may
// name as its organiser, and that a partner still organising an event cannot be deleted.
import type { APIContext } from 'astro'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Event } from '../../cms/payload-types'
import { SLUGS } from '../../collections/slugs'
import { entityView, findEntity } from '../../site/lib/entities'
import { eventView, findEventBySlug } from '../../site/lib/events'
import { clearFeedCache } from '../../site/lib/ical/http'
import { forgetDataVersion } from '../../site/lib/ical/version'
import { sitemapPages } from '../../site/lib/sitemap'
import { eventUid } from '../../site/lib/urls'
import { GET as eventsJson } from '../../site/pages/eventi.json'
import { GET as partnerFeed } from '../../site/pages/organizzatori/[slug]/calendario.ics'
import { buildNetwork, client, countAll, eventData, fixtureEvent, type Network, stored } from '../helpers/network'
import { getPayload, type Payload, rest } from '../helpers/payload'

let payload: Payload
let net: Network

type Id = number
const DALMINE = '016091'
const ALBINO = '016004'

const partner = async (name: string, systems: Id[], extra: Record<string, unknown> = {}): Promise<Id> =>
  (
    await payload.create({
      collection: SLUGS.partners,
      data: { name, kind: 'associazione', comune: DALMINE, systems, ...extra } as never,
      overrideAccess: true,
    })
  ).id

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
})
afterAll(async () => payload.destroy())

describe('who writes partners', () => {
  it('a system editor creates partners of their own system, also shared with another; one without their system is refused and nothing is written', async () => {
    const token = await net.token('editorA')
    const own = await rest('POST', '/partners?depth=0', {
      token,
      body: { name: 'Associazione Genitori di Dalmine', kind: 'associazione', comune: DALMINE },
    })
    expect(own.status).toBe(201)
    expect(own.json.doc.systems).toEqual([net.systems.a])
    expect(own.json.doc.slug).toBe('associazione-genitori-di-dalmine')
    const shared = await rest('POST', '/partners?depth=0', {
      token,
      body: { name: 'Teatro condiviso', kind: 'teatro', comune: DALMINE, systems: [net.systems.a, net.systems.b] },
    })
    expect(shared.status).toBe(201)
    const name = 'Teatro di un altro sistema'
    const other = await rest('POST', '/partners?depth=0', {
      token,
      body: { name, kind: 'teatro', comune: ALBINO, systems: [net.systems.b] },
    })
    expect(other.status).toBe(403)
    expect(await countAll(payload, SLUGS.partners, { name: { equals: name } })).toBe(0)
  })

  it('a librarian of another system cannot edit or delete this partner, and nothing was written', async () => {
    const id = await partner('Pro Loco di Albino', [net.systems.b], { comune: ALBINO })
    const before = await stored(payload, SLUGS.partners, id)
    for (const via of ['rest', 'local'] as const) {
      const editorA = client(payload, net, via, 'editorA')
      expect((await editorA.update(SLUGS.partners, id, { name: 'Rinominata' })).status, via).toBe(403)
      expect((await editorA.delete(SLUGS.partners, id)).status, via).toBe(403)
    }
    expect(await stored(payload, SLUGS.partners, id)).toEqual(before)
  })

  it('an editor edits a partner of their system but cannot take their own system off it', async () => {
    const id = await partner('Biblioteca dei ragazzi APS', [net.systems.a, net.systems.b])
    const editorA = client(payload, net, 'rest', 'editorA')
    expect((await editorA.update(SLUGS.partners, id, { summary: 'Letture in famiglia.' })).status).toBe(200)
    expect((await editorA.update(SLUGS.partners, id, { systems: [net.systems.b] })).status).toBe(403)
    const after = await stored(payload, SLUGS.partners, id)
    expect(after.summary).toBe('Letture in famiglia.')
    expect(after.systems).toEqual([net.systems.a, net.systems.b])
  })

  it('network staff write every partner; library contributors and the public write none', async () => {
    const id = await partner('Museo della Valle', [net.systems.b], { kind: 'museo', comune: ALBINO })
    for (const who of ['admin', 'networkEditor'] as const) {
      const res = await client(payload, net, 'rest', who).update(SLUGS.partners, id, { summary: `da ${who}` })
      expect(res.status, who).toBe(200)
    }
    for (const who of ['contributorA1', 'public'] as const) {
      const c = client(payload, net, 'rest', who)
      const name = `Tentativo di ${who}`
      expect(
        (await c.create(SLUGS.partners, { name, kind: 'altro', comune: DALMINE, systems: [net.systems.a] })).status,
      ).toBe(403)
      expect((await c.update(SLUGS.partners, id, { name })).status, who).toBe(403)
      expect(await countAll(payload, SLUGS.partners, { name: { equals: name } }), who).toBe(0)
    }
  })

  it('anyone reads a partner’s public fields; the internal note only staff', async () => {
    const id = await partner('Parrocchia San Giuseppe', [net.systems.a], {
      kind: 'parrocchia',
      website: 'https://parrocchia.example.org',
      email: 'oratorio@parrocchia.example.org',
      note: 'Referente: don Mario, 333 0000000',
    })
    const pub = await rest('GET', `/partners/${id}`)
    expect(pub.status).toBe(200)
    expect(pub.json).toMatchObject({ name: 'Parrocchia San Giuseppe', website: 'https://parrocchia.example.org' })
    expect(pub.json.email).toBe('oratorio@parrocchia.example.org')
    expect(pub.json.note).toBeUndefined()
    expect(JSON.stringify((await rest('GET', `/partners?where[id][equals]=${id}`)).json)).not.toContain('don Mario')
    const staff = await rest('GET', `/partners/${id}`, { token: await net.token('contributorA1') })
    expect(staff.json.note).toBe('Referente: don Mario, 333 0000000')
  })

  it('a website must be a web address: anything else is a field error in Italian', async () => {
    const res = await client(payload, net, 'rest', 'editorA').create(SLUGS.partners, {
      name: 'Associazione con link',
      kind: 'associazione',
      comune: DALMINE,
      website: 'javascript:alert(1)',
    })
    expect(res.status).toBe(400)
    expect(res.errors).toContainEqual(
      expect.objectContaining({ path: 'website', message: expect.stringMatching(/https/) }),
    )
  })
})

describe('the organiser of an event', () => {
  it('a system editor may name a partner their system works with; another system’s partner is a field error in Italian and nothing is written', async () => {
    const ownPartner = await partner('Associazione Genitori Dalmine', [net.systems.a])
    const sharedPartner = await partner('Teatro di tutti', [net.systems.b, net.systems.a], { kind: 'teatro' })
    const otherPartner = await partner('Associazione di Albino', [net.systems.b], { comune: ALBINO })
    for (const via of ['rest', 'local'] as const) {
      const editorA = client(payload, net, via, 'editorA')
      for (const organiser of [ownPartner, sharedPartner]) {
        const ok = await editorA.create(SLUGS.events, eventData(net, { title: `Con ${organiser} ${via}`, organiser }))
        expect(ok.status, via).toBe(201)
        expect(ok.doc.organiser, via).toBe(organiser)
      }
      const title = `Organizzato da un altro sistema ${via}`
      const refused = await editorA.create(SLUGS.events, eventData(net, { title, organiser: otherPartner }))
      expect(refused.status, via).toBe(400)
      expect(refused.errors, via).toContainEqual(
        expect.objectContaining({
          path: 'organiser',
          message: 'Questa organizzazione non collabora con il sistema bibliotecario dell’evento.',
        }),
      )
      expect(await countAll(payload, SLUGS.events, { title: { equals: title } }), via).toBe(0)
    }
  })

  it('an existing event cannot be given another system’s partner either', async () => {
    const otherPartner = await partner('Coro di Albino', [net.systems.b], { comune: ALBINO })
    const event = await fixtureEvent(payload, net)
    const res = await client(payload, net, 'rest', 'editorA').update(SLUGS.events, event.id, {
      organiser: otherPartner,
    })
    expect(res.status).toBe(400)
    expect(res.errors.map((e) => e.path)).toContain('organiser')
    expect((await stored(payload, SLUGS.events, event.id)).organiser ?? null).toBeNull()
  })

  it('the published event’s dates carry its organiser', async () => {
    const id = await partner('Teatro Civico APS', [net.systems.a], { kind: 'teatro' })
    const event = await fixtureEvent(payload, net, { organiser: id })
    const { docs } = await payload.find({
      collection: SLUGS.occurrences,
      where: { event: { equals: event.id } },
      depth: 0,
      overrideAccess: true,
    })
    expect(docs.map((d) => d.organiser)).toEqual([id])
  })
})

describe('deleting a partner', () => {
  it('a partner that organises an event cannot be deleted (Italian message); once unused it can', async () => {
    const id = await partner('Associazione da eliminare', [net.systems.a])
    const event = await fixtureEvent(payload, net, { organiser: id })
    const editorA = client(payload, net, 'rest', 'editorA')
    const refused = await editorA.delete(SLUGS.partners, id)
    expect(refused.status).toBe(400)
    expect(refused.message).toBe('Non si può eliminare: è l’organizzatore di un evento. Toglilo prima da lì.')
    expect(await countAll(payload, SLUGS.partners, { id: { equals: id } })).toBe(1)
    await payload.update({ collection: SLUGS.events, id: event.id, data: { organiser: null }, overrideAccess: true })
    expect((await editorA.delete(SLUGS.partners, id)).status).toBe(200)
    expect(await countAll(payload, SLUGS.partners, { id: { equals: id } })).toBe(0)
  })
})

describe('the organiser on the event page', () => {
  it('the page says who organises it, linked to the partner’s page in both languages, and JSON-LD names the partner as organizer', async () => {
    const id = await partner('Teatro Sociale APS', [net.systems.a], {
      kind: 'teatro',
      website: 'https://teatro-sociale.example.org',
    })
    const event = await fixtureEvent(payload, net, { title: 'Letture sceniche', organiser: id })
    const found = (await findEventBySlug(event.slug as string)) as Event
    const it = await eventView(found, 'it')
    expect(it.organiser).toEqual({ name: 'Teatro Sociale APS', href: '/organizzatori/teatro-sociale-aps' })
    expect((await eventView(found, 'en')).organiser?.href).toBe('/en/organizzatori/teatro-sociale-aps')
    expect(it.jsonLd.organizer).toEqual({
      '@type': 'Organization',
      name: 'Teatro Sociale APS',
      url: expect.stringMatching(/^https?:\/\/[^/]+\/organizzatori\/teatro-sociale-aps$/),
      sameAs: 'https://teatro-sociale.example.org',
    })
  })

  it('without an organiser the page names none and JSON-LD’s organizer stays the library system', async () => {
    const event = await fixtureEvent(payload, net, { title: 'Letture senza partner' })
    const view = await eventView((await findEventBySlug(event.slug as string)) as Event, 'it')
    expect(view.organiser).toBeNull()
    expect(view.jsonLd.organizer).toEqual({
      '@type': 'Organization',
      name: 'Sistema Bibliotecario Area di Dalmine',
      url: expect.stringMatching(/\/sistemi\/area-di-dalmine$/),
    })
  })
})

/** A GET through an endpoint exactly as Astro calls it. */
const get = (
  route: (c: APIContext) => Response | Promise<Response>,
  path: string,
  params: Record<string, string> = {},
) =>
  route({
    request: new Request(`http://localhost:4321${path}`),
    params,
    url: new URL(`http://localhost:4321${path}`),
  } as unknown as APIContext)

describe('a partner’s agenda, page and feed', () => {
  it('the organizzatore filter, the partner’s page and its feed hold exactly its published events', async () => {
    const id = await partner('Compagnia delle Storie', [net.systems.a, net.systems.b], {
      kind: 'teatro',
      summary: 'Teatro per ragazzi.',
      website: 'https://compagnia-storie.example.org',
    })
    const other = await partner('Altra Compagnia', [net.systems.a])
    const ours = [
      await fixtureEvent(payload, net, { title: 'Storie in scena', organiser: id }),
      await fixtureEvent(payload, net, {
        title: 'Storie in valle',
        organiser: id,
        system: net.systems.b,
        library: net.libraries.b1,
      }),
    ]
    await fixtureEvent(payload, net, { title: 'Bozza della compagnia', organiser: id, _status: 'draft' })
    await fixtureEvent(payload, net, { title: 'Di un’altra compagnia', organiser: other })
    await fixtureEvent(payload, net, { title: 'Senza organizzatore' })
    const expected = ours.map((e) => e.slug).sort()

    const json = await get(eventsJson, '/eventi.json?organizzatore=compagnia-delle-storie')
    expect(json.status).toBe(200)
    const body = (await json.json()) as { items: { slug: string }[] }
    expect(body.items.map((i) => i.slug).sort()).toEqual(expected)

    const doc = await findEntity('organizzatore', 'compagnia-delle-storie')
    const view = await entityView('organizzatore', doc as never, 'it')
    expect(view.title).toBe('Compagnia delle Storie')
    expect(view.kindLabel).toBe('Teatro')
    expect(view.summary).toBe('Teatro per ragazzi.')
    expect(view.facts).toContainEqual({
      label: 'Sito web',
      value: 'https://compagnia-storie.example.org',
      href: 'https://compagnia-storie.example.org',
    })
    expect(view.facts.filter((f) => f.label === 'Sistema bibliotecario').map((f) => f.value)).toEqual([
      'Sistema Bibliotecario Area di Dalmine',
      'Sistema Bibliotecario Valle Seriana',
    ])
    expect(view.cards.map((c) => c.title).sort()).toEqual(['Storie in scena', 'Storie in valle'])
    expect(view.feedPath).toBe('/organizzatori/compagnia-delle-storie/calendario.ics')
    expect(view.agendaHref).toBe('/eventi?organizzatore=compagnia-delle-storie')
    expect((await entityView('organizzatore', doc as never, 'en')).kindLabel).toBe('Theatre')

    clearFeedCache()
    forgetDataVersion()
    const feed = await get(partnerFeed, '/organizzatori/compagnia-delle-storie/calendario.ics', {
      slug: 'compagnia-delle-storie',
    })
    expect(feed.status).toBe(200)
    const ics = await feed.text()
    const uids = [...ics.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]?.trim()).sort()
    expect(uids).toEqual(ours.map((e) => eventUid(e.id)).sort())
    expect(ics).toContain('Compagnia delle Storie')
  })

  it('a renamed partner’s feed is rebuilt with the new name at the next version check', async () => {
    const id = await partner('Gruppo Lettori Serali', [net.systems.a])
    await fixtureEvent(payload, net, { title: 'Letture serali', organiser: id })
    const slug = 'gruppo-lettori-serali'
    const calendarName = async () => {
      const res = await get(partnerFeed, `/organizzatori/${slug}/calendario.ics`, { slug })
      expect(res.status).toBe(200)
      return /^X-WR-CALNAME:(.+)$/m.exec(await res.text())?.[1]?.trim()
    }
    clearFeedCache()
    expect(await calendarName()).toContain('Gruppo Lettori Serali')
    await payload.update({
      collection: SLUGS.partners,
      id,
      data: { name: 'Circolo dei Lettori' },
      overrideAccess: true,
    })
    forgetDataVersion() // as if VERSION_CHECK_MS had passed; the built feed stays until the data version moves
    expect(await calendarName()).toContain('Circolo dei Lettori')
  })

  it('an unknown partner is a 404 with an Italian message, for the agenda’s JSON and for the feed', async () => {
    const json = await get(eventsJson, '/eventi.json?organizzatore=nessuno-cosi')
    expect(json.status).toBe(404)
    expect(((await json.json()) as { error: string }).error).toMatch(/Nessun elemento/)
    expect(await findEntity('organizzatore', 'nessuno-cosi')).toBeNull()
    const feed = await get(partnerFeed, '/organizzatori/nessuno-cosi/calendario.ics', { slug: 'nessuno-cosi' })
    expect(feed.status).toBe(404)
  })

  it('every partner’s page and the partners’ index are in the sitemap', async () => {
    await partner('Scuola dell’infanzia Arcobaleno', [net.systems.a], { kind: 'scuola' })
    const xml = await sitemapPages()
    expect(xml).toMatch(/<loc>[^<]*\/organizzatori\/scuola-dell-infanzia-arcobaleno<\/loc>/)
    expect(xml).toMatch(/<loc>[^<]*\/organizzatori<\/loc>/)
  })
})

describe('a partner’s account', () => {
  const draftOf = (title: string, extra: Record<string, unknown> = {}) =>
    eventData(net, { title, organiser: net.partner, _status: 'draft', ...extra })

  it('proposes a draft of an event its organisation organises; nothing of it reaches the site', async () => {
    for (const via of ['rest', 'local'] as const) {
      const title = `Proposta del partner ${via}`
      const res = await client(payload, net, via, 'partnerA').create(SLUGS.events, draftOf(title), { draft: true })
      expect(res.status, via).toBe(201)
      const saved = await stored(payload, SLUGS.events, res.doc.id, true)
      expect(saved._status, via).toBe('draft')
      expect(saved.organiser, via).toBe(net.partner)
      expect(await countAll(payload, SLUGS.occurrences, { event: { equals: res.doc.id } }), via).toBe(0)
    }
  })

  it('an event created without naming its organiser gets the partner’s own (the admin’s empty form)', async () => {
    const title = 'Proposta senza organizzatore'
    const data = eventData(net, { title, _status: 'draft' }) as Record<string, unknown>
    delete data.organiser
    const res = await client(payload, net, 'rest', 'partnerA').create(SLUGS.events, data, { draft: true })
    expect(res.status).toBe(201)
    expect((await stored(payload, SLUGS.events, res.doc.id, true)).organiser).toBe(net.partner)
  })

  it('never publishes: a published create or a publish of its draft is refused and nothing is written', async () => {
    const partnerA = client(payload, net, 'rest', 'partnerA')
    const title = 'Pubblicata dal partner'
    const refused = await partnerA.create(SLUGS.events, draftOf(title, { _status: 'published' }))
    expect(refused.status).toBe(403)
    expect(await countAll(payload, SLUGS.events, { title: { equals: title } })).toBe(0)
    const draft = await fixtureEvent(payload, net, {
      title: 'Bozza da pubblicare',
      organiser: net.partner,
      _status: 'draft',
    })
    const publish = await partnerA.update(SLUGS.events, draft.id, { _status: 'published' })
    expect(publish.status).toBe(403)
    expect((await stored(payload, SLUGS.events, draft.id, true))._status).toBe('draft')
  })

  it('edits its own drafts; an edit of its published event stays a draft until the system publishes it', async () => {
    const partnerA = client(payload, net, 'rest', 'partnerA')
    const draft = await fixtureEvent(payload, net, {
      title: 'Bozza del partner',
      organiser: net.partner,
      _status: 'draft',
    })
    expect((await partnerA.update(SLUGS.events, draft.id, { summary: 'Nuovo testo' })).status).toBe(200)
    expect((await stored(payload, SLUGS.events, draft.id, true)).summary).toBe('Nuovo testo')
    const published = await fixtureEvent(payload, net, { title: 'Pubblicato del partner', organiser: net.partner })
    expect((await partnerA.update(SLUGS.events, published.id, { summary: 'Modifica proposta' })).status).toBe(200)
    expect((await stored(payload, SLUGS.events, published.id)).summary).toBe('Storie per bambini.')
    expect((await stored(payload, SLUGS.events, published.id, true)).summary).toBe('Modifica proposta')
  })

  it('cannot propose or edit events of another organiser, nor see anyone else’s drafts or staff-only events', async () => {
    const other = await partner('Altra associazione', [net.systems.a])
    const partnerA = client(payload, net, 'rest', 'partnerA')
    for (const organiser of [other, null]) {
      const title = `Evento di altri ${organiser}`
      const res = await partnerA.create(SLUGS.events, draftOf(title, { organiser }), { draft: true })
      expect(res.status, String(organiser)).toBe(403)
      expect(await countAll(payload, SLUGS.events, { title: { equals: title } })).toBe(0)
    }
    const systemDraft = await fixtureEvent(payload, net, { title: 'Bozza del sistema', _status: 'draft' })
    const otherDraft = await fixtureEvent(payload, net, { title: 'Bozza di altri', organiser: other, _status: 'draft' })
    const internal = await fixtureEvent(payload, net, { title: 'Formazione interna', staffOnly: true })
    const systemEvent = await fixtureEvent(payload, net, { title: 'Evento del sistema' })
    for (const id of [systemDraft.id, otherDraft.id, internal.id]) {
      expect((await partnerA.findByID(SLUGS.events, id, { draft: true })).status, String(id)).toBe(404)
      const { docs } = await partnerA.find(SLUGS.events, { draft: true, where: { id: { equals: id } } })
      expect(docs, String(id)).toEqual([])
    }
    const before = await stored(payload, SLUGS.events, systemEvent.id, true)
    expect((await partnerA.update(SLUGS.events, systemEvent.id, { summary: 'Intrusione' })).status).toBe(403)
    expect(await stored(payload, SLUGS.events, systemEvent.id, true)).toEqual(before)
  })

  it('is not staff: it reads no internal note', async () => {
    await payload.update({
      collection: SLUGS.partners,
      id: net.partner,
      data: { note: 'Referente interna' },
      overrideAccess: true,
    })
    const res = await client(payload, net, 'rest', 'partnerA').findByID(SLUGS.partners, net.partner)
    expect(res.status).toBe(200)
    expect(res.doc.note).toBeUndefined()
  })

  it('an account with the partner role needs its organisation (field error in Italian)', async () => {
    const res = await client(payload, net, 'rest', 'admin').create(SLUGS.users, {
      email: 'partner-senza-organizzazione@test.example.org',
      password: 'Partner-Password-2026',
      roles: ['partner'],
    })
    expect(res.status).toBe(400)
    expect(res.errors).toContainEqual(
      expect.objectContaining({ path: 'partner', message: 'Indica l’organizzazione partner di questo account.' }),
    )
  })
})

describe('a partner’s account in the admin', () => {
  it('opens its dashboard on its own drafts and sees nothing of the systems’ work there', async () => {
    const { librarianDay } = await import('../../cms/dashboard')
    await fixtureEvent(payload, net, { title: 'Bozza in revisione del sistema', _status: 'draft', review: 'requested' })
    const own = await fixtureEvent(payload, net, {
      title: 'Bozza della nostra associazione',
      organiser: net.partner,
      _status: 'draft',
    })
    const day = await librarianDay(payload, net.as('partnerA') as never)
    expect(day.scope).toEqual({ kind: 'partner', name: 'Associazione Genitori Dalmine' })
    expect(day.toReview).toEqual([])
    expect(day.drafts.map((e) => e.id)).toContain(own.id)
    expect(day.drafts.map((e) => e.title)).not.toContain('Bozza in revisione del sistema')
    expect(day.newsletter).toBeNull()
    expect(day.canWriteNewsletters).toBe(false)
  })
})

describe('following a partner', () => {
  it('a visitor asks to follow a partner’s page by its slug; an unknown partner is refused', async () => {
    const { requestFollow } = await import('../../cms/follow')
    await partner('Museo del Giocattolo', [net.systems.a], { kind: 'museo' })
    const request = (slug: string) =>
      requestFollow(payload, {
        email: 'famiglia.rossi@example.org',
        kind: 'partners',
        slug,
        language: 'it',
        formUrl: 'http://localhost:4321/organizzatori/museo-del-giocattolo',
        ip: '192.0.2.10',
      })
    expect(await request('museo-del-giocattolo')).toBe('requested')
    const { docs } = await payload.find({
      collection: SLUGS.follows,
      where: { kind: { equals: 'partners' } },
      depth: 0,
      overrideAccess: true,
    })
    expect(docs.map((d) => [d.title, d.state])).toEqual([['Museo del Giocattolo', 'pending']])
    expect(await request('nessuno-cosi')).toBe('unknown-target')
  })
})
