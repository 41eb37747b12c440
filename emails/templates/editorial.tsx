import { Heading, Link, Section, Text } from '@react-email/components'
import type { Locale } from '../../shared/strings'
import { type EmailEvent, EventList } from '../_components/EventList'
import { Layout } from '../_components/Layout'
import { RichText } from '../_components/RichText'
import { styles } from '../_components/theme'

export type EditorialSeries = { title: string; url: string; summary?: string | null }

export type EditorialProps = {
  language: Locale
  /** "Biblioteche Valle Seriana" */
  sender: string
  subject: string
  /** The Lexical document written in the admin. */
  intro: unknown
  events: (EmailEvent & { day: string })[]
  series: EditorialSeries[]
  manageUrl: string
  unsubscribeUrl: string
}

const COPY = {
  it: { events: 'Gli appuntamenti', series: 'Le rassegne' },
  en: { events: 'Events', series: 'Series' },
} as const

export const subject = (p: EditorialProps) => p.subject

/** An editorial newsletter of a system (or of the network), written in the admin. */
export const Editorial = (p: EditorialProps) => {
  const c = COPY[p.language]
  const days = p.events.reduce<{ label: string; events: EmailEvent[] }[]>((acc, e) => {
    const last = acc[acc.length - 1]
    if (last && last.label === e.day) last.events.push(e)
    else acc.push({ label: e.day, events: [e] })
    return acc
  }, [])
  return (
    <Layout
      language={p.language}
      preview={p.subject}
      sender={p.sender}
      manageUrl={p.manageUrl}
      unsubscribeUrl={p.unsubscribeUrl}
    >
      <Heading as="h1" style={styles.h1}>
        {p.subject}
      </Heading>
      <RichText value={p.intro} />
      {days.length ? (
        <Section>
          <Heading as="h2" style={styles.h2}>
            {c.events}
          </Heading>
          <EventList language={p.language} days={days} />
        </Section>
      ) : null}
      {p.series.length ? (
        <Section>
          <Heading as="h2" style={styles.h2}>
            {c.series}
          </Heading>
          {p.series.map((s) => (
            <Section key={s.url} style={{ margin: '0 0 12px' }}>
              <Heading as="h3" style={styles.h3}>
                <Link href={s.url} style={styles.link}>
                  {s.title}
                </Link>
              </Heading>
              {s.summary ? <Text style={styles.small}>{s.summary}</Text> : null}
            </Section>
          ))}
        </Section>
      ) : null}
    </Layout>
  )
}

Editorial.PreviewProps = {
  language: 'it',
  sender: 'Biblioteche Valle Seriana',
  subject: 'Dicembre in biblioteca: letture, laboratori e la Settimana Nati per Leggere',
  intro: {
    root: {
      children: [
        { type: 'paragraph', children: [{ type: 'text', text: 'Care famiglie, ecco le proposte di dicembre.' }] },
        {
          type: 'list',
          listType: 'bullet',
          children: [
            { type: 'listitem', children: [{ type: 'text', text: 'letture per i più piccoli', format: 1 }] },
            { type: 'listitem', children: [{ type: 'text', text: 'laboratori creativi' }] },
          ],
        },
      ],
    },
  },
  events: [
    {
      day: 'Sabato 5 dicembre',
      title: 'Storie sotto l’albero',
      time: '10:30–11:30',
      place: 'Biblioteca comunale di Albino',
      url: 'http://localhost:4321/eventi/storie-sotto-albero',
      icsUrl: 'http://localhost:4321/eventi/storie-sotto-albero.ics',
    },
  ],
  series: [{ title: 'Leggere in Valle', url: 'http://localhost:4321/rassegne/leggere-in-valle' }],
  manageUrl: 'http://localhost:4321/newsletter/preferenze?token=anteprima',
  unsubscribeUrl: 'http://localhost:4321/newsletter/disiscrizione?token=anteprima',
} satisfies EditorialProps

export default Editorial
