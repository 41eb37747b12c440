import { catalogue, LOCALES, type Locale, type SiteStrings } from '../../shared/strings'

export type Strings = SiteStrings

/** The site's chrome in a locale (shared/strings: one catalogue per locale for site, mails and admin). */
export const strings = (locale: Locale): Strings => catalogue(locale).site

/** The locale of a request path: `/en` and `/en/…` are English, everything else Italian. */
export const localeOf = (pathname: string): Locale => (pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'it')

/** The `lang` attribute for CMS content (always Italian) inside a page of the given locale. */
export const contentLang = (locale: Locale): 'it' | undefined => (locale === 'it' ? undefined : 'it')

/**
 * The locale of a page under `pages/[...lang]/`: no prefix is Italian, `en` English. Any other prefix is no page
 * (null: the page answers 404, and Astro renders 404.astro as for an unknown path).
 */
export const pageLocale = (lang: string | undefined): Locale | null =>
  lang === undefined ? 'it' : lang !== 'it' && (LOCALES as readonly string[]).includes(lang) ? (lang as Locale) : null
