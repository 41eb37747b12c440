import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { toEmailEvent } from '../../cms/newsletter/campaigns/events'
import {
  confirmUrl,
  MANAGE_TTL_DAYS,
  manageUrl,
  PERSONAL,
  personalise,
  unsubscribeUrl,
} from '../../cms/newsletter/links'
import { verifyToken } from '../../cms/newsletter/tokens'

const SECRET = 'unit-test-secret'
const subscriber = (language: string | null) => ({ id: 7, tokenNonce: 'n0nce', language })

beforeEach(() => {
  process.env.SITE_URL = 'https://agenda.example.org'
})
afterEach(() => {
  delete process.env.SITE_URL
})

describe('links in newsletter mails lead to the pages in the subscriber’s language', () => {
  it('Italian subscribers (and those with no language) get the Italian pages', () => {
    for (const language of ['it', null]) {
      expect(manageUrl(SECRET, subscriber(language))).toMatch(
        /^https:\/\/agenda\.example\.org\/newsletter\/preferenze\?token=/,
      )
      expect(unsubscribeUrl(SECRET, subscriber(language))).toMatch(
        /^https:\/\/agenda\.example\.org\/newsletter\/disiscrizione\?token=/,
      )
    }
  })

  it('English subscribers get /en/newsletter/…, with the same working token', () => {
    const url = new URL(manageUrl(SECRET, subscriber('en')))
    expect(url.pathname).toBe('/en/newsletter/preferenze')
    expect(new URL(unsubscribeUrl(SECRET, subscriber('en'))).pathname).toBe('/en/newsletter/disiscrizione')
    const confirm = new URL(
      confirmUrl(SECRET, { id: 7, confirmNonce: 'c0nfirm', language: 'en' }, new Date('2026-11-25T10:00:00Z')),
    )
    expect(confirm.pathname).toBe('/en/newsletter/conferma')
    const token = verifyToken(SECRET, url.searchParams.get('token'), 'manage')
    expect(token).toMatchObject({ ok: true })
  })

  it('a shared digest body gets each recipient’s own links in their language', () => {
    const body = `<a href="${PERSONAL.manage}">prefs</a> <a href="${PERSONAL.unsubscribe}">stop</a>`
    const english = personalise(body, SECRET, subscriber('en'))
    expect(english).toContain('https://agenda.example.org/en/newsletter/preferenze?token=')
    expect(english).toContain('https://agenda.example.org/en/newsletter/disiscrizione?token=')
    expect(english).not.toContain('personal.invalid')
    expect(personalise(body, SECRET, subscriber('it'))).toContain(
      'https://agenda.example.org/newsletter/preferenze?token=',
    )
  })

  it('a placeholder inside an editor’s own link is left alone: no token travels to another site', () => {
    const harvest = [
      `<a href="https://raccolta.example/?u=${PERSONAL.manage}">premio</a>`,
      `<a href="https://raccolta.example/#${PERSONAL.unsubscribe}">x</a>`,
      `<a href="https://raccolta.example/${PERSONAL.manage}">x</a>`,
      `https://raccolta.example/r?u=${PERSONAL.manage}&amp;v=1`,
      `<a href="${PERSONAL.manage}x">x</a>`,
    ]
    for (const body of harvest) {
      const out = personalise(body, SECRET, subscriber('it'))
      expect(out, body).not.toContain('token=')
    }
    // The template's own links, in HTML and in the plain-text version, are still personal.
    const text = `Preferenze: ${PERSONAL.manage}\n[${PERSONAL.unsubscribe}]`
    expect(personalise(text, SECRET, subscriber('it')).match(/token=/g)).toHaveLength(2)
  })

  it('a manage link expires; an unsubscribe link keeps working', () => {
    const manage = verifyToken(SECRET, new URL(manageUrl(SECRET, subscriber('it'))).searchParams.get('token'), 'manage')
    expect(manage.ok && manage.expiresAt && manage.expiresAt.getTime() - Date.now()).toBeGreaterThan(
      (MANAGE_TTL_DAYS - 1) * 86_400_000,
    )
    const later = new Date(Date.now() + (MANAGE_TTL_DAYS + 1) * 86_400_000)
    const token = new URL(manageUrl(SECRET, subscriber('it'))).searchParams.get('token')
    expect(verifyToken(SECRET, token, 'manage', later)).toEqual({ ok: false, reason: 'expired' })
    const stop = new URL(unsubscribeUrl(SECRET, subscriber('it'))).searchParams.get('token')
    expect(verifyToken(SECRET, stop, 'unsubscribe', later)).toMatchObject({ ok: true, expiresAt: null })
  })

  it('events in an English mail link to the English event page; the calendar file is shared', () => {
    const item = {
      title: 'Letture',
      slug: 'letture-piccoli',
      start: new Date('2026-11-26T16:00:00Z'),
      end: new Date('2026-11-26T17:00:00Z'),
      allDay: false,
      status: null,
      summary: null,
      place: 'Biblioteca',
    } as unknown as Parameters<typeof toEmailEvent>[0]
    expect(toEmailEvent(item, 'en')).toMatchObject({
      url: 'https://agenda.example.org/en/eventi/letture-piccoli',
      icsUrl: 'https://agenda.example.org/eventi/letture-piccoli.ics',
    })
    expect(toEmailEvent(item, 'it').url).toBe('https://agenda.example.org/eventi/letture-piccoli')
  })
})
