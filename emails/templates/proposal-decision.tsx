import { Heading, Link, Text } from '@react-email/components'
import { catalogue, type Locale } from '../../shared/strings'
import { Layout } from '../_components/Layout'
import { styles } from '../_components/theme'

export type ProposalDecisionProps = {
  language: Locale
  title: string
  accepted: boolean
  /** The event's page, when accepted. */
  eventUrl: string | null
  /** The editors' reason, when refused. */
  reason: string | null
}

export const subject = (p: ProposalDecisionProps) =>
  p.accepted
    ? catalogue(p.language).proposals.mail.acceptedSubject(p.title)
    : catalogue(p.language).proposals.mail.refusedSubject(p.title)

/** The system's answer to a proposal, either way. */
export const ProposalDecision = ({ language, title, accepted, eventUrl, reason }: ProposalDecisionProps) => {
  const t = catalogue(language).proposals.mail
  return (
    <Layout
      language={language}
      preview={subject({ language, title, accepted, eventUrl, reason })}
      footerNote={t.footer}
    >
      <Heading as="h1" style={styles.h1}>
        {subject({ language, title, accepted, eventUrl, reason })}
      </Heading>
      <Text style={styles.text}>{accepted ? t.acceptedIntro(title) : t.refusedIntro(title)}</Text>
      {accepted && eventUrl && (
        <Text style={styles.text}>
          <Link href={eventUrl} style={styles.link}>
            {t.acceptedLink}
          </Link>
        </Text>
      )}
      {!accepted && reason && (
        <>
          <Text style={styles.text}>{t.reason}</Text>
          {/* The editors' own words (Italian: CMS content is Italian). */}
          <Text style={styles.text} lang="it">
            {reason}
          </Text>
        </>
      )}
    </Layout>
  )
}

ProposalDecision.PreviewProps = {
  language: 'it',
  title: 'Letture sotto il portico',
  accepted: false,
  eventUrl: null,
  reason: 'In quella data la sala è già occupata: proponi un altro giorno.',
} satisfies ProposalDecisionProps

export default ProposalDecision
