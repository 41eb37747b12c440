/** Templates for demo events: title, summary, category names, audience slugs, duration in minutes. */
export type EventTemplate = {
  title: string
  summary: string
  categories: string[]
  audiences: string[]
  minutes: number
  campaign?: 'nati-per-leggere' | 'il-maggio-dei-libri' | 'estate-in-biblioteca'
}

export const TEMPLATES: EventTemplate[] = [
  {
    title: 'Storie piccine: letture per i più piccoli',
    summary: 'Letture ad alta voce e filastrocche per bambini da 0 a 3 anni con i loro genitori.',
    categories: ['Lettura ad alta voce'],
    audiences: ['0-3-anni', 'famiglie'],
    minutes: 45,
    campaign: 'nati-per-leggere',
  },
  {
    title: 'Nati per Leggere: il sabato delle storie',
    summary: 'I volontari NpL leggono albi illustrati per bambini dai 3 ai 6 anni.',
    categories: ['Lettura ad alta voce'],
    audiences: ['3-6-anni', 'famiglie'],
    minutes: 60,
    campaign: 'nati-per-leggere',
  },
  {
    title: 'Laboratorio di fumetto',
    summary: 'Inventiamo e disegniamo una storia a fumetti, dalla sceneggiatura alla tavola.',
    categories: ['Laboratorio'],
    audiences: ['6-10-anni'],
    minutes: 90,
  },
  {
    title: 'Gruppo di lettura: i classici',
    summary: 'Ci incontriamo per parlare del libro del mese. Partecipazione libera.',
    categories: ['Gruppo di lettura'],
    audiences: ['adulti'],
    minutes: 90,
  },
  {
    title: 'Incontro con l’autrice',
    summary: 'Una scrittrice bergamasca racconta il suo ultimo romanzo e dialoga con il pubblico.',
    categories: ['Incontro con l’autore', 'Presentazione di libro'],
    audiences: ['adulti'],
    minutes: 75,
    campaign: 'il-maggio-dei-libri',
  },
  {
    title: 'Caccia al tesoro in biblioteca',
    summary: 'Indizi, mappe ed enigmi tra gli scaffali per ragazze e ragazzi dagli 8 ai 12 anni.',
    categories: ['Laboratorio'],
    audiences: ['6-10-anni', '11-13-anni'],
    minutes: 90,
  },
  {
    title: 'Cineforum: film tratti da libri',
    summary: 'Proiezione e discussione di un film nato da un romanzo. Ingresso libero.',
    categories: ['Cinema'],
    audiences: ['adulti', '14-18-anni'],
    minutes: 150,
  },
  {
    title: 'Corso di alfabetizzazione digitale',
    summary: 'Smartphone, SPID e servizi online della biblioteca spiegati con calma.',
    categories: ['Corso'],
    audiences: ['anziani', 'adulti'],
    minutes: 120,
  },
  {
    title: 'Musica tra gli scaffali',
    summary: 'Un concerto acustico nella sala di lettura, con letture a tema.',
    categories: ['Musica', 'Spettacolo'],
    audiences: ['famiglie', 'adulti'],
    minutes: 75,
  },
  {
    title: 'Visita guidata ai fondi antichi',
    summary: 'Manoscritti, incunaboli e cinquecentine: una visita ai tesori della biblioteca.',
    categories: ['Visita guidata'],
    audiences: ['adulti'],
    minutes: 60,
  },
  {
    title: 'Conferenza: la storia della città',
    summary: 'Uno storico locale racconta come è cambiato il paese nel Novecento.',
    categories: ['Conferenza'],
    audiences: ['adulti', 'anziani'],
    minutes: 90,
  },
  {
    title: 'Teatro di burattini',
    summary: 'Uno spettacolo della tradizione bergamasca con Gioppino, per tutta la famiglia.',
    categories: ['Spettacolo'],
    audiences: ['famiglie', '3-6-anni', '6-10-anni'],
    minutes: 60,
  },
  {
    title: 'Book club ragazzi',
    summary: 'Leggere insieme, consigliarsi libri e parlarne senza compiti né voti.',
    categories: ['Gruppo di lettura'],
    audiences: ['11-13-anni', '14-18-anni'],
    minutes: 75,
    campaign: 'estate-in-biblioteca',
  },
  {
    title: 'Mostra di illustrazione per l’infanzia',
    summary: 'Le tavole originali degli albi illustrati più amati, da vedere con tutta la famiglia.',
    categories: ['Mostra'],
    audiences: ['famiglie'],
    minutes: 0,
  },
  {
    title: 'Perché leggere? Dialogo in città',
    summary: 'Una conversazione aperta sul perché leggere ancora, in città e nei paesi.',
    categories: ['Conferenza', 'Incontro con l’autore'],
    audiences: ['adulti'],
    minutes: 90,
    campaign: 'il-maggio-dei-libri',
  },
]

export const DEMO_NOTE = 'Contenuto dimostrativo: questo evento è stato generato per mostrare l’agenda della rete.'
