import { Heading, Text } from '@react-email/components'
import { type Locale, mailStrings } from '../../shared/strings'
import { Button } from '../_components/Button'
import { Layout } from '../_components/Layout'
import { styles } from '../_components/theme'

export type WelcomeProps = {
  language: Locale
  firstName?: string | null
  weeklyDigest: boolean
  /** One line per chosen preference ("Sistemi: Valle Seriana"), empty = everything. */
  summary: string[]
  manageUrl: string
  unsubscribeUrl: string
}

const COPY = {
  it: {
    subject: 'Iscrizione confermata: benvenuto nella newsletter delle biblioteche',
    title: 'Iscrizione confermata',
    body: 'Grazie! Da ora riceverai le notizie degli eventi delle biblioteche della provincia di Bergamo.',
    digest: 'Ogni giovedì mattina riceverai gli appuntamenti dei 10 giorni successivi scelti per te.',
    noDigest: 'Non hai scelto la newsletter settimanale: riceverai solo le comunicazioni delle biblioteche.',
    prefs: 'Le tue preferenze:',
    everything: 'Nessun filtro: ti scriveremo di tutti gli eventi.',
    button: 'Cambia le preferenze',
  },
  en: {
    subject: 'Subscription confirmed: welcome to the library newsletter',
    title: 'Subscription confirmed',
    body: 'Thank you! From now on you will receive news about events in the libraries of the province of Bergamo.',
    digest: 'Every Thursday morning you will receive the events of the following 10 days chosen for you.',
    noDigest: 'You did not choose the weekly newsletter: you will only receive announcements from the libraries.',
    prefs: 'Your preferences:',
    everything: 'No filter: we will tell you about every event.',
    button: 'Change preferences',
  },
} as const

export const subject = (p: WelcomeProps) => COPY[p.language].subject

export const Welcome = ({ language, firstName, weeklyDigest, summary, manageUrl, unsubscribeUrl }: WelcomeProps) => {
  const c = COPY[language]
  return (
    <Layout language={language} preview={c.title} manageUrl={manageUrl} unsubscribeUrl={unsubscribeUrl}>
      <Heading as="h1" style={styles.h1}>
        {c.title}
      </Heading>
      <Text style={styles.text}>{mailStrings(language).hello(firstName)}</Text>
      <Text style={styles.text}>{c.body}</Text>
      <Text style={styles.text}>{weeklyDigest ? c.digest : c.noDigest}</Text>
      <Text style={styles.text}>{c.prefs}</Text>
      {summary.length ? (
        <ul>
          {summary.map((line) => (
            <li key={line} style={{ ...styles.text, margin: '0 0 4px' }}>
              {line}
            </li>
          ))}
        </ul>
      ) : (
        <Text style={styles.text}>{c.everything}</Text>
      )}
      <Button href={manageUrl}>{c.button}</Button>
    </Layout>
  )
}

Welcome.PreviewProps = {
  language: 'it',
  firstName: 'Giulia',
  weeklyDigest: true,
  summary: ['Sistemi: Valle Seriana', 'Età: 2, 5 anni'],
  manageUrl: 'http://localhost:4321/newsletter/preferenze?token=anteprima',
  unsubscribeUrl: 'http://localhost:4321/newsletter/disiscrizione?token=anteprima',
} satisfies WelcomeProps

export default Welcome
