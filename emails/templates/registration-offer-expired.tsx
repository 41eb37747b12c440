import { Heading, Text } from '@react-email/components'
import { catalogue, mailStrings } from '../../shared/strings'
import { BOOKING_PREVIEW, BookingDetails, BookingLinks, type BookingMailProps } from '../_components/Booking'
import { Layout } from '../_components/Layout'
import { styles } from '../_components/theme'

export type RegistrationOfferExpiredProps = BookingMailProps

export const subject = (p: RegistrationOfferExpiredProps) =>
  catalogue(p.language).bookingManage.mail.offerExpired.subject(p.eventTitle)

/** An offered place nobody accepted in time went to the next party; the request is closed. */
export const RegistrationOfferExpired = (p: RegistrationOfferExpiredProps) => {
  const s = catalogue(p.language).bookingManage.mail
  const e = s.offerExpired
  return (
    <Layout language={p.language} preview={`${e.title}: ${p.eventTitle}`} footerNote={s.footer}>
      <Heading as="h1" style={styles.h1}>
        {e.title}
      </Heading>
      <Text style={styles.text}>{mailStrings(p.language).hello(p.name)}</Text>
      <Text style={styles.text}>{e.body}</Text>
      <BookingDetails {...p} />
      <Text style={styles.text}>{e.again}</Text>
      <BookingLinks language={p.language} manageUrl={p.manageUrl} eventUrl={p.eventUrl} />
    </Layout>
  )
}

RegistrationOfferExpired.PreviewProps = BOOKING_PREVIEW satisfies RegistrationOfferExpiredProps

export default RegistrationOfferExpired
