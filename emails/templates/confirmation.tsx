import { Heading, Link, Text } from '@react-email/components'
import type { Locale } from '../../shared/strings'
import { Button } from '../_components/Button'
import { Layout } from '../_components/Layout'
import { styles } from '../_components/theme'

export type ConfirmationProps = { language: Locale; confirmUrl: string; expiresInDays: number }

const COPY = {
  it: {
    subject: 'Conferma l’iscrizione alla newsletter delle biblioteche',
    title: 'Conferma la tua iscrizione',
    body: 'Abbiamo ricevuto una richiesta di iscrizione alla newsletter dell’Agenda della Rete Bibliotecaria Bergamasca per questo indirizzo. Per attivarla, conferma con il pulsante qui sotto.',
    button: 'Conferma l’iscrizione',
    expires: (d: number) => `Il link vale ${d} giorni e si può usare una sola volta.`,
    ignore:
      'Se non sei stato tu, ignora questo messaggio: senza conferma non riceverai nulla e i dati saranno cancellati.',
    plain: 'Se il pulsante non funziona, copia questo indirizzo nel browser:',
    footer: 'Ricevi questa mail perché qualcuno ha chiesto di iscrivere questo indirizzo alla newsletter.',
  },
  en: {
    subject: 'Confirm your subscription to the library newsletter',
    title: 'Confirm your subscription',
    body: 'We received a request to subscribe this address to the Bergamo Library Network events newsletter. To activate it, confirm with the button below.',
    button: 'Confirm subscription',
    expires: (d: number) => `The link is valid for ${d} days and works only once.`,
    ignore:
      'If this was not you, ignore this message: without confirmation you will receive nothing and the data will be deleted.',
    plain: 'If the button does not work, copy this address into your browser:',
    footer: 'You receive this email because someone asked to subscribe this address to the newsletter.',
  },
} as const

export const subject = (p: ConfirmationProps) => COPY[p.language].subject

/** Double opt-in: the only mail an unconfirmed address ever gets. It never repeats what the form said (no name). */
export const Confirmation = ({ language, confirmUrl, expiresInDays }: ConfirmationProps) => {
  const c = COPY[language]
  return (
    <Layout language={language} preview={c.title} footerNote={c.footer}>
      <Heading as="h1" style={styles.h1}>
        {c.title}
      </Heading>
      <Text style={styles.text}>{c.body}</Text>
      <Button href={confirmUrl}>{c.button}</Button>
      <Text style={styles.small}>{c.expires(expiresInDays)}</Text>
      <Text style={styles.small}>
        {c.plain}{' '}
        <Link href={confirmUrl} style={styles.link}>
          {confirmUrl}
        </Link>
      </Text>
      <Text style={styles.small}>{c.ignore}</Text>
    </Layout>
  )
}

Confirmation.PreviewProps = {
  language: 'it',
  confirmUrl: 'http://localhost:4321/newsletter/conferma?token=anteprima',
  expiresInDays: 7,
} satisfies ConfirmationProps

export default Confirmation
