/** The real structure of the Rete Bibliotecaria Bergamasca, as demo data (addresses are illustrative). */
export type SeedSystem = { key: string; name: string; shortName: string; fromName: string; comuni: string[] }

export const SYSTEMS: SeedSystem[] = [
  {
    key: 'dalmine',
    name: 'Sistema Bibliotecario Area di Dalmine',
    shortName: 'Area di Dalmine',
    fromName: 'Biblioteche Area di Dalmine',
    comuni: ['Dalmine', 'Stezzano', 'Osio Sopra', 'Osio Sotto', 'Treviolo', 'Curno', 'Zanica'],
  },
  {
    key: 'nordovest',
    name: 'Sistema Bibliotecario Area Nord Ovest',
    shortName: 'Area Nord Ovest',
    fromName: 'Biblioteche Area Nord Ovest',
    comuni: [
      'Ponte San Pietro',
      'Bonate Sopra',
      "Calusco d'Adda",
      'Almenno San Salvatore',
      'Brembate di Sopra',
      'Zogno',
      'San Pellegrino Terme',
    ],
  },
  {
    key: 'bassa',
    name: 'Sistema Bibliotecario Bassa Pianura Bergamasca',
    shortName: 'Bassa Pianura Bergamasca',
    fromName: 'Biblioteche Bassa Pianura Bergamasca',
    comuni: [
      'Treviglio',
      'Caravaggio',
      'Romano di Lombardia',
      'Martinengo',
      'Cologno al Serio',
      'Calcio',
      "Fara Gera d'Adda",
    ],
  },
  {
    key: 'seriate',
    name: 'Sistema Bibliotecario Seriate Laghi',
    shortName: 'Seriate Laghi',
    fromName: 'Biblioteche Seriate Laghi',
    comuni: [
      'Seriate',
      'Grumello del Monte',
      'Sarnico',
      'Lovere',
      'Trescore Balneario',
      "Albano Sant'Alessandro",
      'Costa Volpino',
    ],
  },
  {
    key: 'valle',
    name: 'Sistema Bibliotecario Valle Seriana',
    shortName: 'Valle Seriana',
    fromName: 'Biblioteche Valle Seriana',
    comuni: ['Albino', 'Alzano Lombardo', 'Nembro', 'Clusone', 'Gazzaniga', 'Vertova', 'Gandino'],
  },
  {
    key: 'urbano',
    name: 'Sistema Bibliotecario Urbano di Bergamo',
    shortName: 'Urbano di Bergamo',
    fromName: 'Biblioteche di Bergamo',
    comuni: ['Bergamo'],
  },
]

/** The city system's libraries (all in the comune of Bergamo). */
export const CITY_LIBRARIES = [
  'Biblioteca Civica Angelo Mai',
  'Biblioteca Tiraboschi',
  'Biblioteca Caversazzi',
  'Biblioteca di Loreto',
  'Biblioteca di Redona',
  'Biblioteca di Valtesse',
]

export const CATEGORIES = [
  'Lettura ad alta voce',
  'Laboratorio',
  'Incontro con l’autore',
  'Presentazione di libro',
  'Gruppo di lettura',
  'Mostra',
  'Spettacolo',
  'Cinema',
  'Musica',
  'Conferenza',
  'Corso',
  'Visita guidata',
]

export const AUDIENCES: { name: string; slug: string; minAge?: number; maxAge?: number }[] = [
  { name: '0–3 anni', slug: '0-3-anni', minAge: 0, maxAge: 3 },
  { name: '3–6 anni (Nati per Leggere)', slug: '3-6-anni', minAge: 3, maxAge: 6 },
  { name: '6–10 anni', slug: '6-10-anni', minAge: 6, maxAge: 10 },
  { name: '11–13 anni', slug: '11-13-anni', minAge: 11, maxAge: 13 },
  { name: '14–18 anni', slug: '14-18-anni', minAge: 14, maxAge: 18 },
  { name: 'Adulti', slug: 'adulti', minAge: 18 },
  { name: 'Famiglie', slug: 'famiglie' },
  { name: 'Anziani', slug: 'anziani', minAge: 65 },
]

export const VENUES: { name: string; kind: string; comune: string; system: string }[] = [
  { name: 'Teatro Civico di Dalmine', kind: 'teatro', comune: 'Dalmine', system: 'dalmine' },
  { name: 'Parco Ghirardelli', kind: 'parco', comune: 'Treviglio', system: 'bassa' },
  { name: 'Piazza Garibaldi', kind: 'piazza', comune: 'Clusone', system: 'valle' },
  { name: 'Auditorium di Piazza Libertà', kind: 'auditorium', comune: 'Bergamo', system: 'urbano' },
  { name: 'Lungolago di Lovere', kind: 'piazza', comune: 'Lovere', system: 'seriate' },
  { name: 'Scuola primaria Papa Giovanni XXIII', kind: 'scuola', comune: 'Ponte San Pietro', system: 'nordovest' },
]
