import { Heading, Link, Text } from '@react-email/components'
import type { Locale } from '../../shared/strings'
import { Button } from '../_components/Button'
import { Layout } from '../_components/Layout'
import { styles } from '../_components/theme'

export type PasswordResetProps = {
  name?: string | null
  resetUrl: string
  expiresInMinutes: number
  language?: Locale
}

const IT = {
  hello: (name?: string | null) => (name ? `Ciao ${name},` : 'Ciao,'),
  subject: 'Scegli una nuova password per l’Agenda delle biblioteche',
  title: 'Nuova password',
  body: 'Abbiamo ricevuto una richiesta di nuova password per il tuo account di redazione dell’Agenda della Rete Bibliotecaria Bergamasca.',
  button: 'Scegli la nuova password',
  expires: (m: number) => `Il link vale ${m} minuti e si può usare una sola volta.`,
  ignore: 'Se non l’hai chiesta tu, ignora questa mail: la password attuale resta valida.',
  plain: 'Se il pulsante non funziona, copia questo indirizzo nel browser:',
  footer: 'Ricevi questa mail perché è stata chiesta una nuova password per questo indirizzo.',
}

const EN: typeof IT = {
  hello: (name) => (name ? `Hello ${name},` : 'Hello,'),
  subject: 'Choose a new password for the libraries’ Agenda',
  title: 'New password',
  body: 'We received a request for a new password for your editorial account of the Agenda of the Rete Bibliotecaria Bergamasca.',
  button: 'Choose the new password',
  expires: (m) => `The link is valid for ${m} minutes and can be used once.`,
  ignore: 'If you did not ask for it, ignore this mail: your current password stays valid.',
  plain: 'If the button does not work, copy this address into your browser:',
  footer: 'You receive this mail because a new password was requested for this address.',
}

const copyOf = (language: PasswordResetProps['language']) => (language === 'en' ? EN : IT)

export const subject = ({ language }: PasswordResetProps) => copyOf(language).subject

/** Staff accounts are Italian unless the staff member chose English in the admin. */
export const PasswordReset = ({ name, resetUrl, expiresInMinutes, language = 'it' }: PasswordResetProps) => {
  const COPY = copyOf(language)
  return (
    <Layout language={language} preview={COPY.title} footerNote={COPY.footer}>
      <Heading as="h1" style={styles.h1}>
        {COPY.title}
      </Heading>
      <Text style={styles.text}>{COPY.hello(name)}</Text>
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
}

PasswordReset.PreviewProps = {
  name: 'Giulia',
  resetUrl: 'http://localhost:3000/admin/reset/anteprima',
  expiresInMinutes: 60,
} satisfies PasswordResetProps

export default PasswordReset
