import type { LinkFailure } from './subscribers'

/** Italian explanations of a link that cannot be used, with the HTTP status each deserves. */
export const LINK_ERRORS: Record<LinkFailure | 'not-subscribed', { status: number; message: string }> = {
  invalid: {
    status: 400,
    message: 'Il link non è valido: forse è incompleto o è stato modificato. Copialo per intero dalla mail.',
  },
  'wrong-purpose': { status: 400, message: 'Questo link non serve per questa pagina: usa il link giusto della mail.' },
  expired: {
    status: 410,
    message: 'Il link è scaduto. Iscriviti di nuovo dalla pagina /newsletter: ti manderemo un nuovo link.',
  },
  used: { status: 410, message: 'Questo link è già stato usato: l’iscrizione risulta già confermata.' },
  gone: {
    status: 410,
    message: 'Questa iscrizione non esiste più: forse è stata cancellata. Puoi iscriverti di nuovo da /newsletter.',
  },
  'not-subscribed': {
    status: 409,
    message: 'Questo indirizzo non è iscritto alla newsletter: puoi iscriverti di nuovo da /newsletter.',
  },
} as const
