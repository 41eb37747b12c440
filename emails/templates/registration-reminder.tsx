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

export type RegistrationReminderProps = BookingMailProps & {
  bookingUrl: string
  qrSrc?: string | null
}

export const subject = (p: RegistrationReminderProps) =>
  catalogue(p.language).bookingManage.mail.reminder.subject(p.eventTitle)

/** The reminder before a booked date (hours set per system). */
export const RegistrationReminder = (p: RegistrationReminderProps) => {
  const s = catalogue(p.language).bookingManage.mail
  return (
    <Layout language={p.language} preview={`${s.reminder.title}: ${p.eventTitle}, ${p.when}`} footerNote={s.footer}>
      <Heading as="h1" style={styles.h1}>
        {s.reminder.title}
      </Heading>
      <Text style={styles.text}>{mailStrings(p.language).hello(p.name)}</Text>
      <Text style={styles.text}>{s.reminder.body}</Text>
      <BookingDetails {...p} />
      {p.qrSrc ? <CheckInCode language={p.language} src={p.qrSrc} /> : null}
      <Text style={styles.text}>{s.reminder.cantCome}</Text>
      <BookingLinks language={p.language} bookingUrl={p.bookingUrl} manageUrl={p.manageUrl} eventUrl={p.eventUrl} />
    </Layout>
  )
}

RegistrationReminder.PreviewProps = {
  ...BOOKING_PREVIEW,
  bookingUrl: PREVIEW_BOOKING_URL,
  qrSrc: PREVIEW_QR,
} satisfies RegistrationReminderProps

export default RegistrationReminder
