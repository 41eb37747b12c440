import { Heading, Link, Text } from '@react-email/components'
import { catalogue, type Locale } from '../../shared/strings'
import { Layout } from '../_components/Layout'
import { styles } from '../_components/theme'

export type FollowDigestProps = {
  language: Locale
  /** Each followed page with news: its new events (title, date, link) and its own "stop following" link. */
  pages: { title: string; unfollowUrl: string; events: { title: string; when: string; url: string }[] }[]
  manageUrl: string
  unsubscribeUrl: string
}

export const subject = (p: FollowDigestProps) => {
  const t = catalogue(p.language).follow.mail
  return p.pages.length === 1 ? t.digestSubjectOne(p.pages[0]?.title ?? '') : t.digestSubject(p.pages.length)
}

/** New events on the pages a subscriber follows, once a day at most. */
export const FollowDigest = (p: FollowDigestProps) => {
  const t = catalogue(p.language).follow
  return (
    <Layout language={p.language} preview={subject(p)} footerNote={t.mail.footer}>
      <Heading as="h1" style={styles.h1}>
        {t.mail.digestTitle}
      </Heading>
      {p.pages.map((page) => (
        <div key={page.title}>
          <Heading as="h2" style={styles.h2}>
            {page.title}
          </Heading>
          {page.events.map((e) => (
            <Text key={e.url} style={styles.text}>
              <Link href={e.url} style={styles.link}>
                {e.title}
              </Link>
              <br />
              {e.when}
            </Text>
          ))}
          <Text style={styles.small}>
            <Link href={page.unfollowUrl} style={styles.link}>
              {t.mail.unfollow(page.title)}
            </Link>
          </Text>
        </div>
      ))}
      <Text style={styles.small}>
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

FollowDigest.PreviewProps = {
  language: 'it',
  pages: [
    {
      title: 'Nati per Leggere d’inverno',
      unfollowUrl: 'http://localhost:4321/segui/smetti?token=anteprima',
      events: [
        {
          title: 'Letture del sabato',
          when: 'sabato 12 dicembre, 10:30',
          url: 'http://localhost:4321/eventi/letture-del-sabato',
        },
      ],
    },
  ],
  manageUrl: 'http://localhost:4321/newsletter/preferenze?token=anteprima',
  unsubscribeUrl: 'http://localhost:4321/newsletter/disiscrizione?token=anteprima',
} satisfies FollowDigestProps

export default FollowDigest
