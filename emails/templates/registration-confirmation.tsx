import { Heading, Text } from '@react-email/components'
import { catalogue, mailStrings } from '../../shared/strings'
import {
  BOOKING_PREVIEW,
  BookingDetails,
  BookingLinks,
  type BookingMailProps,
  CheckInCode,
  PREVIEW_BOOKING_URL,
  PREVIEW_QR,
} from '../_components/Booking'
import { Layout } from '../_components/Layout'
import { styles } from '../_components/theme'

export type RegistrationConfirmationProps = BookingMailProps & {
  status: 'confirmed' | 'waiting'
  /** The booking's own page: change the number of people or cancel. */
  bookingUrl: string
  /** The check-in QR code's image source (`cid:…`), for a confirmed place. */
  qrSrc?: string | null
  /** Whether the date's `.ics` is attached. */
  calendar?: boolean
  /** Hours a waiting party has to accept a freed place. */
  offerHours?: number
}

export const subject = (p: RegistrationConfirmationProps) =>
  catalogue(p.language).bookingManage.mail.confirmation.subject(p.status === 'waiting', p.eventTitle)

/** A booking's confirmation, or its place on the waiting list. */
export const RegistrationConfirmation = (p: RegistrationConfirmationProps) => {
  const s = catalogue(p.language).bookingManage.mail
  const c = s.confirmation
  const waiting = p.status === 'waiting'
  const title = waiting ? c.waiting : c.confirmed
  return (
    <Layout language={p.language} preview={`${title}: ${p.eventTitle}`} footerNote={s.footer}>
      <Heading as="h1" style={styles.h1}>
        {title}
      </Heading>
      <Text style={styles.text}>{mailStrings(p.language).hello(p.name)}</Text>
      <Text style={styles.text}>{waiting ? c.waitingBody : c.confirmedBody}</Text>
      <BookingDetails {...p} />
      {waiting ? <Text style={styles.text}>{c.waitingNote(p.offerHours ?? 24)}</Text> : null}
      {!waiting && p.qrSrc ? <CheckInCode language={p.language} src={p.qrSrc} /> : null}
      {!waiting && p.calendar ? <Text style={styles.small}>{s.icsNote}</Text> : null}
      <BookingLinks language={p.language} bookingUrl={p.bookingUrl} manageUrl={p.manageUrl} eventUrl={p.eventUrl} />
    </Layout>
  )
}

RegistrationConfirmation.PreviewProps = {
  ...BOOKING_PREVIEW,
  status: 'confirmed',
  bookingUrl: PREVIEW_BOOKING_URL,
  qrSrc: PREVIEW_QR,
  calendar: true,
  offerHours: 24,
} satisfies RegistrationConfirmationProps

export default RegistrationConfirmation
