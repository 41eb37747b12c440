import { Heading, Section, Text } from '@react-email/components'
import { catalogue, type Locale } from '../../shared/strings'
import { Button } from '../_components/Button'
import { Layout } from '../_components/Layout'
import { styles } from '../_components/theme'

export type AttendanceReminderProps = {
  name?: string | null
  /** Whose dates: the library's or the system's name. */
  scope: string
  /** The most recent dates waiting, already written out. */
  dates: { title: string; when: string; library?: string | null }[]
  /** How many more wait beyond those listed. */
  more: number
  /** The admin view "Date in attesa di presenze". */
  url: string
  language?: Locale
}

const total = (p: AttendanceReminderProps) => p.dates.length + p.more

export const subject = (p: AttendanceReminderProps) => catalogue(p.language ?? 'it').attendance.mail.subject(total(p))

/** Monday's reminder to a library's staff (a system's editors: their system's) of the dates waiting for attendance. */
export const AttendanceReminder = (p: AttendanceReminderProps) => {
  const language = p.language ?? 'it'
  const s = catalogue(language).attendance.mail
  return (
    <Layout language={language} preview={s.subject(total(p))} footerNote={s.footer}>
      <Heading as="h1" style={styles.h1}>
        {s.title}
      </Heading>
      <Text style={styles.text}>{s.hello(p.name)}</Text>
      <Text style={styles.text}>{s.body(p.scope, total(p))}</Text>
      <Section>
        {p.dates.map((d) => (
          <Text key={`${d.title}-${d.when}`} style={{ ...styles.text, margin: '0 0 8px' }}>
            <strong>{d.when}</strong> · {d.title}
            {d.library ? ` · ${d.library}` : ''}
          </Text>
        ))}
        {p.more > 0 ? <Text style={styles.text}>{s.more(p.more)}</Text> : null}
      </Section>
      <Button href={p.url}>{s.button}</Button>
      <Text style={styles.small}>{s.why}</Text>
    </Layout>
  )
}

AttendanceReminder.PreviewProps = {
  name: 'Giulia',
  scope: 'Biblioteca comunale di Albino',
  dates: [
    { title: 'Letture animate', when: 'sab 14 nov 2026, 10:30', library: 'Biblioteca comunale di Albino' },
    { title: 'Gruppo di lettura', when: 'gio 12 nov 2026, 20:45', library: 'Biblioteca comunale di Albino' },
  ],
  more: 0,
  url: 'http://localhost:3000/admin/presenze',
} satisfies AttendanceReminderProps

export default AttendanceReminder
