import { Heading, Link, Text } from '@react-email/components'
import { Button } from '../_components/Button'
import { Layout } from '../_components/Layout'
import { styles } from '../_components/theme'

export type PasswordResetProps = { name?: string | null; resetUrl: string; expiresInMinutes: number }

const COPY = {
  subject: 'Scegli una nuova password per l’Agenda delle biblioteche',
  title: 'Nuova password',
  body: 'Abbiamo ricevuto una richiesta di nuova password per il tuo account di redazione dell’Agenda della Rete Bibliotecaria Bergamasca.',
  button: 'Scegli la nuova password',
  expires: (m: number) => `Il link vale ${m} minuti e si può usare una sola volta.`,
  ignore: 'Se non l’hai chiesta tu, ignora questa mail: la password attuale resta valida.',
  plain: 'Se il pulsante non funziona, copia questo indirizzo nel browser:',
  footer: 'Ricevi questa mail perché è stata chiesta una nuova password per questo indirizzo.',
}

export const subject = (_: PasswordResetProps) => COPY.subject

/** Staff accounts are Italian: the admin is Italian first. */
export const PasswordReset = ({ name, resetUrl, expiresInMinutes }: PasswordResetProps) => (
  <Layout language="it" preview={COPY.title} footerNote={COPY.footer}>
    <Heading as="h1" style={styles.h1}>
      {COPY.title}
    </Heading>
    <Text style={styles.text}>{name ? `Ciao ${name},` : 'Ciao,'}</Text>
    <Text style={styles.text}>{COPY.body}</Text>
    <Button href={resetUrl}>{COPY.button}</Button>
    <Text style={styles.small}>{COPY.expires(expiresInMinutes)}</Text>
    <Text style={styles.small}>
      {COPY.plain}{' '}
      <Link href={resetUrl} style={styles.link}>
        {resetUrl}
      </Link>
    </Text>
    <Text style={styles.small}>{COPY.ignore}</Text>
  </Layout>
)

PasswordReset.PreviewProps = {
  name: 'Giulia',
  resetUrl: 'http://localhost:3000/admin/reset/anteprima',
  expiresInMinutes: 60,
} satisfies PasswordResetProps

export default PasswordReset
