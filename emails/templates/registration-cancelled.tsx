import { Heading, Text } from '@react-email/components'
import { catalogue, mailStrings } from '../../shared/strings'
import { BOOKING_PREVIEW, BookingDetails, BookingLinks, type BookingMailProps } from '../_components/Booking'
import { Layout } from '../_components/Layout'
import { styles } from '../_components/theme'

export type RegistrationCancelledProps = BookingMailProps & {
  /** Whether a `.ics` marking the date cancelled is attached. */
  calendar?: boolean
}

export const subject = (p: RegistrationCancelledProps) =>
  catalogue(p.language).bookingManage.mail.cancelled.subject(p.eventTitle)

/** A booking was cancelled (by the person's own link or by the library). */
export const RegistrationCancelled = (p: RegistrationCancelledProps) => {
  const s = catalogue(p.language).bookingManage.mail
  const c = s.cancelled
  return (
    <Layout language={p.language} preview={`${c.title}: ${p.eventTitle}`} footerNote={s.footer}>
      <Heading as="h1" style={styles.h1}>
        {c.title}
      </Heading>
      <Text style={styles.text}>{mailStrings(p.language).hello(p.name)}</Text>
      <Text style={styles.text}>{c.body}</Text>
      <BookingDetails {...p} />
      <Text style={styles.text}>{c.notYou}</Text>
      {p.calendar ? <Text style={styles.small}>{c.icsNote}</Text> : null}
      <BookingLinks language={p.language} manageUrl={p.manageUrl} eventUrl={p.eventUrl} />
    </Layout>
  )
}

RegistrationCancelled.PreviewProps = {
  ...BOOKING_PREVIEW,
  calendar: true,
} satisfies RegistrationCancelledProps

export default RegistrationCancelled
