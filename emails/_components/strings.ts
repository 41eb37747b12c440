/** Interface strings of the mails. Italian first; English for subscribers who chose it. */
export type Language = 'it' | 'en'

export const STRINGS = {
  it: {
    network: 'Rete Bibliotecaria Bergamasca',
    agenda: 'Agenda delle biblioteche',
    managePreferences: 'Cambia le tue preferenze',
    unsubscribe: 'Annulla l’iscrizione',
    whyFooter:
      'Ricevi questa mail perché ti sei iscritto alla newsletter dell’Agenda della Rete Bibliotecaria Bergamasca.',
    addToCalendar: 'Aggiungi al calendario',
    details: 'Dettagli',
    allEvents: 'Vedi tutti gli eventi sul sito',
    hello: (name?: string | null) => (name ? `Ciao ${name},` : 'Ciao,'),
  },
  en: {
    network: 'Bergamo Library Network',
    agenda: 'Library events',
    managePreferences: 'Change your preferences',
    unsubscribe: 'Unsubscribe',
    whyFooter: 'You receive this email because you subscribed to the Bergamo Library Network events newsletter.',
    addToCalendar: 'Add to calendar',
    details: 'Details',
    allEvents: 'See all events on the website',
    hello: (name?: string | null) => (name ? `Hello ${name},` : 'Hello,'),
  },
} as const

export const t = (language: Language) => STRINGS[language] ?? STRINGS.it

export const STATUS_NOTE: Record<Language, Record<string, string>> = {
  it: { full: 'Posti esauriti', rescheduled: 'Nuova data', movedOnline: 'Si svolge online' },
  en: { full: 'Fully booked', rescheduled: 'New date', movedOnline: 'Takes place online' },
}
