import type { LinkFailure } from '../../../cms/newsletter'
import type { Locale } from '../urls'

type Reason = LinkFailure | 'not-subscribed'
/** A sentence with a link in it: text before, link text, text after. */
type Linked = [before: string, link: string, after: string]

/** The newsletter pages' text. Category, audience and system names stay as entered in the CMS (Italian). */
const it = {
  signupTitle: 'Newsletter delle biblioteche',
  signupDescription: 'Ricevi ogni settimana gli eventi delle biblioteche scelti per te.',
  signupLead:
    'Ogni giovedì mattina gli eventi dei dieci giorni successivi, scelti secondo le tue preferenze: letture per bambini, incontri, laboratori, spettacoli. Ti puoi disiscrivere in ogni momento.',
  checkMailTitle: 'Controlla la tua posta',
  checkMailText:
    'Se l’indirizzo è corretto, tra pochi minuti riceverai una mail: contiene il link per confermare l’iscrizione (o, se eri già iscritto, per gestire le tue preferenze). Finché non confermi non ti scriveremo altro.',
  checkSpam: 'Non la trovi? Guarda nella cartella della posta indesiderata.',
  signupFailed: 'Non abbiamo potuto completare l’iscrizione',
  emailLabel: 'Email (obbligatoria)',
  nameLabel: 'Nome (facoltativo)',
  nameHint: 'Solo per salutarti nelle mail.',
  languageLegend: 'Lingua delle mail',
  weeklyLabel: 'Voglio ricevere la newsletter settimanale (il giovedì mattina)',
  consentLabel: 'Ho letto l’informativa e acconsento a ricevere la newsletter.',
  honeypotLabel: 'Lascia vuoto questo campo',
  subscribeButton: 'Iscriviti',
  // preference fields
  choicesHint: 'Scegli cosa ti interessa: senza nessuna scelta riceverai tutti gli eventi della rete.',
  groups: {
    sistema: { legend: 'Sistemi bibliotecari', hint: 'Nessuna scelta = tutti.' },
    pubblico: { legend: 'Per chi', hint: 'Nessuna scelta = tutti i pubblici.' },
    categoria: { legend: 'Tipo di evento', hint: 'Nessuna scelta = tutti i tipi.' },
    campagna: { legend: 'Campagne di promozione della lettura', hint: 'Solo gli eventi di queste campagne.' },
  },
  comuniSummary: 'Comuni (facoltativo)',
  comuniLegend: 'Comuni',
  comuniHint: 'I comuni con una biblioteca della rete. Insieme ai sistemi: vale l’uno o l’altro.',
  agesLabel: 'Età dei bambini o ragazzi (facoltativo)',
  agesHint: 'In anni, separate da virgole: per esempio «2, 5» per due bambini di 2 e 5 anni.',
  // privacy notice
  privacySummary: (version: string) => `Informativa sulla privacy (versione ${version})`,
  privacy: [
    [
      'Chi tratta i dati.',
      'La Rete Bibliotecaria Bergamasca, per conto dei sei sistemi bibliotecari della provincia di Bergamo.',
    ],
    [
      'Perché.',
      'Per inviarti la newsletter con gli eventi delle biblioteche, secondo le preferenze che scegli. La base è il tuo consenso (art. 6.1.a del GDPR), che puoi ritirare in qualsiasi momento con il link presente in ogni mail.',
    ],
    [
      'Quali dati.',
      'L’indirizzo email, il nome se lo indichi, le preferenze e la lingua. Come prova del consenso conserviamo data e ora della richiesta e della conferma, la pagina del modulo, la versione di questa informativa e l’indirizzo IP troncato.',
    ],
    ['Per quanto.', 'Fino alla disiscrizione. Le richieste non confermate entro 7 giorni vengono cancellate.'],
    ['Doppia conferma.', 'Finché non confermi con il link che ti mandiamo, non riceverai nient’altro.'],
    [
      'I tuoi diritti.',
      'Accesso, rettifica, cancellazione, limitazione e portabilità dei dati; reclamo al Garante per la protezione dei dati personali. Le preferenze si cambiano dal link in fondo a ogni mail.',
    ],
  ] as [string, string][],
  // links from the mails
  linkProblemTitle: 'Il link non si può usare',
  toNewsletterPage: 'Vai alla pagina della newsletter',
  confirmTitle: 'Conferma l’iscrizione',
  confirmedTitle: 'Iscrizione confermata',
  confirmedText:
    'Grazie! Da ora riceverai la newsletter delle biblioteche. Ti abbiamo mandato una mail di benvenuto con il link per cambiare le preferenze.',
  seeEvents: 'Guarda gli eventi in programma',
  confirmStep: 'Manca un ultimo passo: conferma che vuoi ricevere la newsletter a questo indirizzo.',
  confirmButton: 'Conferma l’iscrizione',
  unsubscribeTitle: 'Annulla l’iscrizione alla newsletter',
  unsubscribedTitle: 'Iscrizione annullata',
  unsubscribedText: 'Fatto: non riceverai più la newsletter. Ci dispiace vederti andare.',
  resubscribe: ['Se cambi idea puoi ', 'iscriverti di nuovo', '.'] as Linked,
  notSubscribed: (email: string) => `L’indirizzo ${email} non è iscritto alla newsletter: non devi fare niente.`,
  unsubscribeQuestion: ['Vuoi smettere di ricevere la newsletter all’indirizzo ', '?'] as [string, string],
  unsubscribeButton: 'Annulla l’iscrizione',
  preferencesTitle: 'Le tue preferenze per la newsletter',
  unsubscribedFromPreferences: [
    'Non riceverai più la newsletter. Se cambi idea puoi ',
    'iscriverti di nuovo',
    '.',
  ] as Linked,
  noLongerSubscribed: (email: string): Linked => [
    `L’indirizzo ${email} non è più iscritto alla newsletter. Per ricevere di nuovo le mail, `,
    'iscriviti',
    ': ti chiederemo una nuova conferma.',
  ],
  preferencesSaved: 'Preferenze salvate. Ti abbiamo mandato una mail di conferma della modifica.',
  checkFields: 'Controlla i campi segnalati: le preferenze non sono state salvate.',
  subscriptionOf: 'Iscrizione di',
  saveButton: 'Salva le preferenze',
  leaveTitle: 'Non vuoi più ricevere la newsletter?',
  /** Null: the Italian message that came with the error is shown as it is. */
  linkErrors: null as Record<Reason, string> | null,
  fieldErrors: null as null | ((field: string, value: string) => string),
  tooManyRequests: null as string | null,
}

type Strings = typeof it

const en: Strings = {
  signupTitle: 'Library events newsletter',
  signupDescription: 'Get the library events you care about by email every week.',
  signupLead:
    'Every Thursday morning, the events of the following ten days, chosen by your preferences: readings for children, talks, workshops, shows. You can unsubscribe at any time. Event details are in Italian.',
  checkMailTitle: 'Check your inbox',
  checkMailText:
    'If the address is correct, you will receive an email in a few minutes: it contains the link to confirm your subscription (or, if you were already subscribed, to manage your preferences). Until you confirm, we will send you nothing else.',
  checkSpam: 'Can’t find it? Look in your spam folder.',
  signupFailed: 'We could not complete your subscription',
  emailLabel: 'Email (required)',
  nameLabel: 'First name (optional)',
  nameHint: 'Only to greet you in the emails.',
  languageLegend: 'Language of the emails',
  weeklyLabel: 'I want to receive the weekly newsletter (on Thursday mornings)',
  consentLabel: 'I have read the privacy notice and agree to receive the newsletter.',
  honeypotLabel: 'Leave this field empty',
  subscribeButton: 'Subscribe',
  choicesHint: 'Choose what interests you: with no choice at all you will receive every event of the network.',
  groups: {
    sistema: { legend: 'Library systems', hint: 'No choice = all of them.' },
    pubblico: { legend: 'Audience', hint: 'No choice = every audience.' },
    categoria: { legend: 'Type of event', hint: 'No choice = every type.' },
    campagna: { legend: 'Reading promotion campaigns', hint: 'Only the events of these campaigns.' },
  },
  comuniSummary: 'Towns (optional)',
  comuniLegend: 'Towns',
  comuniHint: 'The towns with a library of the network. Together with systems: either one matches.',
  agesLabel: 'Ages of the children or teenagers (optional)',
  agesHint: 'In years, separated by commas: for example “2, 5” for two children aged 2 and 5.',
  privacySummary: (version: string) => `Privacy notice (version ${version})`,
  privacy: [
    [
      'Who processes your data.',
      'The Rete Bibliotecaria Bergamasca, on behalf of the six library systems of the province of Bergamo.',
    ],
    [
      'Why.',
      'To send you the newsletter with library events, according to the preferences you choose. The legal basis is your consent (GDPR art. 6(1)(a)), which you can withdraw at any time with the link in every email.',
    ],
    [
      'What data.',
      'Your email address, your first name if you give it, your preferences and language. As proof of consent we keep the date and time of the request and of the confirmation, the page of the form, the version of this notice and your truncated IP address.',
    ],
    ['How long.', 'Until you unsubscribe. Requests not confirmed within 7 days are deleted.'],
    ['Double opt-in.', 'Until you confirm with the link we send you, you will receive nothing else.'],
    [
      'Your rights.',
      'Access, rectification, erasure, restriction and portability of your data; complaint to the Italian data protection authority (Garante per la protezione dei dati personali). You can change your preferences from the link at the bottom of every email.',
    ],
  ],
  linkProblemTitle: 'This link cannot be used',
  toNewsletterPage: 'Go to the newsletter page',
  confirmTitle: 'Confirm your subscription',
  confirmedTitle: 'Subscription confirmed',
  confirmedText:
    'Thank you! From now on you will receive the library newsletter. We have sent you a welcome email with the link to change your preferences.',
  seeEvents: 'See the upcoming events',
  confirmStep: 'One last step: confirm that you want to receive the newsletter at this address.',
  confirmButton: 'Confirm subscription',
  unsubscribeTitle: 'Unsubscribe from the newsletter',
  unsubscribedTitle: 'Unsubscribed',
  unsubscribedText: 'Done: you will not receive the newsletter any more. We are sorry to see you go.',
  resubscribe: ['If you change your mind you can ', 'subscribe again', '.'],
  notSubscribed: (email: string) => `The address ${email} is not subscribed to the newsletter: nothing to do.`,
  unsubscribeQuestion: ['Do you want to stop receiving the newsletter at ', '?'],
  unsubscribeButton: 'Unsubscribe',
  preferencesTitle: 'Your newsletter preferences',
  unsubscribedFromPreferences: [
    'You will not receive the newsletter any more. If you change your mind you can ',
    'subscribe again',
    '.',
  ],
  noLongerSubscribed: (email: string): Linked => [
    `The address ${email} is no longer subscribed to the newsletter. To receive the emails again, `,
    'subscribe',
    ': we will ask you to confirm again.',
  ],
  preferencesSaved: 'Preferences saved. We have sent you an email confirming the change.',
  checkFields: 'Please check the fields marked below: your preferences were not saved.',
  subscriptionOf: 'Subscription of',
  saveButton: 'Save preferences',
  leaveTitle: 'Don’t want the newsletter any more?',
  linkErrors: {
    invalid: 'The link is not valid: it may be incomplete or altered. Copy it in full from the email.',
    'wrong-purpose': 'This link is not meant for this page: use the right link from the email.',
    expired: 'The link has expired. Subscribe again from the newsletter page: we will send you a new link.',
    used: 'This link has already been used: your subscription is already confirmed.',
    gone: 'This subscription no longer exists: it may have been deleted. You can subscribe again from the newsletter page.',
    'not-subscribed':
      'This address is not subscribed to the newsletter: you can subscribe again from the newsletter page.',
  },
  fieldErrors: (field, value) =>
    field === 'email'
      ? value.trim()
        ? 'This does not look like a valid email address (for example: name@example.org).'
        : 'Enter your email address.'
      : field === 'consenso'
        ? 'To subscribe you must give your consent after reading the privacy notice.'
        : field === 'eta'
          ? 'Write the ages in years, separated by commas (for example: 2, 5).'
          : field === 'nome'
            ? 'The first name can be at most 60 characters long.'
            : 'This choice is not valid: please choose again.',
  tooManyRequests: 'Too many sign-up requests from this connection. Please try again in a few minutes.',
}

const STRINGS: Record<Locale, Strings> = { it, en }

export const newsletterStrings = (locale: Locale): Strings => STRINGS[locale]

/** A link problem in the page's language (the Italian text comes from collections/Subscribers/link-errors.ts). */
export const linkProblemText = (locale: Locale, problem: { reason: Reason; message: string }) =>
  newsletterStrings(locale).linkErrors?.[problem.reason] ?? problem.message

/** A form error in the page's language: Italian pages show the validator's own message. */
export const fieldErrorText = (locale: Locale, field: string, message: string, value: string) =>
  newsletterStrings(locale).fieldErrors?.(field, value) ?? message
