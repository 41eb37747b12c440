import { describe, expect, it } from 'vitest'
import type { Event, Media } from '../../cms/payload-types'
import { responsiveImage, thumbnail } from '../../site/lib/images'
import { ageRange, eventJsonLd, jsonForScript, priceAmount } from '../../site/lib/json-ld'
import { googleCalendarUrl, osmLink, outlookCalendarUrl, shareLinks } from '../../site/lib/links'
import { eventUid, eventUrl, localePath, mediaUrl, switchLocale } from '../../site/lib/urls'

const timed = {
  title: 'Laboratorio di fumetto',
  details: 'Dettagli',
  location: 'Biblioteca, Via Roma 1, Albino',
  start: '2026-12-05T09:30:00.000Z',
  end: '2026-12-05T11:00:00.000Z',
  allDay: false,
}
const allDay = { ...timed, start: '2026-12-04T23:00:00.000Z', end: '2026-12-05T23:00:00.000Z', allDay: true }

describe('add-to-calendar links', () => {
  it('Google Calendar gets UTC times, or exclusive dates for all-day events', () => {
    const url = new URL(googleCalendarUrl(timed))
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render')
    expect(url.searchParams.get('action')).toBe('TEMPLATE')
    expect(url.searchParams.get('text')).toBe('Laboratorio di fumetto')
    expect(url.searchParams.get('dates')).toBe('20261205T093000Z/20261205T110000Z')
    expect(url.searchParams.get('location')).toBe(timed.location)
    expect(new URL(googleCalendarUrl(allDay)).searchParams.get('dates')).toBe('20261205/20261206')
  })

  it('Outlook gets Rome times with offset, or all-day dates', () => {
    const url = new URL(outlookCalendarUrl(timed))
    expect(url.hostname).toBe('outlook.live.com')
    expect(url.searchParams.get('subject')).toBe('Laboratorio di fumetto')
    expect(url.searchParams.get('startdt')).toBe('2026-12-05T10:30:00+01:00')
    expect(url.searchParams.get('enddt')).toBe('2026-12-05T12:00:00+01:00')
    const day = new URL(outlookCalendarUrl(allDay))
    expect([day.searchParams.get('startdt'), day.searchParams.get('enddt'), day.searchParams.get('allday')]).toEqual([
      '2026-12-05',
      '2026-12-06',
      'true',
    ])
  })

  it('OpenStreetMap: a pin when coordinates exist, an address search otherwise', () => {
    expect(osmLink({ name: 'B', address: 'Via Roma 1', comune: 'Albino', lat: 45.76, lng: 9.8 })).toBe(
      'https://www.openstreetmap.org/?mlat=45.76&mlon=9.8#map=18/45.76/9.8',
    )
    const search = new URL(osmLink({ name: 'B', address: 'Via Roma 1', comune: 'Albino', lat: null, lng: null }))
    expect(search.searchParams.get('query')).toBe('Via Roma 1, Albino, BG, Italia')
  })

  it('share links carry the encoded address and title', () => {
    const links = shareLinks('https://agenda.example/eventi/a-b', 'Città & libri', 'it')
    expect(links.map((l) => l.label)).toEqual(['Email', 'WhatsApp', 'Telegram', 'Facebook', 'X'])
    expect(links[0]?.href).toBe(
      `mailto:?subject=${encodeURIComponent('Città & libri')}&body=${encodeURIComponent('Città & libri https://agenda.example/eventi/a-b')}`,
    )
    expect(new URL(links[3]?.href as string).searchParams.get('u')).toBe('https://agenda.example/eventi/a-b')
  })
})

const event = (over: Partial<Event> = {}): Event =>
  ({
    id: 7,
    title: 'Letture',
    summary: 'Per bambini',
    start: '2026-12-05T09:30:00.000Z',
    end: '2026-12-05T10:30:00.000Z',
    status: 'scheduled',
    free: true,
    booking: { mode: 'none' },
    languages: ['it'],
    ...over,
  }) as Event

const place = { name: 'Biblioteca di Albino', address: 'Via Roma 1', comune: 'Albino', lat: 45.7, lng: 9.79 }
const date = (status: string, over = {}) => ({
  start: '2026-12-05T09:30:00.000Z',
  end: '2026-12-05T10:30:00.000Z',
  allDay: false,
  status: status as 'scheduled',
  ageMin: 3,
  ageMax: 6,
  ...over,
})
const ld = (e: Event, d: ReturnType<typeof date> | null, online = false) =>
  eventJsonLd({
    event: online ? { ...e, onlineUrl: 'https://meet.example/x' } : e,
    date: d,
    place: online ? null : place,
    system: { id: 1, name: 'Sistema Bibliotecario Valle Seriana', slug: 'valle-seriana' } as never,
    url: 'https://agenda.example/eventi/letture',
    image: null,
  }) as Record<string, any>

describe('schema.org/Event JSON-LD', () => {
  it('maps each status to schema.org, per date', () => {
    expect(ld(event(), date('scheduled')).eventStatus).toBe('https://schema.org/EventScheduled')
    expect(ld(event(), date('cancelled')).eventStatus).toBe('https://schema.org/EventCancelled')
    expect(ld(event(), date('postponed')).eventStatus).toBe('https://schema.org/EventPostponed')
    expect(ld(event(), date('rescheduled')).eventStatus).toBe('https://schema.org/EventRescheduled')
    const full = ld(event(), date('full'))
    expect(full.eventStatus).toBe('https://schema.org/EventScheduled')
    expect(full.offers.availability).toBe('https://schema.org/SoldOut')
    const online = ld(event({ status: 'movedOnline' }), date('movedOnline'), true)
    expect(online.eventStatus).toBe('https://schema.org/EventMovedOnline')
    expect(online.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode')
    expect(online.location).toEqual({ '@type': 'VirtualLocation', url: 'https://meet.example/x' })
  })

  it('carries times with the Rome offset, the place, organizer, offers and age range', () => {
    const data = ld(event(), date('scheduled'))
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: 'Letture',
      startDate: '2026-12-05T10:30:00+01:00',
      endDate: '2026-12-05T11:30:00+01:00',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: {
        '@type': 'Place',
        name: 'Biblioteca di Albino',
        address: { streetAddress: 'Via Roma 1', addressLocality: 'Albino', addressRegion: 'BG', addressCountry: 'IT' },
        geo: { latitude: 45.7, longitude: 9.79 },
      },
      organizer: { '@type': 'Organization', name: 'Sistema Bibliotecario Valle Seriana' },
      offers: { price: '0', priceCurrency: 'EUR', availability: 'https://schema.org/InStock' },
      typicalAgeRange: '3-6',
      isAccessibleForFree: true,
    })
    expect(data.organizer.url).toMatch(/\/sistemi\/valle-seriana$/)
  })

  it('gives all-day events plain dates and paid events their price', () => {
    const data = ld(
      event({ allDay: true, free: false, price: '5 € / ridotto 3 €' }),
      date('scheduled', { start: '2026-12-04T23:00:00.000Z', end: '2026-12-06T23:00:00.000Z', allDay: true }),
    )
    expect([data.startDate, data.endDate]).toEqual(['2026-12-05', '2026-12-06'])
    expect(data.offers.price).toBe('5')
    expect(priceAmount('Biglietto 7,50 €')).toBe('7.50')
    expect(priceAmount('offerta libera')).toBeNull()
  })

  it('typicalAgeRange leaves out "every age"', () => {
    expect(ageRange(0, 120)).toBeNull()
    expect(ageRange(null, null)).toBeNull()
    expect(ageRange(18, 120)).toBe('18-')
    expect(ageRange(0, 3)).toBe('0-3')
  })

  it('cannot close its <script> element, whatever the content', () => {
    const out = jsonForScript({ name: '</script><script>alert(1)</script>' })
    expect(out).not.toContain('</script>')
    expect(JSON.parse(out).name).toBe('</script><script>alert(1)</script>')
  })
})

describe('URLs', () => {
  it('event URL and UID are the ones the feeds use', () => {
    expect(eventUrl('letture-in-biblioteca')).toBe(
      `${process.env.SITE_URL ?? 'http://localhost:4321'}/eventi/letture-in-biblioteca`,
    )
    expect(eventUid(42)).toMatch(/^42@[a-z0-9.-]+$/)
    expect(eventUid(42)).not.toContain(':')
  })

  it('switches between Italian and English paths', () => {
    expect(localePath('en', '/')).toBe('/en')
    expect(localePath('en', '/eventi')).toBe('/en/eventi')
    expect(switchLocale('/en/eventi/x', 'it')).toBe('/eventi/x')
    expect(switchLocale('/en', 'it')).toBe('/')
    expect(switchLocale('/eventi', 'en')).toBe('/en/eventi')
  })

  it('media files are served by the CMS', () => {
    expect(mediaUrl('/api/media/file/a.webp')).toMatch(/^https?:\/\/[^/]+\/api\/media\/file\/a\.webp$/)
    expect(mediaUrl('https://cdn.example/a.webp')).toBe('https://cdn.example/a.webp')
    expect(mediaUrl(null)).toBeNull()
  })
})

describe('responsive images', () => {
  const media = {
    id: 1,
    alt: 'Bambini che leggono',
    url: '/api/media/file/a.webp',
    width: 3000,
    height: 2000,
    sizes: {
      thumb: { url: '/api/media/file/a-400x300.webp', width: 400, height: 300 },
      card: { url: '/api/media/file/a-800x450.webp', width: 800, height: 450 },
      wide: { url: '/api/media/file/a-1600x1067.webp', width: 1600, height: 1067 },
      cardAvif: { url: '/api/media/file/a-800x450.avif', width: 800, height: 450 },
    },
  } as Media

  it('offers WebP and AVIF candidates with fixed dimensions (no layout shift)', () => {
    const image = responsiveImage(media, null)
    expect(image).toMatchObject({ width: 800, height: 450, alt: 'Bambini che leggono' })
    expect(image?.srcset).toMatch(/a-800x450\.webp 800w, .*a-1600x1067\.webp 1600w$/)
    expect(image?.avifSrcset).toMatch(/a-800x450\.avif 800w$/)
    expect(image?.src).toMatch(/^https?:\/\/.*a-800x450\.webp$/)
    expect(responsiveImage(media, 'Testo scelto dal redattore')?.alt).toBe('Testo scelto dal redattore')
    expect(thumbnail(media, '')).toMatchObject({ width: 400, height: 300, alt: '' })
  })

  it('no image, or an image without files, gives nothing to draw', () => {
    expect(responsiveImage(null, 'x')).toBeNull()
    expect(responsiveImage({ id: 2 } as Media, 'x')).toBeNull()
  })
})
