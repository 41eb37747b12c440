/** Who runs the site: shown in the footer, the accessibility statement and structured data. */
export const NETWORK = {
  name: 'Rete Bibliotecaria Bergamasca',
  shortName: 'RBBG',
  /** Where citizens send feedback and accessibility reports (Legge 4/2004 feedback mechanism). */
  feedbackEmail: process.env.FEEDBACK_EMAIL ?? 'agenda@rbbg.example.org',
  license: 'CC-BY-4.0',
  licenseUrl: 'https://creativecommons.org/licenses/by/4.0/deed.it',
} as const
