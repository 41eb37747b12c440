import { Heading, Text } from '@react-email/components'
import { type Locale, mailStrings } from '../../shared/strings'
import { Layout } from '../_components/Layout'
import { styles } from '../_components/theme'

export type PreferencesChangedProps = {
  language: Locale
  firstName?: string | null
  weeklyDigest: boolean
  summary: string[]
  manageUrl: string
  unsubscribeUrl: string
}

const COPY = {
  it: {
    subject: 'Abbiamo aggiornato le tue preferenze',
    title: 'Preferenze aggiornate',
    body: 'Le preferenze della tua iscrizione alla newsletter sono state modificate. Ecco come sono ora:',
    digest: (on: boolean) => (on ? 'Newsletter settimanale: sì' : 'Newsletter settimanale: no'),
    everything: 'Nessun filtro: tutti gli eventi.',
    notYou: 'Se non sei stato tu, usa il link «Cambia le tue preferenze» qui sotto per correggerle.',
  },
  en: {
    subject: 'We updated your preferences',
    title: 'Preferences updated',
    body: 'The preferences of your newsletter subscription were changed. This is how they are now:',
    digest: (on: boolean) => (on ? 'Weekly newsletter: yes' : 'Weekly newsletter: no'),
    everything: 'No filter: every event.',
    notYou: 'If this was not you, use the “Change your preferences” link below to correct them.',
  },
} as const

export const subject = (p: PreferencesChangedProps) => COPY[p.language].subject

export const PreferencesChanged = (p: PreferencesChangedProps) => {
  const c = COPY[p.language]
  return (
    <Layout language={p.language} preview={c.title} manageUrl={p.manageUrl} unsubscribeUrl={p.unsubscribeUrl}>
      <Heading as="h1" style={styles.h1}>
        {c.title}
      </Heading>
      <Text style={styles.text}>{mailStrings(p.language).hello(p.firstName)}</Text>
      <Text style={styles.text}>{c.body}</Text>
      <ul>
        {[c.digest(p.weeklyDigest), ...(p.summary.length ? p.summary : [c.everything])].map((line) => (
          <li key={line} style={{ ...styles.text, margin: '0 0 4px' }}>
            {line}
          </li>
        ))}
      </ul>
      <Text style={styles.small}>{c.notYou}</Text>
    </Layout>
  )
}

PreferencesChanged.PreviewProps = {
  language: 'it',
  firstName: 'Giulia',
  weeklyDigest: false,
  summary: ['Comuni: Albino, Nembro'],
  manageUrl: 'http://localhost:4321/newsletter/preferenze?token=anteprima',
  unsubscribeUrl: 'http://localhost:4321/newsletter/disiscrizione?token=anteprima',
} satisfies PreferencesChangedProps

export default PreferencesChanged
