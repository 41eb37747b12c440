import { Heading, Link, Text } from '@react-email/components'
import { catalogue, mailStrings } from '../../shared/strings'
import { BOOKING_PREVIEW, BookingDetails, BookingLinks, type BookingMailProps } from '../_components/Booking'
import { Button } from '../_components/Button'
import { Layout } from '../_components/Layout'
import { styles } from '../_components/theme'

export type RegistrationOfferProps = BookingMailProps & {
  /** The site page that accepts (or declines) the offered place. */
  acceptUrl: string
  /** Until when the place is held ("lunedì 9 marzo 2026, 18:30"). */
  deadline: string
}

export const subject = (p: RegistrationOfferProps) =>
  catalogue(p.language).bookingManage.mail.offer.subject(p.eventTitle)

/** A freed place offered to a waiting party, for a limited time; unanswered, it passes to the next. */
export const RegistrationOffer = (p: RegistrationOfferProps) => {
  const s = catalogue(p.language).bookingManage.mail
  const o = s.offer
  return (
    <Layout language={p.language} preview={`${o.title}: ${p.eventTitle}`} footerNote={s.footer}>
      <Heading as="h1" style={styles.h1}>
        {o.title}
      </Heading>
      <Text style={styles.text}>{mailStrings(p.language).hello(p.name)}</Text>
      <Text style={styles.text}>{o.body}</Text>
      <BookingDetails {...p} />
      <Text style={styles.text}>
        <strong>{o.until(p.deadline)}</strong>
      </Text>
      <Button href={p.acceptUrl}>{o.accept}</Button>
      <Text style={styles.small}>
        <Link href={p.acceptUrl} style={styles.link}>
          {p.acceptUrl}
        </Link>
      </Text>
      <Text style={styles.text}>{o.passes}</Text>
      <BookingLinks language={p.language} manageUrl={p.manageUrl} eventUrl={p.eventUrl} />
    </Layout>
  )
}

RegistrationOffer.PreviewProps = {
  ...BOOKING_PREVIEW,
  acceptUrl: 'http://localhost:4321/iscrizioni/offerta?t=anteprima',
  deadline: 'venerdì 13 marzo 2026, 10:30',
} satisfies RegistrationOfferProps

export default RegistrationOffer
