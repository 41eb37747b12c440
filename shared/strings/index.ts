import { en } from './en'
import { type Catalogue, it } from './it'

export type { Catalogue, Linked, LinkReason } from './it'

/** The languages of the site, the mails and the admin. Italian is the default and the fallback. */
export type Locale = 'it' | 'en'
export const LOCALES = ['it', 'en'] as const satisfies readonly Locale[]

const CATALOGUES: Record<Locale, Catalogue> = { it, en }

/** One locale's strings; an unknown value (an old stored language) gets the Italian ones. */
export const catalogue = (locale: Locale): Catalogue => CATALOGUES[locale] ?? it

export type SiteStrings = Catalogue['site']
export type NewsletterStrings = Catalogue['newsletter']
export type MailStrings = Catalogue['mail']

export const mailStrings = (locale: Locale): MailStrings => catalogue(locale).mail
export type AdminStrings = Catalogue['admin']

/** The admin components' strings for the admin's language (`i18n.language`); anything but English is Italian. */
export const adminStrings = (language?: string): AdminStrings => catalogue(language === 'en' ? 'en' : 'it').admin
