import { Heading, Link, Text } from '@react-email/components'
import type { NoticeKind } from '../../collections/enums'
import { catalogue, type Locale, mailStrings } from '../../shared/strings'
import { Button } from '../_components/Button'
import { Layout } from '../_components/Layout'
import { styles } from '../_components/theme'

export type RegistrationNoticeProps = {
  language: Locale
  name: string
  kind: NoticeKind
  eventTitle: string
  /** What changed, in the reader's words: "Data e ora", before, after. */
  changes: { label: string; before: string; after: string }[]
  /** The date as it is now ("sabato 14 marzo 2026, 10:30–11:30"), or as it was when it is cancelled. */
  when: string
  place?: string | null
  /** "2 adulti, 1 bambino (3–5 anni)". */
  people: string
  eventUrl: string
  /** Absent when the date is cancelled: there is nothing left to cancel. */
  cancelUrl?: string | null
}

export const subject = (p: RegistrationNoticeProps) => {
  const t = catalogue(p.language).bookingNotices
  return `${t.subjects[p.kind] ?? t.subjects.status}: ${p.eventTitle}`
}

/** A booked date changed (time, place, status) or was cancelled: what changed, the date as it is now, the .ics. */
export const RegistrationNotice = (p: RegistrationNoticeProps) => {
  const t = catalogue(p.language).bookingNotices
  const heading = t.subjects[p.kind] ?? t.subjects.status
  const intro =
    p.kind === 'cancelled' ? t.intro.cancelled : p.kind === 'postponed' ? t.intro.postponed : t.intro.changed
  return (
    <Layout language={p.language} preview={`${heading}: ${p.eventTitle}`} footerNote={t.footer}>
      <Heading as="h1" style={styles.h1}>
        {heading}
      </Heading>
      <Text style={styles.text}>{mailStrings(p.language).hello(p.name)}</Text>
      <Text style={styles.text}>{intro}</Text>
      {p.changes.length ? (
        <>
          <Heading as="h2" style={styles.h2}>
            {t.whatChanged}
          </Heading>
          {p.changes.map((c) => (
            <Text key={c.label} style={styles.text}>
              <strong>{c.label}</strong>
              <br />
              {t.before}: {c.before}
              <br />
              {t.after}: {c.after}
            </Text>
          ))}
        </>
      ) : null}
      <Text style={styles.text}>
        <strong>{p.eventTitle}</strong>
        <br />
        {t.when}: {p.kind === 'cancelled' ? `${p.when} (${t.cancelledDate.toLowerCase()})` : p.when}
        {p.place && p.kind !== 'cancelled' ? (
          <>
            <br />
            {t.where}: {p.place}
          </>
        ) : null}
        <br />
        {t.who}: {p.people}
      </Text>
      <Text style={styles.small}>{t.calendarNote}</Text>
      {p.cancelUrl ? (
        <>
          <Button href={p.cancelUrl}>{t.cancel}</Button>
          <Text style={styles.small}>{t.cancelNote}</Text>
        </>
      ) : null}
      <Text style={styles.small}>
        <Link href={p.eventUrl} style={styles.link}>
          {t.details}
        </Link>
      </Text>
    </Layout>
  )
}

RegistrationNotice.PreviewProps = {
  language: 'it',
  name: 'Giulia Rossi',
  kind: 'moved',
  eventTitle: 'Nati per Leggere: letture per i più piccoli',
  changes: [
    { label: 'Data e ora', before: 'sabato 14 marzo 2026, 10:30–11:30', after: 'sabato 14 marzo 2026, 16:00–17:00' },
  ],
  when: 'sabato 14 marzo 2026, 16:00–17:00',
  place: 'Biblioteca civica di Dalmine',
  people: '1 adulto, 2 bambini (0–2 anni, 3–5 anni)',
  eventUrl: 'http://localhost:4321/eventi/nati-per-leggere',
  cancelUrl: 'http://localhost:4321/iscrizioni/annulla?t=anteprima',
} satisfies RegistrationNoticeProps

export default RegistrationNotice
