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

export type RegistrationUpdatedProps = BookingMailProps & {
  bookingUrl: string
  /** The check-in QR code (`cid:…`), when the booking holds a place. */
  qrSrc?: string | null
  calendar?: boolean
}

export const subject = (p: RegistrationUpdatedProps) =>
  catalogue(p.language).bookingManage.mail.updated.subject(p.eventTitle)

/** The number of people of a booking changed: the new figure, with the same links. */
export const RegistrationUpdated = (p: RegistrationUpdatedProps) => {
  const s = catalogue(p.language).bookingManage.mail
  return (
    <Layout language={p.language} preview={`${s.updated.title}: ${p.eventTitle}`} footerNote={s.footer}>
      <Heading as="h1" style={styles.h1}>
        {s.updated.title}
      </Heading>
      <Text style={styles.text}>{mailStrings(p.language).hello(p.name)}</Text>
      <Text style={styles.text}>{s.updated.body}</Text>
      <BookingDetails {...p} />
      {p.qrSrc ? <CheckInCode language={p.language} src={p.qrSrc} /> : null}
      {p.calendar ? <Text style={styles.small}>{s.icsNote}</Text> : null}
      <BookingLinks language={p.language} bookingUrl={p.bookingUrl} manageUrl={p.manageUrl} eventUrl={p.eventUrl} />
    </Layout>
  )
}

RegistrationUpdated.PreviewProps = {
  ...BOOKING_PREVIEW,
  people: '2 adulti, 1 bambino (3–5 anni)',
  bookingUrl: PREVIEW_BOOKING_URL,
  qrSrc: PREVIEW_QR,
  calendar: true,
} satisfies RegistrationUpdatedProps

export default RegistrationUpdated
