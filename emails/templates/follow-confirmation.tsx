import { Heading, Link, Text } from '@react-email/components'
import { catalogue, type Locale } from '../../shared/strings'
import { Button } from '../_components/Button'
import { Layout } from '../_components/Layout'
import { styles } from '../_components/theme'

export type FollowConfirmationProps = { language: Locale; title: string; confirmUrl: string }

export const subject = (p: FollowConfirmationProps) => catalogue(p.language).follow.mail.confirmSubject(p.title)

/** The double opt-in of a follow: the only mail a follow sends before it is confirmed. */
export const FollowConfirmation = ({ language, title, confirmUrl }: FollowConfirmationProps) => {
  const t = catalogue(language).follow
  return (
    <Layout language={language} preview={t.mail.confirmPreview} footerNote={t.mail.footer}>
      <Heading as="h1" style={styles.h1}>
        {t.confirmTitle}
      </Heading>
      <Text style={styles.text}>{t.mail.confirmIntro(title)}</Text>
      <Button href={confirmUrl}>{t.mail.confirmButton}</Button>
      <Text style={styles.small}>
        <Link href={confirmUrl} style={styles.link}>
          {confirmUrl}
        </Link>
      </Text>
    </Layout>
  )
}

FollowConfirmation.PreviewProps = {
  language: 'it',
  title: 'Nati per Leggere',
  confirmUrl: 'http://localhost:4321/segui/conferma?token=anteprima',
} satisfies FollowConfirmationProps

export default FollowConfirmation
