/**
 * The words of the embeddable agenda script (`<agenda-rbbg>`, site/widget/agenda-rbbg.ts). They live apart from
 * it.ts/en.ts, which include them as `widget.script`, because the script ships to other websites within 10 KB
 * gzip and cannot carry the whole catalogue.
 */
export type WidgetScriptStrings = {
  /** The accessible name of the list's region. */
  region: string
  empty: string
  error: string
  /** The embed names a filter value that does not exist or is malformed (a mistyped snippet). */
  invalid: string
  /** Shown after the title of an event that will not take place as planned. */
  status: { cancelled: string; postponed: string; full: string; movedOnline: string; rescheduled: string }
  /** The link after the list, to the whole agenda with the same filters. */
  more: string
  /** Appended to a link's name when it opens in a new tab. */
  newTab: string
  allDay: string
}

export const WIDGET_SCRIPT_IT: WidgetScriptStrings = {
  region: 'Agenda delle biblioteche',
  empty: 'Nessun evento in programma.',
  error: 'Non è stato possibile caricare gli eventi. Riprova più tardi.',
  invalid: 'Un filtro di questa agenda non è valido: controlla il codice incollato nella pagina.',
  status: {
    cancelled: 'Annullato',
    postponed: 'Rinviato',
    full: 'Esaurito',
    movedOnline: 'Spostato online',
    rescheduled: 'Riprogrammato',
  },
  more: 'Tutti gli eventi in agenda',
  newTab: '(si apre in una nuova scheda)',
  allDay: 'tutto il giorno',
}

export const WIDGET_SCRIPT_EN: WidgetScriptStrings = {
  region: 'Library events',
  empty: 'No upcoming events.',
  error: 'The events could not be loaded. Please try again later.',
  invalid: 'A filter of this agenda is not valid: check the code pasted into the page.',
  status: {
    cancelled: 'Cancelled',
    postponed: 'Postponed',
    full: 'Fully booked',
    movedOnline: 'Moved online',
    rescheduled: 'Rescheduled',
  },
  more: 'All events in the agenda',
  newTab: '(opens in a new tab)',
  allDay: 'all day',
}
