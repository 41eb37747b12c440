import { Heading, Link, Section, Text } from '@react-email/components'
import { type Locale, mailStrings } from '../../shared/strings'
import { styles } from './theme'

export type EmailEvent = {
  title: string
  /** "10:30–11:30" or "tutto il giorno" */
  time: string
  place: string
  url: string
  icsUrl: string
  status?: string | null
  summary?: string | null
}

export type EmailDay = { label: string; events: EmailEvent[] }

/** Events grouped by day: a heading per day, a title link, time and place, an add-to-calendar link. */
export const EventList = ({ language, days }: { language: Locale; days: EmailDay[] }) => {
  const s = mailStrings(language)
  return (
    <>
      {days.map((day) => (
        <Section key={day.label}>
          <Heading as="h2" style={styles.h2}>
            {day.label}
          </Heading>
          {day.events.map((event) => (
            <Section key={`${event.url}-${event.time}`} style={{ margin: '0 0 16px' }}>
              <Heading as="h3" style={styles.h3}>
                <Link href={event.url} style={styles.link}>
                  {event.title}
                </Link>
              </Heading>
              <Text style={{ ...styles.small, color: styles.text.color, margin: '0 0 2px' }}>
                {event.time} · {event.place}
                {event.status && s.statusNotes[event.status] ? ` · ${s.statusNotes[event.status]}` : ''}
              </Text>
              {event.summary ? <Text style={{ ...styles.small, margin: '0 0 2px' }}>{event.summary}</Text> : null}
              <Text style={{ ...styles.small, margin: 0 }}>
                <Link href={event.icsUrl} style={styles.link}>
                  {s.addToCalendar}
                </Link>
              </Text>
            </Section>
          ))}
        </Section>
      ))}
    </>
  )
}
