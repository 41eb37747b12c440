import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from '@react-email/components'
import type { ReactNode } from 'react'
import { type Locale, mailStrings } from '../../shared/strings'
import { styles } from './theme'

export type LayoutProps = {
  language: Locale
  /** Inbox preview line (hidden in the body). */
  preview: string
  /** Name shown at the top, e.g. the sending system. */
  sender?: string
  /** Links every mass mail carries in its body, next to the List-Unsubscribe header. */
  manageUrl?: string
  unsubscribeUrl?: string
  /** Why this mail arrives, when it is not the standard newsletter footer. */
  footerNote?: string
  children: ReactNode
}

/** The frame of every mail: language, colour scheme, sender line, body, footer with the personal links. */
export const Layout = ({ language, preview, sender, manageUrl, unsubscribeUrl, footerNote, children }: LayoutProps) => {
  const s = mailStrings(language)
  return (
    <Html lang={language} dir="ltr">
      <Head>
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{sender ?? s.network}</Text>
          {children}
          <Hr style={styles.rule} />
          <Section>
            <Text style={styles.small}>{footerNote ?? s.whyFooter}</Text>
            {manageUrl || unsubscribeUrl ? (
              <Text style={styles.small}>
                {manageUrl ? (
                  <Link href={manageUrl} style={styles.link}>
                    {s.managePreferences}
                  </Link>
                ) : null}
                {manageUrl && unsubscribeUrl ? ' · ' : null}
                {unsubscribeUrl ? (
                  <Link href={unsubscribeUrl} style={styles.link}>
                    {s.unsubscribe}
                  </Link>
                ) : null}
              </Text>
            ) : null}
            <Text style={styles.small}>{s.network}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  )
}
