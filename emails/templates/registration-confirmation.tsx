import { Heading, Link, Text } from '@react-email/components'
import { type Locale, mailStrings } from '../../shared/strings'
import { Button } from '../_components/Button'
import { Layout } from '../_components/Layout'
import { styles } from '../_components/theme'

export type RegistrationConfirmationProps = {
  language: Locale
  name: string
  status: 'confirmed' | 'waiting'
  eventTitle: string
  /** The date as the reader says it ("sabato 14 marzo 2026, 10:30"). */
  when: string
  place?: string | null
  /** "2 adulti, 1 bambino (3–5 anni)". */
  people: string
  eventUrl: string
  cancelUrl: string
}

const COPY = {
  it: {
    subject: (s: RegistrationConfirmationProps['status'], title: string) =>
      s === 'waiting' ? `Lista d’attesa: ${title}` : `Iscrizione confermata: ${title}`,
    confirmed: 'Iscrizione confermata',
    waiting: 'Sei in lista d’attesa',
    confirmedBody: 'Il tuo posto è prenotato. Ecco i dettagli:',
    waitingBody: 'I posti sono esauriti: la tua richiesta è in lista d’attesa. Ecco i dettagli:',
    when: 'Quando',
    where: 'Dove',
    who: 'Persone',
    cancel: 'Annulla l’iscrizione',
    cancelNote: 'Se non puoi venire, annulla: il posto passerà ad altre persone. Il link vale una sola volta.',
    details: 'Vedi l’evento sul sito',
    footer: 'Ricevi questa mail perché hai fatto un’iscrizione a un evento dell’Agenda delle biblioteche.',
  },
  en: {
    subject: (s: RegistrationConfirmationProps['status'], title: string) =>
      s === 'waiting' ? `Waiting list: ${title}` : `Registration confirmed: ${title}`,
    confirmed: 'Registration confirmed',
    waiting: 'You are on the waiting list',
    confirmedBody: 'Your place is booked. Here are the details:',
    waitingBody: 'The places are taken: your request is on the waiting list. Here are the details:',
    when: 'When',
    where: 'Where',
    who: 'People',
    cancel: 'Cancel the registration',
    cancelNote: 'If you cannot come, please cancel: the place will go to other people. The link works once.',
    details: 'See the event on the site',
    footer: 'You receive this mail because you registered for an event of the libraries’ Agenda.',
  },
} as const

export const subject = (p: RegistrationConfirmationProps) => COPY[p.language].subject(p.status, p.eventTitle)

export const RegistrationConfirmation = (p: RegistrationConfirmationProps) => {
  const c = COPY[p.language]
  const title = p.status === 'waiting' ? c.waiting : c.confirmed
  return (
    <Layout language={p.language} preview={`${title}: ${p.eventTitle}`} footerNote={c.footer}>
      <Heading as="h1" style={styles.h1}>
        {title}
      </Heading>
      <Text style={styles.text}>{mailStrings(p.language).hello(p.name)}</Text>
      <Text style={styles.text}>{p.status === 'waiting' ? c.waitingBody : c.confirmedBody}</Text>
      <Text style={styles.text}>
        <strong>{p.eventTitle}</strong>
        <br />
        {c.when}: {p.when}
        {p.place ? (
          <>
            <br />
            {c.where}: {p.place}
          </>
        ) : null}
        <br />
        {c.who}: {p.people}
      </Text>
      <Button href={p.cancelUrl}>{c.cancel}</Button>
      <Text style={styles.small}>{c.cancelNote}</Text>
      <Text style={styles.small}>
        <Link href={p.eventUrl} style={styles.link}>
          {c.details}
        </Link>
      </Text>
    </Layout>
  )
}

RegistrationConfirmation.PreviewProps = {
  language: 'it',
  name: 'Giulia Rossi',
  status: 'confirmed',
  eventTitle: 'Nati per Leggere: letture per i più piccoli',
  when: 'sabato 14 marzo 2026, 10:30',
  place: 'Biblioteca civica di Dalmine',
  people: '1 adulto, 2 bambini (0–2 anni, 3–5 anni)',
  eventUrl: 'http://localhost:4321/eventi/nati-per-leggere',
  cancelUrl: 'http://localhost:4321/iscrizioni/annulla?t=anteprima',
} satisfies RegistrationConfirmationProps

export default RegistrationConfirmation
