import { Heading, Text } from '@react-email/components'
import type { Locale } from '../../shared/strings'
import { Button } from '../_components/Button'
import { Layout } from '../_components/Layout'
import { styles } from '../_components/theme'

export type ManagePreferencesProps = { language: Locale; manageUrl: string; unsubscribeUrl: string }

const COPY = {
  it: {
    subject: 'Sei già iscritto alla newsletter delle biblioteche',
    title: 'Sei già iscritto',
    body: 'Qualcuno ha chiesto di iscrivere questo indirizzo alla newsletter, ma risulta già iscritto: non abbiamo cambiato nulla. Se vuoi modificare cosa ricevi, usa il pulsante qui sotto.',
    button: 'Gestisci le preferenze',
    ignore: 'Se non sei stato tu, ignora questo messaggio.',
  },
  en: {
    subject: 'You are already subscribed to the library newsletter',
    title: 'You are already subscribed',
    body: 'Someone asked to subscribe this address to the newsletter, but it is already subscribed: nothing was changed. To change what you receive, use the button below.',
    button: 'Manage preferences',
    ignore: 'If this was not you, ignore this message.',
  },
} as const

export const subject = (p: ManagePreferencesProps) => COPY[p.language].subject

/** Sent instead of a second subscription, so the form never reveals whether an address is known. */
export const ManagePreferences = ({ language, manageUrl, unsubscribeUrl }: ManagePreferencesProps) => {
  const c = COPY[language]
  return (
    <Layout language={language} preview={c.title} manageUrl={manageUrl} unsubscribeUrl={unsubscribeUrl}>
      <Heading as="h1" style={styles.h1}>
        {c.title}
      </Heading>
      <Text style={styles.text}>{c.body}</Text>
      <Button href={manageUrl}>{c.button}</Button>
      <Text style={styles.small}>{c.ignore}</Text>
    </Layout>
  )
}

ManagePreferences.PreviewProps = {
  language: 'it',
  manageUrl: 'http://localhost:4321/newsletter/preferenze?token=anteprima',
  unsubscribeUrl: 'http://localhost:4321/newsletter/disiscrizione?token=anteprima',
} satisfies ManagePreferencesProps

export default ManagePreferences
