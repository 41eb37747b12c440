import { Heading, Link, Text } from '@react-email/components'
import type { Locale } from '../../shared/strings'
import { type EmailDay, EventList } from '../_components/EventList'
import { Layout } from '../_components/Layout'
import { styles } from '../_components/theme'

export type DigestProps = {
  language: Locale
  /** "26 novembre – 5 dicembre" */
  rangeLabel: string
  days: EmailDay[]
  /** The agenda with the subscriber's filters, when they translate into agenda parameters. */
  moreUrl: string
  manageUrl: string
  unsubscribeUrl: string
}

const COPY = {
  it: {
    subject: (range: string) => `In biblioteca dal ${range}`,
    title: 'I tuoi appuntamenti in biblioteca',
    intro: (range: string, n: number) =>
      `${n === 1 ? 'Un appuntamento scelto' : `${n} appuntamenti scelti`} per te dal ${range}, secondo le tue preferenze.`,
    more: 'Vedi tutti gli eventi sul sito',
  },
  en: {
    subject: (range: string) => `At the library: ${range}`,
    title: 'Your library events',
    intro: (range: string, n: number) =>
      `${n} ${n === 1 ? 'event' : 'events'} chosen for you, ${range}, by your preferences.`,
    more: 'See all events on the website',
  },
} as const

export const subject = (p: DigestProps) => COPY[p.language].subject(p.rangeLabel)

/** The weekly digest. One body per preference set: nothing personal but the two footer links. */
export const Digest = ({ language, rangeLabel, days, moreUrl, manageUrl, unsubscribeUrl }: DigestProps) => {
  const c = COPY[language]
  const count = days.reduce((n, d) => n + d.events.length, 0)
  return (
    <Layout
      language={language}
      preview={c.intro(rangeLabel, count)}
      manageUrl={manageUrl}
      unsubscribeUrl={unsubscribeUrl}
    >
      <Heading as="h1" style={styles.h1}>
        {c.title}
      </Heading>
      <Text style={styles.text}>{c.intro(rangeLabel, count)}</Text>
      <EventList language={language} days={days} />
      <Text style={styles.text}>
        <Link href={moreUrl} style={styles.link}>
          {c.more}
        </Link>
      </Text>
    </Layout>
  )
}

Digest.PreviewProps = {
  language: 'it',
  rangeLabel: '26 novembre al 5 dicembre',
  days: [
    {
      label: 'Sabato 28 novembre',
      events: [
        {
          title: 'Nati per Leggere: storie per i più piccoli',
          time: '10:30–11:30',
          place: 'Biblioteca comunale di Albino',
          url: 'http://localhost:4321/eventi/nati-per-leggere-albino',
          icsUrl: 'http://localhost:4321/eventi/nati-per-leggere-albino.ics',
          summary: 'Letture ad alta voce per bambini da 0 a 6 anni con i loro genitori.',
        },
      ],
    },
    {
      label: 'Martedì 1 dicembre',
      events: [
        {
          title: 'Laboratorio di fumetto',
          time: '16:30–18:00',
          place: 'Biblioteca comunale di Nembro',
          url: 'http://localhost:4321/eventi/laboratorio-fumetto',
          icsUrl: 'http://localhost:4321/eventi/laboratorio-fumetto.ics',
          status: 'full',
        },
      ],
    },
  ],
  moreUrl: 'http://localhost:4321/eventi?sistema=valle-seriana',
  manageUrl: 'http://localhost:4321/newsletter/preferenze?token=anteprima',
  unsubscribeUrl: 'http://localhost:4321/newsletter/disiscrizione?token=anteprima',
} satisfies DigestProps

export default Digest
