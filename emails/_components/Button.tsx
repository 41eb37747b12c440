import { Button as EmailButton, Section } from '@react-email/components'
import { styles } from './theme'

/** A call to action that is a real link (works without images, readable as text). */
export const Button = ({ href, children }: { href: string; children: string }) => (
  <Section style={{ margin: '8px 0 20px' }}>
    <EmailButton href={href} style={styles.button}>
      {children}
    </EmailButton>
  </Section>
)
