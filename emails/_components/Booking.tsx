import { Img, Link, Section, Text } from '@react-email/components'
import { catalogue, type Locale } from '../../shared/strings'
import { styles } from './theme'

/** What every mail about a booking shows: the event, its date, place and people (never the answer given). */
export type BookingMailProps = {
  language: Locale
  name: string
  eventTitle: string
  /** The date as the reader says it ("sabato 14 marzo 2026, 10:30"). */
  when: string
  place?: string | null
  /** "2 adulti, 1 bambino (3–5 anni)". */
  people: string
  eventUrl: string
  /** "Le mie prenotazioni" of the address (every booking mail carries it). */
  manageUrl: string
}

const strings = (language: Locale) => catalogue(language).bookingManage.mail

export const BookingDetails = ({ language, eventTitle, when, place, people }: BookingMailProps) => {
  const s = strings(language)
  return (
    <Text style={styles.text}>
      <strong>{eventTitle}</strong>
      <br />
      {s.when}: {when}
      {place ? (
        <>
          <br />
          {s.where}: {place}
        </>
      ) : null}
      <br />
      {s.who}: {people}
    </Text>
  )
}

/** The check-in QR code (an inline image attached by content id), with what it is for in words. */
export const CheckInCode = ({ language, src }: { language: Locale; src: string }) => {
  const s = strings(language)
  return (
    <Section style={{ margin: '8px 0 16px' }}>
      <Img src={src} alt={s.qrAlt} width="200" height="200" style={{ display: 'block', border: 0 }} />
      <Text style={styles.small}>{s.qrNote}</Text>
    </Section>
  )
}

/** The booking's own page (change or cancel), "Le mie prenotazioni" and the event page. */
export const BookingLinks = ({
  language,
  bookingUrl,
  manageUrl,
  eventUrl,
}: {
  language: Locale
  bookingUrl?: string | null
  manageUrl: string
  eventUrl: string
}) => {
  const s = strings(language)
  return (
    <>
      {bookingUrl ? (
        <Text style={styles.text}>
          <Link href={bookingUrl} style={styles.link}>
            {s.change}
          </Link>
          <br />
          <span style={styles.small}>{s.changeNote}</span>
        </Text>
      ) : null}
      <Text style={styles.text}>
        <Link href={manageUrl} style={styles.link}>
          {s.mine}
        </Link>
        <br />
        <span style={styles.small}>{s.mineNote}</span>
      </Text>
      <Text style={styles.small}>
        <Link href={eventUrl} style={styles.link}>
          {s.eventLink}
        </Link>
      </Text>
    </>
  )
}

/** Preview values shared by the booking templates. */
export const BOOKING_PREVIEW = {
  language: 'it',
  name: 'Giulia Rossi',
  eventTitle: 'Nati per Leggere: letture per i più piccoli',
  when: 'sabato 14 marzo 2026, 10:30',
  place: 'Biblioteca civica di Dalmine',
  people: '1 adulto, 2 bambini (0–2 anni, 3–5 anni)',
  eventUrl: 'http://localhost:4321/eventi/nati-per-leggere',
  manageUrl: 'http://localhost:4321/iscrizioni/mie?t=anteprima',
} satisfies BookingMailProps

export const PREVIEW_BOOKING_URL = 'http://localhost:4321/iscrizioni/gestisci?t=anteprima'
/** A 1×1 transparent PNG: the preview stands in for the QR code the real mail attaches. */
export const PREVIEW_QR =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='
