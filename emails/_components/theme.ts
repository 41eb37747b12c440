/**
 * Inline styles only (Gmail drops <style> in many views). Colours hold WCAG AA contrast on the light
 * background, and every block sets both background and text colour so clients that invert colours in
 * dark mode invert a consistent pair instead of leaving dark text on a dark background.
 */
export const COLORS = {
  text: '#1b1f24',
  muted: '#4a5560',
  link: '#0047a3',
  brand: '#0059b3',
  brandText: '#ffffff',
  page: '#f2f4f7',
  card: '#ffffff',
  rule: '#d0d6dd',
} as const

export const FONT = "'Titillium Web', 'Segoe UI', Arial, Helvetica, sans-serif"

export const styles = {
  body: { backgroundColor: COLORS.page, color: COLORS.text, fontFamily: FONT, margin: 0, padding: '24px 0' },
  container: {
    backgroundColor: COLORS.card,
    color: COLORS.text,
    maxWidth: '600px',
    margin: '0 auto',
    padding: '24px',
    borderRadius: '4px',
  },
  brand: { color: COLORS.brand, fontSize: '14px', fontWeight: 700, letterSpacing: '0.02em', margin: '0 0 16px' },
  h1: { color: COLORS.text, fontSize: '24px', lineHeight: '1.3', margin: '0 0 16px' },
  h2: { color: COLORS.text, fontSize: '19px', lineHeight: '1.3', margin: '24px 0 8px' },
  h3: { color: COLORS.text, fontSize: '16px', lineHeight: '1.4', margin: '0 0 4px' },
  text: { color: COLORS.text, fontSize: '16px', lineHeight: '1.5', margin: '0 0 12px' },
  small: { color: COLORS.muted, fontSize: '13px', lineHeight: '1.5', margin: '0 0 8px' },
  link: { color: COLORS.link, textDecoration: 'underline' },
  button: {
    backgroundColor: COLORS.brand,
    color: COLORS.brandText,
    fontSize: '16px',
    fontWeight: 700,
    padding: '12px 20px',
    borderRadius: '4px',
    textDecoration: 'none',
    display: 'inline-block',
  },
  rule: { borderColor: COLORS.rule, margin: '24px 0' },
} as const
