import { catalogue, type Locale } from '../../../shared/strings'

/** The admin's language as the catalogue's locale: anything but English is Italian. */
export const localeOf = (language?: string): Locale => (language === 'en' ? 'en' : 'it')

/** The desk's strings, and the registrations' shared ones (statuses, sources, age bands), in the admin's language. */
export const deskStrings = (language?: string) => {
  const c = catalogue(localeOf(language))
  return { ...c.bookingDesk, reg: c.registrations, eventStatuses: c.site.statusLabels as Record<string, string> }
}

export type DeskStrings = ReturnType<typeof deskStrings>
