import { fromWall } from '../../collections/lib/recurrence'
import { stripControl } from '../../collections/Subscribers/hooks/normalizeSubscriber'

/** The form's fields, by their name in the page (Italian, like the agenda's parameters). */
export const PROPOSAL_FIELDS = [
  'biblioteca',
  'titolo',
  'descrizione',
  'inizio',
  'fine',
  'luogo',
  'categoria',
  'pubblico',
  'eta_min',
  'eta_max',
  'organizzazione',
  'nome',
  'email',
  'telefono',
] as const
export type ProposalField = (typeof PROPOSAL_FIELDS)[number]

/** What a field error says is in the strings catalogue (`proposals.errors`). */
export type ProposalError =
  | 'library'
  | 'title'
  | 'description'
  | 'start'
  | 'end'
  | 'place'
  | 'category'
  | 'audience'
  | 'age'
  | 'organiser'
  | 'name'
  | 'email'
  | 'phone'
  | 'consent'

export type ProposalValues = Record<ProposalField, string>

/** The checked form, ready for `submitProposal` (ids still to be checked against the database). */
export type ProposalInput = {
  library: number
  title: string
  description: string
  start: Date
  end: Date | null
  place: string
  category: number | null
  audience: number | null
  minAge: number | null
  maxAge: number | null
  organiserName: string
  name: string
  email: string
  phone: string
}

export type ProposalForm =
  | { ok: true; values: ProposalValues; input: ProposalInput }
  | { ok: false; values: ProposalValues; errors: Partial<Record<ProposalField | 'consenso', ProposalError>> }

const EMAIL = /^[^\s@<>]{1,64}@[^\s@<>]{1,253}\.[^\s@<>]{2,}$/
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/
const ID = /^\d{1,12}$/

/** A `datetime-local` value, read as Rome's wall-clock time. */
const romeInstant = (value: string): Date | null => {
  const m = LOCAL.exec(value)
  if (!m) return null
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number]
  const wall = new Date(Date.UTC(y, mo - 1, d, h, mi))
  if (wall.getUTCMonth() !== mo - 1 || wall.getUTCDate() !== d || h > 23 || mi > 59) return null
  return fromWall(wall)
}

const age = (v: string) => (v === '' ? null : /^\d{1,3}$/.test(v) ? Number(v) : Number.NaN)

/** Reads and checks the posted form: every error at once, each on its field, the values kept as typed. */
export const readProposalForm = (form: FormData, now: Date = new Date()): ProposalForm => {
  // The description keeps its line breaks (its paragraphs); every other field is one line.
  const clean = (f: ProposalField, raw: string) =>
    f === 'descrizione'
      ? raw
          .replace(/\r\n?/g, '\n')
          // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
          .replace(/[\u0000-\u0009\u000b-\u001f\u007f]+/g, ' ')
          .slice(0, 3100)
      : stripControl(raw).slice(0, 300)
  const values = Object.fromEntries(
    PROPOSAL_FIELDS.map((f) => [f, clean(f, String(form.get(f) ?? ''))]),
  ) as ProposalValues
  const v = (f: ProposalField) => values[f].trim()
  const errors: Partial<Record<ProposalField | 'consenso', ProposalError>> = {}
  if (!ID.test(v('biblioteca'))) errors.biblioteca = 'library'
  if (!v('titolo') || v('titolo').length > 200) errors.titolo = 'title'
  if (!v('descrizione') || v('descrizione').length > 3000) errors.descrizione = 'description'
  const start = romeInstant(v('inizio'))
  const maxAhead = now.getTime() + 2 * 365 * 86_400_000
  const startOk = !!start && start.getTime() > now.getTime() && start.getTime() <= maxAhead
  if (!startOk) errors.inizio = 'start'
  const end = v('fine') ? romeInstant(v('fine')) : null
  // An end is judged against a sound start only: one error at a time for the same mistake.
  if (v('fine') && (!end || (startOk && start && (end <= start || end.getTime() - start.getTime() > 366 * 86_400_000))))
    errors.fine = 'end'
  if (v('luogo').length > 200) errors.luogo = 'place'
  if (v('categoria') && !ID.test(v('categoria'))) errors.categoria = 'category'
  if (v('pubblico') && !ID.test(v('pubblico'))) errors.pubblico = 'audience'
  const minAge = age(v('eta_min'))
  const maxAge = age(v('eta_max'))
  const ageBad = (a: number | null) => a != null && (Number.isNaN(a) || a > 120)
  if (ageBad(minAge)) errors.eta_min = 'age'
  if (ageBad(maxAge) || (minAge != null && maxAge != null && maxAge < minAge)) errors.eta_max = 'age'
  if (!v('organizzazione') || v('organizzazione').length > 200) errors.organizzazione = 'organiser'
  if (!v('nome') || v('nome').length > 100) errors.nome = 'name'
  if (v('email').length > 254 || !EMAIL.test(v('email'))) errors.email = 'email'
  if (v('telefono') && !/^\+?[\d ]{5,30}$/.test(v('telefono'))) errors.telefono = 'phone'
  if (!form.get('consenso')) errors.consenso = 'consent'
  if (Object.keys(errors).length || !start) return { ok: false, values, errors }
  return {
    ok: true,
    values,
    input: {
      library: Number(v('biblioteca')),
      title: v('titolo'),
      description: v('descrizione'),
      start,
      end,
      place: v('luogo'),
      category: v('categoria') ? Number(v('categoria')) : null,
      audience: v('pubblico') ? Number(v('pubblico')) : null,
      minAge,
      maxAge,
      organiserName: v('organizzazione'),
      name: v('nome'),
      email: v('email').toLowerCase(),
      phone: v('telefono'),
    },
  }
}
