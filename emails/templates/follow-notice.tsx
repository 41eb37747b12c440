import { Heading, Link, Text } from '@react-email/components'
import { catalogue, type Locale } from '../../shared/strings'
import { Layout } from '../_components/Layout'
import { styles } from '../_components/theme'

export type FollowNoticeProps = {
  language: Locale
  /** The page followed (the event, or its rassegna). */
  followed: string
  eventTitle: string
  /** Each changed date: when it was, and what changed (before → after). */
  dates: { when: string; changes: { label: string; before: string; after: string }[] }[]
  eventUrl: string
  unfollowUrl: string
  unsubscribeUrl: string
  manageUrl: string
}

export const subject = (p: FollowNoticeProps) => catalogue(p.language).follow.mail.noticeSubject(p.eventTitle)

/** What changed in the dates of a followed event since the last notice, with the event's updated `.ics`. */
export const FollowNotice = (p: FollowNoticeProps) => {
  const t = catalogue(p.language).follow
  const b = catalogue(p.language).bookingNotices
  return (
    <Layout language={p.language} preview={t.mail.noticeSubject(p.eventTitle)} footerNote={t.mail.footer}>
      <Heading as="h1" style={styles.h1}>
        {p.eventTitle}
      </Heading>
      <Text style={styles.text}>{t.mail.noticeIntro(p.followed)}</Text>
      {p.dates.map((d) => (
        <Text key={d.when} style={styles.text}>
          <strong>
            {t.mail.dateLabel}: {d.when}
          </strong>
          {d.changes.map((c) => (
            <span key={c.label}>
              <br />
              {c.label}: {b.before} {c.before} → {b.after} {c.after}
            </span>
          ))}
        </Text>
      ))}
      <Text style={styles.small}>{t.mail.calendarNote}</Text>
      <Text style={styles.small}>
        <Link href={p.eventUrl} style={styles.link}>
          {t.mail.details}
        </Link>
      </Text>
      <Text style={styles.small}>
        <Link href={p.unfollowUrl} style={styles.link}>
          {t.mail.unfollow(p.followed)}
        </Link>
        {' · '}
        <Link href={p.manageUrl} style={styles.link}>
          {t.mail.manage}
        </Link>
        {' · '}
        <Link href={p.unsubscribeUrl} style={styles.link}>
          {t.mail.unsubscribeAll}
        </Link>
      </Text>
    </Layout>
  )
}

FollowNotice.PreviewProps = {
  language: 'it',
  followed: 'Nati per Leggere',
  eventTitle: 'Nati per Leggere: letture per i più piccoli',
  dates: [
    {
      when: 'sabato 14 marzo 2026, 10:30–11:30',
      changes: [{ label: 'Stato', before: 'In programma', after: 'Annullato' }],
    },
  ],
  eventUrl: 'http://localhost:4321/eventi/nati-per-leggere',
  unfollowUrl: 'http://localhost:4321/segui/smetti?token=anteprima',
  unsubscribeUrl: 'http://localhost:4321/newsletter/disiscrizione?token=anteprima',
  manageUrl: 'http://localhost:4321/newsletter/preferenze?token=anteprima',
} satisfies FollowNoticeProps

export default FollowNotice
