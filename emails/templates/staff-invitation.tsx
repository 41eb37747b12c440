import { Heading, Link, Text } from '@react-email/components'
import type { Locale } from '../../shared/strings'
import { Button } from '../_components/Button'
import { Layout } from '../_components/Layout'
import { styles } from '../_components/theme'

export type StaffInvitationProps = {
  name?: string | null
  /** What the account is for, already in words: "Redazione di sistema – Sistema Bibliotecario Valle Seriana". */
  role?: string | null
  setPasswordUrl: string
  loginUrl: string
  expiresInDays: number
  language?: Locale
}

const IT = {
  hello: (name?: string | null) => (name ? `Ciao ${name},` : 'Ciao,'),
  subject: 'Il tuo account per l’Agenda delle biblioteche',
  title: 'Benvenuta, benvenuto in redazione',
  body: 'è stato creato per te un account di redazione dell’Agenda della Rete Bibliotecaria Bergamasca, con cui pubblicare gli eventi delle biblioteche.',
  role: (role: string) => `Ruolo: ${role}.`,
  button: 'Scegli la tua password',
  expires: (d: number) =>
    `Il link vale ${d} giorni e si può usare una sola volta. Se scade, chiedine uno nuovo con «Password dimenticata» nella pagina di accesso.`,
  login: 'Poi entrerai da qui:',
  plain: 'Se il pulsante non funziona, copia questo indirizzo nel browser:',
  footer: 'Ricevi questa mail perché un amministratore della rete ha creato un account con questo indirizzo.',
}

const EN: typeof IT = {
  hello: (name) => (name ? `Hello ${name},` : 'Hello,'),
  subject: 'Your account for the libraries’ Agenda',
  title: 'Welcome to the editorial team',
  body: 'an editorial account of the Agenda of the Rete Bibliotecaria Bergamasca has been created for you, to publish the libraries’ events.',
  role: (role) => `Role: ${role}.`,
  button: 'Choose your password',
  expires: (d) =>
    `The link is valid for ${d} days and can be used once. If it expires, ask for a new one with “Forgot password” on the login page.`,
  login: 'Afterwards you log in here:',
  plain: 'If the button does not work, copy this address into your browser:',
  footer: 'You receive this mail because a network administrator created an account with this address.',
}

const copyOf = (language: StaffInvitationProps['language']) => (language === 'en' ? EN : IT)

export const subject = ({ language }: StaffInvitationProps) => copyOf(language).subject

/** The first mail of a new member of staff: no password was chosen for them, they choose it from the link. */
export const StaffInvitation = ({
  name,
  role,
  setPasswordUrl,
  loginUrl,
  expiresInDays,
  language = 'it',
}: StaffInvitationProps) => {
  const COPY = copyOf(language)
  return (
    <Layout language={language} preview={COPY.title} footerNote={COPY.footer}>
      <Heading as="h1" style={styles.h1}>
        {COPY.title}
      </Heading>
      <Text style={styles.text}>{COPY.hello(name)}</Text>
      <Text style={styles.text}>{COPY.body}</Text>
      {role ? <Text style={styles.text}>{COPY.role(role)}</Text> : null}
      <Button href={setPasswordUrl}>{COPY.button}</Button>
      <Text style={styles.small}>{COPY.expires(expiresInDays)}</Text>
      <Text style={styles.small}>
        {COPY.login}{' '}
        <Link href={loginUrl} style={styles.link}>
          {loginUrl}
        </Link>
      </Text>
      <Text style={styles.small}>
        {COPY.plain}{' '}
        <Link href={setPasswordUrl} style={styles.link}>
          {setPasswordUrl}
        </Link>
      </Text>
    </Layout>
  )
}

StaffInvitation.PreviewProps = {
  name: 'Giulia',
  role: 'Redazione di sistema – Sistema Bibliotecario Valle Seriana',
  setPasswordUrl: 'http://localhost:3000/admin/reset/anteprima',
  loginUrl: 'http://localhost:3000/admin/login',
  expiresInDays: 7,
} satisfies StaffInvitationProps

export default StaffInvitation
