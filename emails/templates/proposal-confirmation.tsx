import { Heading, Link, Text } from '@react-email/components'
import { catalogue, type Locale } from '../../shared/strings'
import { Button } from '../_components/Button'
import { Layout } from '../_components/Layout'
import { styles } from '../_components/theme'

export type ProposalConfirmationProps = { language: Locale; title: string; library: string; confirmUrl: string }

export const subject = (p: ProposalConfirmationProps) => catalogue(p.language).proposals.mail.confirmSubject(p.title)

/** The double opt-in of a proposal: until its link is used, no editor sees the proposal. */
export const ProposalConfirmation = ({ language, title, library, confirmUrl }: ProposalConfirmationProps) => {
  const t = catalogue(language).proposals
  return (
    <Layout language={language} preview={t.mail.confirmPreview} footerNote={t.mail.footer}>
      <Heading as="h1" style={styles.h1}>
        {t.confirmTitle}
      </Heading>
      <Text style={styles.text}>{t.mail.confirmIntro(title, library)}</Text>
      <Button href={confirmUrl}>{t.mail.confirmButton}</Button>
      <Text style={styles.small}>
        <Link href={confirmUrl} style={styles.link}>
          {confirmUrl}
        </Link>
      </Text>
    </Layout>
  )
}

ProposalConfirmation.PreviewProps = {
  language: 'it',
  title: 'Letture sotto il portico',
  library: 'Biblioteca di Albino',
  confirmUrl: 'http://localhost:4321/proponi-evento/conferma?token=anteprima',
} satisfies ProposalConfirmationProps

export default ProposalConfirmation
