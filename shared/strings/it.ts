/**
 * The Italian strings of every layer: the site's chrome (`site`), the newsletter pages (`newsletter`), the mails
 * (`mail`) and the custom admin components (`admin`). Content (titles, descriptions, names) is always the Italian
 * one entered in the CMS; only the chrome around it is translated. The admin's own field labels stay in the
 * collection configs.
 */

/** A sentence with a link in it: text before, link text, text after. */
export type Linked = [before: string, link: string, after: string]
/** Why a personal link from a mail cannot be used (cms/newsletter's `LinkFailure`), or the address is not subscribed. */
export type LinkReason = 'invalid' | 'expired' | 'used' | 'gone' | 'wrong-purpose' | 'not-subscribed'

export const it = {
  site: {
    siteName: 'Agenda delle biblioteche',
    networkName: 'Rete Bibliotecaria Bergamasca',
    siteTagline: 'Gli eventi delle biblioteche della provincia di Bergamo',
    skipToContent: 'Vai al contenuto',
    mainNav: 'Menu principale',
    navHome: 'Home',
    navAgenda: 'Agenda',
    navCalendar: 'Calendario',
    navAccessibility: 'Accessibilità',
    languageSwitch: 'English',
    languageSwitchLang: 'en',
    languageSwitchLabel: 'Read this page in English',
    breadcrumb: 'Percorso',
    // home
    homeTitle: 'Agenda della Rete Bibliotecaria Bergamasca',
    homeIntro:
      'Letture, laboratori, incontri e spettacoli nelle biblioteche dei sei sistemi bibliotecari della provincia di Bergamo.',
    today: 'Oggi',
    weekend: 'Questo fine settimana',
    featured: 'In evidenza',
    campaignsAndFestivals: 'Campagne e festival',
    nothingToday: 'Oggi non ci sono altri eventi in programma.',
    nothingWeekend: 'Per ora nessun evento in programma nel fine settimana.',
    seeAllToday: 'Tutti gli eventi di oggi',
    seeAllWeekend: 'Tutti gli eventi del fine settimana',
    seeAgenda: 'Vai all’agenda completa',
    searchEvents: 'Cerca un evento',
    newsletterTitle: 'Ricevi gli eventi per email',
    // agenda
    agendaTitle: 'Agenda degli eventi',
    filters: 'Filtra gli eventi',
    moreFilters: 'Altri filtri',
    searchLabel: 'Cerca',
    searchHint: 'Titolo, biblioteca, comune, argomento',
    when: 'Quando',
    anyTime: 'Da oggi in poi',
    quando: {
      oggi: 'Oggi',
      domani: 'Domani',
      weekend: 'Questo fine settimana',
      settimana: 'Prossimi 7 giorni',
      mese: 'Prossimi 30 giorni',
    },
    fromDate: 'Dal giorno',
    toDate: 'Al giorno',
    system: 'Sistema bibliotecario',
    library: 'Biblioteca',
    comune: 'Comune',
    category: 'Tipo di evento',
    audience: 'Pubblico',
    age: 'Età (anni)',
    ageHint: 'Eventi adatti a queste età. Più bambini? Separa le età con una virgola: 2, 5',
    free: 'Solo eventi gratuiti',
    accessibility: 'Accessibilità',
    series: 'Rassegna',
    festival: 'Festival',
    campaign: 'Campagna',
    all: 'Tutti',
    allFeminine: 'Tutte',
    apply: 'Mostra gli eventi',
    reset: 'Azzera i filtri',
    activeFilters: 'Filtri attivi',
    removeFilter: (label: string) => `Rimuovi il filtro ${label}`,
    results: (n: number) => (n === 1 ? '1 evento' : `${n.toLocaleString('it-IT')} eventi`),
    noResults: 'Nessun evento corrisponde alla ricerca.',
    ongoing: 'In corso',
    page: (n: number, of: number) => `Pagina ${n} di ${of}`,
    pagination: 'Paginazione',
    previousPage: 'Pagina precedente',
    nextPage: 'Pagina successiva',
    listView: 'Elenco',
    calendarView: 'Calendario del mese',
    openData: 'Dati aperti (JSON)',
    rss: 'Feed RSS',
    // dates (site/lib/format.ts)
    /** How dates and numbers are written (Intl). */
    intlLocale: 'it-IT',
    /** The words around an occurrence's days and times: "da … a …", "fino a …", "tutto il giorno". */
    span: { allDay: 'tutto il giorno', from: 'da', to: 'a', until: 'fino a' },
    // calendar
    calendarTitle: (month: string) => `Calendario: ${month}`,
    previousMonth: 'Mese precedente',
    nextMonth: 'Mese successivo',
    weekdays: ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'],
    weekdaysShort: ['lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'],
    moreOnDay: (n: number) => `altri ${n}`,
    noEventsInMonth: 'Nessun evento in questo mese con i filtri scelti.',
    // event
    upcomingDates: 'Prossime date',
    noUpcomingDates: 'Questo evento non ha altre date in programma.',
    moreDates: (n: number) => (n === 1 ? 'Mostra un’altra data' : `Mostra altre ${n} date`),
    where: 'Dove',
    openMap: 'Apri la mappa su OpenStreetMap',
    online: 'Online',
    onlineLink: 'Partecipa online',
    booking: 'Prenotazione',
    bookingModes: {
      none: 'Non serve prenotare',
      required: 'Prenotazione obbligatoria',
      recommended: 'Prenotazione consigliata',
    },
    bookOnline: 'Prenota online',
    entry: 'Ingresso',
    freeEntry: 'Ingresso gratuito',
    forWhom: 'Per chi',
    ages: (min: number | null, max: number | null) =>
      min != null && max != null ? `da ${min} a ${max} anni` : min != null ? `da ${min} anni` : `fino a ${max} anni`,
    languages: 'Lingue',
    organizer: 'Organizza',
    partOf: 'Fa parte di',
    addToCalendar: 'Aggiungi al calendario',
    downloadIcs: 'Scarica il file .ics (Apple, Android, Thunderbird)',
    googleCalendar: 'Google Calendar',
    outlookCalendar: 'Outlook',
    share: 'Condividi',
    shareEmail: 'Email',
    description: 'Descrizione',
    note: 'Nota',
    statusLabel: 'Stato',
    // entities
    upcomingEvents: 'Prossimi eventi',
    allEventsOf: 'Tutti gli eventi',
    noUpcomingEvents: 'Nessun evento in programma al momento.',
    contacts: 'Contatti',
    address: 'Indirizzo',
    phone: 'Telefono',
    email: 'Email',
    website: 'Sito web',
    libraries: 'Biblioteche',
    period: 'Periodo',
    kinds: {
      sistema: 'Sistema bibliotecario',
      biblioteca: 'Biblioteca',
      rassegna: 'Rassegna',
      festival: 'Festival',
      campagna: 'Campagna',
    },
    // footer
    footerAbout:
      'L’agenda comune dei sei sistemi bibliotecari della provincia di Bergamo: Area di Dalmine, Area Nord Ovest, Bassa Pianura Bergamasca, Seriate Laghi, Valle Seriana e Sistema Bibliotecario Urbano di Bergamo.',
    footerSystems: 'I sistemi bibliotecari',
    footerInfo: 'Informazioni',
    accessibilityStatement: 'Dichiarazione di accessibilità',
    feedback: 'Segnala un problema',
    feedbackSubject: 'Segnalazione sul sito Agenda delle biblioteche',
    openDataLicense: 'I dati degli eventi sono rilasciati con licenza CC BY 4.0.',
    noCookies: 'Questo sito non usa cookie di profilazione né di analisi.',
    // errors
    notFoundTitle: 'Pagina non trovata',
    notFoundText: 'La pagina che cerchi non esiste o non è più disponibile. Forse l’evento è stato rimosso.',
    badRequestTitle: 'Richiesta non valida',
    badRequestText: (param: string) => `Il parametro «${param}» non è valido.`,
    serverErrorTitle: 'Si è verificato un errore',
    serverErrorText: 'Non siamo riusciti a mostrare la pagina. Riprova tra qualche minuto.',
    backHome: 'Torna alla home',
    backToAgenda: 'Torna all’agenda',
    // card
    place: 'Luogo',
    time: 'Orario',
    statusLabels: {
      scheduled: 'In programma',
      cancelled: 'Annullato',
      postponed: 'Rinviato',
      rescheduled: 'Riprogrammato',
      full: 'Esaurito',
      movedOnline: 'Spostato online',
    },
    // Everyday use (issue 19): search suggestion, near me, the chosen date of an event, index pages, home
    didYouMean: 'Forse cercavi',
    chosenDate: 'La data che hai scelto',
    chosenDateTag: 'Data scelta',
    chosenPastDateTag: 'Data scelta, già passata',
    thisDate: 'Questa data',
    nextDate: 'La prossima data',
    addThisDate: 'Aggiungi questa data (file .ics: Apple, Android, Thunderbird)',
    addAllDates: 'Aggiungi tutte le date (file .ics)',
    indexTitles: {
      sistema: 'Sistemi bibliotecari',
      biblioteca: 'Biblioteche',
      rassegna: 'Rassegne',
      festival: 'Festival',
      campagna: 'Campagne',
    },
    indexIntros: {
      sistema: 'I sei sistemi bibliotecari della rete e quanti eventi hanno in programma.',
      biblioteca: 'Le biblioteche della rete, per sistema bibliotecario, con il loro prossimo evento.',
      rassegna: 'Cicli di incontri, letture e proiezioni delle biblioteche della rete.',
      festival: 'I festival organizzati dalle biblioteche della rete.',
      campagna: 'Le campagne di promozione della lettura a cui partecipano le biblioteche.',
    },
    comingEvents: (n: number) =>
      n === 1 ? '1 evento in programma' : `${n.toLocaleString('it-IT')} eventi in programma`,
    nextOn: (day: string) => `il prossimo ${day}`,
    ongoingNow: 'uno è in corso ora',
    nothingComing: 'Nessun evento in programma al momento',
    nothingListed: 'Non c’è ancora niente da mostrare.',
    explore: 'Esplora',
    near: 'Vicino a',
    nearHint: 'Gli eventi nei comuni entro questa distanza da quello scelto',
    nearAll: 'Ovunque',
    nearChip: (comune: string, km: number) => `Entro ${km} km da ${comune}`,
    nearTitle: 'Eventi vicino a te',
    nearIntro: 'Scegli il tuo comune: ti mostriamo gli eventi delle biblioteche nei dintorni.',
    nearComune: 'Il tuo comune',
    nearRadius: 'Distanza massima',
    nearKm: (km: number) => `${km} km`,
    nearSubmit: 'Mostra gli eventi vicini',
    distanceKm: (km: number) => (km < 1 ? 'nel tuo comune' : `a ${Math.round(km)} km`),
    nearChoose: 'Scegli…',
    weekendForChildren: 'Questo fine settimana per bambini e famiglie',
    seeAll: 'Vedi tutti',
    // the parent on a phone (issue 19): search box, "Filtra" disclosure
    searchButton: 'Cerca',
    filterToggle: 'Filtra',
    filtersInUse: (n: number) => (n === 1 ? '1 attivo' : `${n} attivi`),
    // no results: wider searches that find something; the subscribe box's calendar name
    suggestionsLead: 'Allargando la ricerca',
    suggestAnyAge: 'Per tutte le età',
    suggestAnyAudience: 'Per tutti i pubblici',
    suggestSystems: (names: string[]) =>
      names.length === 1
        ? `In tutto il sistema ${names[0]}`
        : `In tutti i sistemi ${names.slice(0, -1).join(', ')} e ${names.at(-1)}`,
    suggestNetwork: 'In tutta la rete, in ogni sistema',
    suggestWeekend: (saturday: string) => `Nel fine settimana di ${saturday}`,
    suggestAnyDate: 'In qualsiasi data, da oggi in poi',
    suggestWithoutWords: (q: string) => `Senza cercare «${q}»`,
    suggestNotOnlyFree: 'Anche gli eventi a pagamento',
    noWiderResults: 'Nemmeno allargando la ricerca ci sono eventi in programma.',
    calendarName: 'Nome del calendario:',
    calendarEmpty:
      'Per ora il calendario è vuoto: si riempirà da solo quando le biblioteche pubblicheranno eventi che corrispondono alla ricerca.',
    // month view: a title repeated on one day is one entry
    calendarDates: (n: number) => `${n} appuntamenti`,
    calendarLibraries: (n: number) => `${n} biblioteche`,
  },
  newsletter: {
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
    linkErrors: null as Record<LinkReason, string> | null,
    fieldErrors: null as null | ((field: string, value: string) => string),
    tooManyRequests: null as string | null,
  },
  registrations: {
    /** Children are registered by age band, never by name. Values are stable identifiers. */
    ageBands: {
      '0-2': '0–2 anni',
      '3-5': '3–5 anni',
      '6-10': '6–10 anni',
      '11-14': '11–14 anni',
      '15-18': '15–18 anni',
    },
    modes: {
      off: 'Nessuna iscrizione sul sito',
      required: 'Iscrizione obbligatoria',
      optional: 'Iscrizione facoltativa',
    },
    statuses: {
      confirmed: 'Confermata',
      waiting: 'In lista d’attesa',
      offered: 'Posto offerto (in attesa di risposta)',
      cancelled: 'Annullata',
      attended: 'Presente',
    },
    /** How a booking reached the library. */
    sources: { web: 'Dal sito', desk: 'Allo sportello', phone: 'Per telefono', staff: 'Personale (agenda interna)' },
    /** The messages of a refused booking, each naming its field (the wing's answer; pages show them). */
    errors: {
      noEvent: 'Evento: questo evento non esiste o non è pubblicato.',
      off: 'Evento: per questo evento non ci si iscrive dal sito.',
      unknownDate: 'Data: questa data non è tra quelle dell’evento.',
      cancelledDate: 'Data: questa data è stata annullata.',
      dateOff: 'Data: a questa data si partecipa senza iscrizione.',
      closed: 'Data: le iscrizioni per questa data sono chiuse.',
      full: 'Data: i posti per questa data sono esauriti.',
      adults: 'Adulti: serve almeno un adulto (un numero intero).',
      tooMany: (max: number) => `Persone: al massimo ${max} persone per iscrizione, adulti e bambini insieme.`,
      band: (band: string) => `Bambini: la fascia d’età «${band.slice(0, 20)}» non è prevista per questo evento.`,
      noChildren: 'Bambini: questo evento non prevede iscrizioni di bambini.',
      name: 'Nome: scrivi il nome e cognome di un adulto.',
      nameLong: 'Nome: al massimo 100 caratteri.',
      nameControl: 'Nome: il nome deve stare su una riga, senza caratteri di controllo.',
      email: 'Email: questo non sembra un indirizzo email valido (esempio: nome@dominio.it).',
      phone: 'Telefono: solo cifre, spazi e i segni + - ( ) /, al massimo 30 caratteri.',
      consent: 'Consenso: per iscriverti devi dare il consenso dopo aver letto l’informativa.',
      tooManyRequests: (minutes: number) =>
        `Troppe iscrizioni da questa connessione. Riprova tra ${minutes} ${minutes === 1 ? 'minuto' : 'minuti'}.`,
      notAForm: 'Modulo non valido: torna alla pagina dell’evento e riprova.',
      notOpen: (when: string) => `Data: le iscrizioni per questa data si aprono ${when}.`,
      answerLong: 'Risposta: al massimo 500 caratteri.',
      answerControl: 'Risposta: scrivi solo testo, senza caratteri di controllo.',
      contact: 'Contatto: serve almeno un’email o un numero di telefono della persona.',
    },
    /** Why a booking could not change status (the desk, offers, check-in). */
    statusErrors: {
      notFound: 'Iscrizione: non esiste (o i suoi dati sono già stati cancellati).',
      notAllowed: (from: string, to: string) => `Stato: un’iscrizione «${from}» non può diventare «${to}».`,
      changed: 'Stato: l’iscrizione è stata cambiata da qualcun altro nel frattempo. Ricarica la pagina.',
      full: 'Posti: non ci sono abbastanza posti liberi per questa data.',
    },
    /** Why a freed place offered to the waiting list cannot be accepted. */
    offerErrors: {
      invalid: 'Link non valido: copialo per intero dalla mail.',
      expired: 'L’offerta è scaduta: il posto è passato alla persona successiva in lista d’attesa.',
      accepted: 'Hai già accettato questo posto: l’iscrizione è confermata.',
    },
    cancelErrors: {
      unavailable: 'Questo evento non è più pubblicato: per l’iscrizione rivolgiti alla biblioteca.',
      malformed: 'Link di annullamento non valido: copialo per intero dalla mail.',
      forged: 'Link di annullamento non valido: copialo per intero dalla mail.',
      expired: 'Il link di annullamento è scaduto: la data dell’evento è passata.',
      used: 'Questa iscrizione è già stata annullata.',
    },
    heading: 'Iscrizione',
    placesLeft: (n: number) => (n === 1 ? '1 posto libero' : `${n} posti liberi`),
    lastPlaces: (n: number) => (n === 1 ? 'Ultimo posto' : `Ultimi ${n} posti`),
    fullWaiting: 'Completo – lista d’attesa',
    full: 'Completo',
    closed: 'Iscrizioni chiuse',
    date: 'Data',
    name: 'Nome e cognome di un adulto',
    email: 'Email',
    phone: 'Telefono (facoltativo)',
    adults: 'Adulti',
    children: 'Bambini e ragazzi per fascia d’età',
    maxPeople: (n: number) => `Al massimo ${n} persone per iscrizione.`,
    consent: 'Ho letto l’informativa sulla privacy e acconsento al trattamento dei dati per questa iscrizione.',
    /** The privacy notice of a booking, shown in the form: who, what, why, for how long, the person's rights. */
    privacyNotice: {
      summary: 'Informativa sulla privacy delle iscrizioni',
      link: 'Leggi l’informativa',
      items: (organiser: string, days: number): [string, string][] => [
        [
          'Titolare del trattamento:',
          `${organiser}, che organizza l’evento, per conto della Rete Bibliotecaria Bergamasca.`,
        ],
        [
          'Quali dati:',
          'nome e cognome di un adulto, email, telefono se lo indichi, il numero di adulti e la fascia d’età di ciascun bambino (mai il nome di un bambino), e la risposta alla domanda dell’evento se c’è (può contenere dati sensibili, come allergie).',
        ],
        [
          'Perché:',
          'per gestire la tua iscrizione: confermarla, ricordartela, avvisarti se la data cambia o è annullata, offrirti un posto liberato e registrare la presenza. Base giuridica: il servizio che chiedi (art. 6.1.b GDPR) e, per la risposta alla domanda, il tuo consenso esplicito (art. 9.2.a).',
        ],
        [
          'Chi li vede:',
          'solo il personale della biblioteca e del sistema che organizza l’evento. Non li usiamo per newsletter o pubblicità e non li diamo a nessuno.',
        ],
        [
          'Per quanto tempo:',
          `si cancellano da soli ${days} giorni dopo la data dell’evento; restano solo numeri anonimi (quante persone, per fascia d’età).`,
        ],
        [
          'I tuoi diritti:',
          'puoi vedere, correggere o cancellare i tuoi dati dal link “Le mie prenotazioni” della mail o scrivendo alla biblioteca; puoi reclamare al Garante per la protezione dei dati personali.',
        ],
      ],
    },
    privacyText:
      'Nome, email e telefono servono solo per questa iscrizione: li vede la biblioteca che organizza l’evento e non sono usati per altro. Dei bambini registriamo solo la fascia d’età.',
    submit: 'Iscriviti',
    honeypot: 'Non compilare questo campo',
    doneTitle: 'Iscrizione ricevuta',
    confirmedText: 'Il posto è tuo: ti abbiamo inviato una mail di conferma con il link per modificare o annullare.',
    waitingText:
      'I posti sono esauriti: sei in lista d’attesa. Se si libera un posto ti scriviamo e avrai un tempo limitato per accettarlo.',
    errorTitle: 'Iscrizione non riuscita',
    backToEvent: 'Torna all’evento',
    cancelTitle: 'Annulla l’iscrizione',
    cancelText: 'Vuoi annullare l’iscrizione? Il posto tornerà disponibile per altre persone.',
    cancelSubmit: 'Annulla l’iscrizione',
    cancelledTitle: 'Iscrizione annullata',
    cancelledText: 'L’iscrizione è stata annullata. Grazie per averci avvisato.',
  },
  // Offers to the waiting list, reminders and "Le mie prenotazioni" (site pages and mails).
  bookingManage: {
    /** The event page's booking box. */
    box: {
      /** `when` starts with the day: "dall’8 dicembre", "dall’11 dicembre", "dal 12 dicembre". */
      opensOn: (when: string) => `Iscrizioni ${/^(8|11)\D/.test(when) ? 'dall’' : 'dal '}${when}`,
      notYetOpen: 'Le iscrizioni non sono ancora aperte: torna dalla data indicata.',
      questionHint:
        'Facoltativo. È un dato sensibile: lo legge solo la biblioteca che organizza l’evento e lo cancelliamo insieme all’iscrizione.',
    },
    /** The result page after booking, when the booking joined the waiting list. */
    waitingTitle: 'Sei in lista d’attesa',
    /** A booking's own page (/iscrizioni/gestisci), reached from every mail. */
    booking: {
      title: 'La tua iscrizione',
      event: 'Evento',
      when: 'Quando',
      where: 'Dove',
      people: 'Persone',
      status: 'Stato',
      offered: (until: string) => `Si è liberato un posto ed è riservato a te fino a ${until}.`,
      acceptOffer: 'Accetta o rifiuta il posto',
      changeLegend: 'Cambia il numero di persone',
      changeSubmit: 'Salva il numero di persone',
      changed: (people: string) =>
        `Fatto: ora l’iscrizione è per ${people}. Ti abbiamo inviato una mail con i dati aggiornati.`,
      changeClosed: 'Le iscrizioni per questa data sono chiuse: il numero di persone non si può più cambiare.',
      cancelHeading: 'Annulla l’iscrizione',
      cancelText: 'Non puoi più venire? Annulla: il posto passerà subito ad altre persone.',
      cancelSubmit: 'Annulla l’iscrizione',
      cancelledTitle: 'Iscrizione annullata',
      cancelledText: 'L’iscrizione è stata annullata. Grazie per averci avvisato: ti abbiamo inviato una mail.',
      attended: 'Il tuo arrivo è stato registrato: grazie di essere venuto.',
      past: 'La data è passata: l’iscrizione non si può più cambiare.',
      mine: 'Le mie prenotazioni',
      errors: {
        malformed: 'Link non valido: copialo per intero dalla mail.',
        forged: 'Link non valido: copialo per intero dalla mail.',
        expired: 'Il link è scaduto: la data dell’evento è passata.',
        used: 'Questa iscrizione è già stata annullata.',
      },
    },
    /** The page of an offered place (/iscrizioni/offerta). */
    offer: {
      title: 'Si è liberato un posto per te',
      text: (until: string) =>
        `Il posto è riservato a te fino a ${until}. Se non lo accetti entro allora, passa alla persona successiva in lista d’attesa.`,
      accept: 'Accetta il posto',
      declineText: 'Non puoi venire? Rinuncia: il posto passa subito alla persona successiva.',
      decline: 'Rinuncia al posto',
      acceptedTitle: 'Posto confermato',
      acceptedText: 'Il posto è tuo. Ti abbiamo inviato la mail di conferma con il codice QR e il calendario.',
      declinedTitle: 'Hai rinunciato al posto',
      declinedText: 'Il posto passa alla persona successiva in lista d’attesa. Grazie per averci avvisato.',
      problemTitle: 'Offerta non disponibile',
      open: 'Vedi la tua iscrizione',
    },
    /** "Le mie prenotazioni" (/iscrizioni/mie): an address's bookings, from a signed link in every mail. */
    mine: {
      title: 'Le mie prenotazioni',
      intro: (email: string) =>
        `Le iscrizioni fatte con l’indirizzo ${email}: quelle in arrivo e quelle degli ultimi 30 giorni.`,
      upcoming: 'In arrivo',
      past: 'Ultimi 30 giorni',
      none: 'Nessuna iscrizione in arrivo o negli ultimi 30 giorni con questo indirizzo.',
      noPast: 'Nessuna iscrizione negli ultimi 30 giorni.',
      noUpcoming: 'Nessuna iscrizione in arrivo.',
      privacy:
        'I dati personali di ogni iscrizione vengono cancellati alcune settimane dopo la data: da allora l’iscrizione non compare più qui.',
      errors: {
        malformed: 'Link non valido: copialo per intero dall’ultima mail di iscrizione.',
        forged: 'Link non valido: copialo per intero dall’ultima mail di iscrizione.',
        expired: 'Il link è scaduto (vale 90 giorni): usa quello dell’ultima mail di iscrizione che hai ricevuto.',
      },
    },
    /** The mails of a booking. */
    mail: {
      when: 'Quando',
      where: 'Dove',
      who: 'Persone',
      change: 'Modifica o annulla',
      changeNote: 'Puoi cambiare il numero di persone o annullare fino alla chiusura delle iscrizioni.',
      mine: 'Le mie prenotazioni',
      mineNote: 'Tutte le iscrizioni di questo indirizzo, senza account (il link vale 90 giorni).',
      eventLink: 'Vedi l’evento sul sito',
      qrAlt: 'Codice QR dell’iscrizione, da mostrare all’ingresso',
      qrNote: 'All’ingresso mostra questo codice QR: la biblioteca lo legge per registrare il tuo arrivo.',
      icsNote: 'In allegato trovi la data da aggiungere al tuo calendario.',
      footer: 'Ricevi questa mail perché hai fatto un’iscrizione a un evento dell’Agenda delle biblioteche.',
      confirmation: {
        subject: (waiting: boolean, title: string) =>
          waiting ? `Lista d’attesa: ${title}` : `Iscrizione confermata: ${title}`,
        confirmed: 'Iscrizione confermata',
        waiting: 'Sei in lista d’attesa',
        confirmedBody: 'Il tuo posto è prenotato. Ecco i dettagli:',
        waitingBody: 'I posti sono esauriti: la tua richiesta è in lista d’attesa. Ecco i dettagli:',
        waitingNote: (hours: number) =>
          `Se si libera un posto che basta per tutti voi ti scriviamo: avrai ${hours} ore per accettarlo.`,
      },
      offer: {
        subject: (title: string) => `Si è liberato un posto: ${title}`,
        title: 'Si è liberato un posto per te',
        body: 'Eri in lista d’attesa e ora c’è posto per te:',
        until: (deadline: string) => `Il posto è riservato a te fino a ${deadline}.`,
        accept: 'Accetta il posto',
        passes:
          'Se non lo accetti entro quell’ora, il posto passa automaticamente alla persona successiva in lista d’attesa. Se non puoi venire, puoi rinunciare dalla stessa pagina.',
      },
      offerExpired: {
        subject: (title: string) => `Offerta scaduta: ${title}`,
        title: 'L’offerta del posto è scaduta',
        body: 'Non hai accettato in tempo il posto che si era liberato: è passato alla persona successiva in lista d’attesa e la tua richiesta è chiusa.',
        again: 'Se ci sono ancora posti, puoi iscriverti di nuovo dalla pagina dell’evento.',
      },
      reminder: {
        subject: (title: string) => `Promemoria: ${title}`,
        title: 'Ci vediamo presto',
        body: 'Ti ricordiamo la tua iscrizione:',
        cantCome: 'Se non puoi più venire, annulla: il posto passerà a chi è in lista d’attesa.',
      },
      updated: {
        subject: (title: string) => `Iscrizione aggiornata: ${title}`,
        title: 'Iscrizione aggiornata',
        body: 'Il numero di persone della tua iscrizione è cambiato. Ecco i dati aggiornati:',
      },
      cancelled: {
        subject: (title: string) => `Iscrizione annullata: ${title}`,
        title: 'Iscrizione annullata',
        body: 'Questa iscrizione è stata annullata e il posto è tornato disponibile:',
        notYou: 'Se non l’hai annullata tu, l’ha fatto la biblioteca: per qualsiasi domanda contattala.',
        icsNote: 'Il file in allegato segna la data come annullata nel tuo calendario.',
      },
    },
  },

  // (spacer: keeps the sections below apart)

  // Change notices to the people booked on a date (mails).
  bookingNotices: {
    kinds: {
      cancelled: 'Data annullata',
      postponed: 'Data rinviata',
      moved: 'Data o orario cambiati',
      place: 'Luogo cambiato',
      status: 'Stato dell’evento cambiato',
    } as Record<string, string>,
    /** The subject's first words, by kind (the event's title follows). */
    subjects: {
      cancelled: 'Data annullata',
      postponed: 'Data rinviata',
      moved: 'Cambio di data o orario',
      place: 'Cambio di luogo',
      status: 'Aggiornamento',
    } as Record<string, string>,
    intro: {
      cancelled:
        'La data per cui avevi fatto l’iscrizione è stata annullata, e con lei la tua iscrizione: non devi fare nulla.',
      postponed:
        'La data per cui hai fatto l’iscrizione è stata rinviata. La tua iscrizione resta valida: riceverai un’altra mail quando la nuova data sarà decisa.',
      changed:
        'Sono cambiati alcuni dettagli della data per cui hai fatto l’iscrizione. La tua iscrizione resta valida.',
    },
    whatChanged: 'Cosa è cambiato',
    fields: { time: 'Data e ora', place: 'Luogo', status: 'Stato' },
    before: 'Prima',
    after: 'Ora',
    online: 'Online',
    noPlace: 'Luogo da definire',
    when: 'Quando',
    where: 'Dove',
    who: 'Persone',
    cancelledDate: 'Data annullata',
    cancel: 'Annulla l’iscrizione',
    cancelNote: 'Se non puoi più venire, annulla: il posto passerà ad altre persone. Il link vale una sola volta.',
    calendarNote: 'In allegato trovi il file evento.ics: aprilo per aggiornare questa data nel tuo calendario.',
    details: 'Vedi l’evento sul sito',
    footer: 'Ricevi questa mail perché hai fatto un’iscrizione a un evento dell’Agenda delle biblioteche.',
    /** The title of a notice in the admin's list: what happened, to which event, on which date. */
    title: (label: string, event: string, when: string): string => `${label}: ${event}, ${when}`,
    // the event's edit view (sidebar)
    adminHeading: 'Avvisi alle persone iscritte',
    adminSentTo: (n: number, when: string): string =>
      `Avviso inviato a ${n} ${n === 1 ? 'persona' : 'persone'} il ${when}`,
    adminSending: (sent: number, total: number): string => `Avviso in invio: ${sent} di ${total} mail consegnate`,
    adminFailed: (n: number): string => `${n} ${n === 1 ? 'mail non riuscita' : 'mail non riuscite'}`,
    adminNoEmail: (n: number): string =>
      `${n} ${n === 1 ? 'iscrizione senza email' : 'iscrizioni senza email'}: da avvisare per telefono`,
    adminDate: 'Data interessata',
    adminAll: 'Tutti gli avvisi di questo evento',
    adminAt: 'alle',
  },

  // (spacer: keeps the sections below apart)

  // Staff-only events and the internal agenda (admin).
  staffAgenda: {
    navLink: 'Agenda interna',
    title: 'Agenda interna del personale',
    intro:
      'Formazione e incontri riservati al personale della rete: non compaiono sul sito. Ti iscrivi con il tuo nome e l’email con cui accedi; la conferma arriva per email.',
    caption: 'Prossimi eventi riservati al personale, in ordine di data',
    empty: 'Nessun evento riservato al personale in programma.',
    columns: {
      date: 'Data',
      time: 'Orario',
      event: 'Evento',
      place: 'Luogo',
      organiser: 'Organizza',
      places: 'Posti',
      registration: 'Iscrizione',
    },
    allDay: 'Tutto il giorno',
    noLimit: 'Senza limite',
    noRegistration: 'Senza iscrizione',
    colleagues: 'Colleghi con te',
    colleaguesHint: (max: number) => (max <= 1 ? 'Solo tu.' : `Oltre a te, al massimo ${max - 1}.`),
    book: 'Iscrivimi',
    booked: 'Sei iscritto/a',
    waiting: 'Sei in lista d’attesa',
    offered: 'Ti è offerto un posto: controlla la mail',
    people: (n: number) => (n <= 1 ? 'solo tu' : `tu e ${n - 1} ${n === 2 ? 'collega' : 'colleghi'}`),
    cancel: 'Annulla la mia iscrizione',
    done: {
      confirmed: 'Iscrizione confermata: sei iscritto/a. Ti abbiamo inviato una mail di conferma.',
      waiting: 'I posti sono esauriti: sei in lista d’attesa. Ti abbiamo inviato una mail.',
      cancelled: 'La tua iscrizione è stata annullata.',
    },
    errorTitle: 'Operazione non riuscita',
    errors: {
      login: 'Accesso riservato al personale: accedi al pannello di amministrazione e riprova.',
      forbidden: 'Solo il personale della rete può iscriversi agli eventi interni.',
      event: 'Evento: indica un evento dell’agenda interna.',
      start: 'Data: indica una delle date dell’evento.',
      colleagues: 'Colleghi: scrivi un numero intero da 0 a 49.',
      registration: 'Iscrizione: indica quale tua iscrizione annullare.',
      notAForm: 'Richiesta non valida: torna all’agenda interna e riprova.',
      notStaffOnly: 'Evento: non è un evento riservato al personale; ci si iscrive dalla sua pagina sul sito.',
      already: 'Data: sei già iscritto/a a questa data.',
      notFound: 'Iscrizione: non c’è una tua iscrizione da annullare per una data ancora da venire.',
    },
  },

  // (spacer: keeps the sections below apart)

  // The registrations desk in the admin (lists, check-in, exports).
  bookingDesk: {
    navLink: 'Sportello iscrizioni',
    /** The desk's index: the dates of events with registration. */
    indexTitle: 'Sportello iscrizioni',
    indexIntro:
      'Le date degli eventi con iscrizione del tuo sistema (o della tua biblioteca), dalle ultime due settimane in avanti. Apri una data per vedere chi è iscritto, aggiungere un’iscrizione, segnare gli arrivi e scaricare l’elenco.',
    filterLegend: 'Quali date',
    from: 'Dal giorno',
    fromHint: 'Vuoto: le prossime date e quelle delle ultime due settimane.',
    to: 'Fino al giorno (facoltativo)',
    upcomingTitle: 'Prossime date',
    pastTitle: 'Ultime due settimane',
    chosenTitle: 'Date del periodo scelto',
    shownOf: (shown: number, total: number) =>
      `Sono mostrate ${shown} date su ${total}: scegli un periodo nel filtro per vederle tutte.`,
    noPastDates: 'Nessuna data con iscrizione nelle ultime due settimane.',
    endedNote:
      'La data è passata: non si aggiungono né si annullano iscrizioni; si possono ancora segnare gli arrivi e le presenze.',
    library: 'Biblioteca',
    allLibraries: 'Tutte le biblioteche',
    filter: 'Mostra le date',
    datesCaption: (n: number) => (n === 1 ? '1 data con iscrizione' : `${n} date con iscrizione`),
    noDates: 'Nessuna data con iscrizione in questo periodo.',
    columns: {
      date: 'Data',
      event: 'Evento',
      library: 'Biblioteca',
      places: 'Posti',
      confirmed: 'Confermati',
      waiting: 'In attesa',
      offered: 'Posto offerto',
      cancelled: 'Annullati',
      attended: 'Arrivati',
      left: 'Posti liberi',
    },
    unlimited: 'Senza limite',
    past: 'Passata',
    pagination: 'Pagine delle date',
    previous: 'Date precedenti',
    next: 'Date successive',
    pageOf: (page: number, pages: number) => `Pagina ${page} di ${pages}`,
    /** The sheet of one date. */
    backToIndex: 'Tutte le date',
    placeLabel: 'Luogo',
    dateLabel: 'Data',
    dateStatus: 'Stato della data',
    summaryTitle: 'Riepilogo',
    people: (n: number) => (n === 1 ? '1 persona' : `${n} persone`),
    bookingsCount: (n: number) => (n === 1 ? '1 iscrizione' : `${n} iscrizioni`),
    bookingsTitle: 'Iscritti',
    bookingsCaption: 'Le iscrizioni a questa data, nell’ordine in cui sono arrivate',
    noBookings: 'Nessuna iscrizione per questa data.',
    bookingColumns: {
      arrived: 'Arrivato',
      name: 'Nome',
      contact: 'Contatto',
      people: 'Persone',
      status: 'Stato',
      source: 'Canale',
      created: 'Iscritto il',
      actions: 'Azioni',
    },
    answerColumn: (question: string) => `Risposta a «${question}» (dato sensibile)`,
    sensitive: 'Dato sensibile',
    purged: 'Dati personali cancellati',
    adults: (n: number) => (n === 1 ? '1 adulto' : `${n} adulti`),
    arrivedAt: (when: string) => `arrivato alle ${when}`,
    offerUntil: (when: string) => `risposta entro ${when}`,
    arrivalsHint: 'Spunta chi è arrivato e premi «Salva gli arrivi»; togli la spunta per annullare un arrivo.',
    arrivedBox: (name: string) => `Arrivato: ${name}`,
    saveArrivals: 'Salva gli arrivi',
    cancel: 'Annulla l’iscrizione',
    cancelOf: (name: string) => `Annulla l’iscrizione di ${name}`,
    cancelTitle: 'Annullare questa iscrizione?',
    cancelText: (name: string, people: string) =>
      `L’iscrizione di ${name} (${people}) sarà annullata: i posti tornano liberi e sono offerti alla lista d’attesa.`,
    cancelMail: 'La persona riceverà una mail che glielo comunica.',
    cancelNoMail: 'La persona non ha un indirizzo email: avvisala per telefono.',
    cancelYes: 'Sì, annulla l’iscrizione',
    cancelNo: 'No, torna all’elenco',
    confirm: 'Conferma il posto',
    confirmOf: (name: string) => `Conferma il posto di ${name}`,
    confirmOver: 'Conferma oltre i posti',
    confirmOverOf: (name: string) => `Conferma oltre i posti il posto di ${name}`,
    overHint: (people: number, left: number) =>
      `Servono ${people} ${people === 1 ? 'posto' : 'posti'}, ${left === 1 ? 'ne resta 1' : `ne restano ${left}`}: confermando si va oltre il limite.`,
    /** Adding a booking at the desk or by phone. */
    addTitle: 'Aggiungi un’iscrizione',
    addHint:
      'Per chi si iscrive allo sportello o per telefono. Basta un contatto, email o telefono; con l’email la persona riceve la conferma. Se i posti sono finiti va in lista d’attesa.',
    source: 'Canale',
    name: 'Nome e cognome di un adulto',
    email: 'Email (facoltativa)',
    phone: 'Telefono',
    adultsLabel: 'Adulti',
    childrenLegend: 'Bambini e ragazzi per fascia d’età',
    answerLabel: (question: string) => `Risposta a «${question}» (facoltativa, dato sensibile)`,
    addSubmit: 'Aggiungi l’iscrizione',
    /** The date's headcount (attendance). */
    headcountTitle: 'Presenze',
    headcountHint:
      'Quante persone sono venute: gli arrivi registrati e chi è venuto senza iscrizione. Solo numeri, nessun nome.',
    checkedIn: 'Arrivi registrati (con iscrizione)',
    walkIns: 'Persone venute senza iscrizione',
    total: 'Totale dei presenti',
    totalHint: 'Vuoto: arrivi registrati più persone senza iscrizione.',
    bandsLegend: 'Di cui bambini e ragazzi, per fascia d’età',
    bandsHint: 'Gli adulti sono il totale meno bambini e ragazzi.',
    format: 'Modalità',
    formats: { presence: 'In presenza', online: 'Online', outdoor: 'All’aperto' },
    notes: 'Note (facoltative)',
    saveHeadcount: 'Salva le presenze',
    lastSaved: (when: string) => `Presenze salvate l’ultima volta il ${when}.`,
    notSaved: 'Presenze non ancora registrate per questa data.',
    /** The list as CSV and PDF. */
    downloadsTitle: 'Elenco da stampare o scaricare',
    downloadsHint:
      'L’elenco contiene dati personali: scaricalo solo quando serve e non inoltrarlo. Il PDF resta disponibile per 24 ore.',
    csv: 'Scarica l’elenco (CSV per Excel)',
    pdf: 'Prepara il PDF da stampare',
    pdfQueued: 'PDF in preparazione… Aggiorna la pagina tra qualche secondo.',
    pdfReady: (when: string) => `Scarica il PDF (preparato alle ${when})`,
    pdfFailed: 'Preparazione del PDF non riuscita: richiedilo di nuovo.',
    refresh: 'Aggiorna la pagina',
    /** What the last action did (shown after the page reloads). */
    done: {
      booked: 'Iscrizione aggiunta: il posto è confermato.',
      waiting: 'Iscrizione aggiunta in lista d’attesa: i posti sono esauriti.',
      cancelled: 'Iscrizione annullata.',
      confirmed: 'Posto confermato.',
      arrived: 'Arrivo registrato.',
      undone: 'Arrivo annullato.',
      arrivals: (arrived: number, undone: number) =>
        `Arrivi salvati: ${arrived} ${arrived === 1 ? 'arrivo segnato' : 'arrivi segnati'}, ${undone} ${undone === 1 ? 'annullato' : 'annullati'}.`,
      arrivalsChanged: (n: number) =>
        `${n === 1 ? 'Un’iscrizione è stata cambiata' : `${n} iscrizioni sono state cambiate`} da qualcun altro nel frattempo: controlla l’elenco.`,
      headcount: 'Presenze salvate.',
      pdf: 'PDF richiesto: è in preparazione.',
    },
    /** The CSV's columns. */
    csvColumns: {
      name: 'Nome',
      email: 'Email',
      phone: 'Telefono',
      adults: 'Adulti',
      people: 'Persone',
      status: 'Stato',
      source: 'Canale',
      created: 'Iscritto il',
      arrived: 'Arrivo',
      answer: 'Risposta',
    },
    /** The printable list. */
    pdfTitle: 'Elenco degli iscritti',
    pdfSign: 'Arrivo',
    pdfFooter: (when: string) =>
      `Preparato il ${when}. Contiene dati personali: non diffonderlo e distruggilo dopo l’evento.`,
    pdfPage: (n: number, of: number) => `Pagina ${n} di ${of}`,
    /** Check-in by the QR code of a confirmation, on a phone. */
    checkInTitle: 'Registra l’arrivo',
    checkInSubmit: 'Registra arrivo',
    checkInDone: 'Arrivo registrato.',
    checkInAlready: (when: string) => `Arrivo già registrato (${when}).`,
    checkInNotToday: (date: string) => `Attenzione: l’iscrizione è per ${date}, non per oggi.`,
    openSheet: 'Apri l’elenco della data',
    accessTitle: 'Accesso non consentito',
    /** Why the desk refuses a request (the wing's answer; Italian in the API). */
    errors: {
      login: 'Accesso riservato al personale: accedi all’amministrazione per vedere le iscrizioni.',
      forbidden:
        'Non autorizzato: le iscrizioni di questo evento sono di un altro sistema bibliotecario (o di un’altra biblioteca).',
      noEvent: 'Evento non trovato.',
      noDate: 'Data non trovata: l’evento non ha una data a quest’ora.',
      badDate: 'Data non valida.',
      badAction: 'Azione non valida.',
      source: 'Canale: scegli «Allo sportello» o «Per telefono».',
      count: (label: string) => `${label}: scrivi un numero intero, da 0 in su.`,
      unknownBand: 'Fasce d’età: una fascia indicata non esiste.',
      format: 'Modalità: scegli in presenza, online o all’aperto.',
      notes: 'Note: al massimo 1000 caratteri, senza caratteri di controllo.',
      totalTooSmall: (checkedIn: number, walkIns: number) =>
        `Totale dei presenti: non può essere meno degli arrivi registrati (${checkedIn}) più le persone senza iscrizione (${walkIns}).`,
      bandsTooMany: (inBands: number, total: number) =>
        `Fasce d’età: la somma (${inBands}) supera il totale dei presenti (${total}).`,
      notAForm: 'Richiesta non valida: usa i moduli della pagina.',
      token: 'Codice non valido: inquadra di nuovo il codice QR della mail di conferma.',
      tokenExpired: 'Codice scaduto: la data dell’evento è passata.',
      tokenUsed: 'Questa iscrizione non è più valida: è stata annullata o i suoi dati sono stati cancellati.',
      notConfirmed: (status: string) =>
        `Questa iscrizione è «${status}»: non ha un posto confermato. Apri l’elenco della data per confermarla.`,
      cancelledBooking: 'Questa iscrizione è stata annullata: non si può registrare l’arrivo.',
      noExport: 'File non trovato.',
      exportPending: 'Il file è ancora in preparazione: riprova tra qualche secondo.',
      exportExpired: 'Il file è scaduto ed è stato cancellato: preparane uno nuovo.',
      exportFailed: 'La preparazione del file non è riuscita: richiedilo di nuovo.',
    },
  },

  // (spacer: keeps the sections below apart)

  /** Attendance after each date: recording, the dates still waiting for it, the weekly reminder. */
  attendance: {
    /** How a date went (declared once in collections/enums.ts). */
    outcomes: { held: 'Svolta', cancelled: 'Annullata all’ultimo momento', postponed: 'Rinviata' },
    /** The five age bands a new network starts with (a network admin edits them: "Fasce d’età delle presenze"). */
    defaultBands: {
      '0-5': '0–5 anni',
      '6-11': '6–11 anni',
      '12-17': '12–17 anni',
      adults: 'Adulti',
      elders: 'Anziani',
    },
    /** The attendance form's field labels (the collection, the view, the errors). */
    fields: {
      total: 'Persone presenti in tutto',
      checkedIn: 'Di cui con iscrizione (arrivi registrati)',
      walkIns: 'Di cui senza iscrizione',
      ages: 'Per fascia d’età',
      band: 'Fascia',
      count: 'Persone',
      children: 'Bambini iscritti per fascia (dallo sportello)',
      outcome: 'Esito',
      format: 'Modalità',
      notes: 'Note',
    },
    errors: {
      count: (label: string) => `${label}: scrivi un numero intero, zero o più.`,
      totalRequired: 'Scrivi quante persone erano presenti in tutto.',
      totalTooSmall: (checkedIn: number, walkIns: number, total: number) =>
        `Il totale (${total}) è minore degli arrivi con iscrizione (${checkedIn}) più le persone senza iscrizione (${walkIns}).`,
      agesSum: (sum: number, total: number) =>
        `Le fasce d’età sommano ${sum} ${sum === 1 ? 'persona' : 'persone'}, ma i presenti in tutto sono ${total}: se compili le fasce, la somma deve essere uguale al totale.`,
      childrenTooMany: (sum: number, total: number) =>
        `Bambini iscritti per fascia: la somma (${sum}) supera il totale dei presenti (${total}).`,
      duplicateBand: 'Ogni fascia d’età può comparire una sola volta.',
      unknownBand: 'Fascia d’età sconosciuta: scegline una dell’elenco.',
      noEvent: 'Evento non trovato.',
      future: 'Questa data non è ancora cominciata: le presenze si registrano dopo.',
      notADate: 'Questa non è una data dell’evento pubblicato: scegli una delle sue date.',
      exists: 'Le presenze di questa data sono già registrate: apri quelle e correggile.',
      forbidden: 'Puoi registrare le presenze solo degli eventi della tua biblioteca (o del tuo sistema).',
      bandRange: 'L’età minima non può superare l’età massima.',
      bandOverlap: (name: string) => `Questo intervallo si sovrappone a quello della fascia «${name}».`,
      bandInUse: (n: number) =>
        `Questa fascia è usata ${n === 1 ? 'da una registrazione' : `da ${n} registrazioni`} di presenze: non si può eliminare (puoi cambiarle il nome).`,
    },
    /** The admin view "Date in attesa di presenze" (/admin/presenze). */
    view: {
      navLink: 'Presenze da registrare',
      title: 'Date in attesa di presenze',
      intro: (days: number) =>
        `Le date degli ultimi ${days} giorni di eventi pubblicati, già concluse, di cui non sono ancora registrate le presenze. Le più recenti per prime.`,
      scopeLibrary: (name: string) => `Biblioteca: ${name}`,
      scopeSystem: (name: string) => `Sistema: ${name}`,
      scopeNetwork: 'Tutta la rete',
      none: 'Nessuna data in attesa: le presenze sono tutte registrate.',
      count: (n: number) => (n === 1 ? '1 data in attesa' : `${n} date in attesa`),
      shownOf: (shown: number, total: number) => `Sono mostrate le ${shown} più recenti di ${total}.`,
      record: 'Registra le presenze',
      recordOf: (title: string, when: string) => `Registra le presenze: ${title}, ${when}`,
      checkedIn: (n: number) =>
        `Arrivi registrati con iscrizione: ${n === 1 ? '1 persona' : `${n} persone`} (già inseriti qui sotto).`,
      total: 'Persone presenti in tutto',
      totalHint: 'Tutte le persone presenti, adulti compresi.',
      agesLegend: 'Per fascia d’età (facoltativo)',
      agesHint: 'Se compili le fasce, la somma deve essere uguale al totale.',
      outcome: 'Esito',
      format: 'Modalità',
      notes: 'Note',
      save: 'Salva le presenze',
      saving: 'Salvataggio…',
      saved: (title: string, when: string) => `Presenze registrate: ${title}, ${when}.`,
      failed: 'Salvataggio non riuscito: correggi i campi segnalati.',
      network: 'Errore di rete: riprova.',
      library: 'Biblioteca',
      openEvent: 'Apri l’evento',
      refused:
        'Le presenze sono registrate dal sistema e dalla biblioteca di ciascun evento: questo account non ne ha.',
      accessTitle: 'Date in attesa di presenze',
      dashboardTitle: 'Presenze da registrare',
      dashboardCount: (n: number) =>
        n === 1 ? '1 data conclusa attende le presenze.' : `${n} date concluse attendono le presenze.`,
      dashboardNone: 'Nessuna data attende le presenze.',
      dashboardLink: 'Registra le presenze',
    },
    /** The weekly reminder to a library's staff (and a system's editors). */
    mail: {
      subject: (n: number) => (n === 1 ? 'Presenze da registrare: 1 data' : `Presenze da registrare: ${n} date`),
      title: 'Presenze da registrare',
      hello: (name?: string | null) => (name ? `Ciao ${name},` : 'Ciao,'),
      body: (scope: string, n: number) =>
        `${n === 1 ? 'questa data è conclusa e attende' : `queste ${n} date sono concluse e attendono`} ancora le presenze (${scope}):`,
      more: (n: number) => (n === 1 ? 'e un’altra data.' : `e altre ${n} date.`),
      button: 'Registra le presenze',
      why: 'Le presenze servono alle statistiche della rete e ai resoconti per la Regione, l’ISTAT e chi finanzia le attività.',
      footer:
        'Ricevi questa mail ogni lunedì perché collabori alla redazione dell’Agenda e ci sono date in attesa di presenze. Quando non ce ne sono, non ricevi nulla.',
    },
  },

  // (spacer: keeps the sections below apart)

  /** Who funds or supports an event, series, festival or campaign: credits and the funder's report. */
  funders: {
    /** What a funder is. Values are stable identifiers. */
    kinds: {
      public: 'Ente pubblico',
      foundation: 'Fondazione',
      comune: 'Comune',
      sponsor: 'Sponsor',
      other: 'Altro',
    },
    /** How a funder stands behind an activity, as the credits say it. Values are stable identifiers. */
    roles: {
      supported: 'Con il sostegno di',
      funded: 'Finanziato da',
      partner: 'In collaborazione con',
      patronage: 'Con il patrocinio di',
    },
    /** The credits block of the public pages (event, rassegna, festival, campaign). */
    creditsTitle: 'Con il sostegno di',
    logoAlt: (name: string) => `Logo di ${name}`,
    inUse: (uses: number) =>
      `Non si può eliminare: è citato come sostenitore in ${uses === 1 ? 'un evento, rassegna, festival o campagna' : `${uses} tra eventi, rassegne, festival e campagne`}. Toglilo prima da lì.`,
  },

  // (spacer: keeps the sections below apart)

  /** Ready-made reports (issue 15): Maggio dei Libri, yearly per-library summary, funder's report; open data. */
  reports: {
    errors: {
      login: 'Accedi per scaricare i report.',
      forbidden: 'Il tuo ruolo non permette di scaricare i report.',
      format: 'Formato non valido: usa csv o xlsx.',
      campaign: 'Indica una campagna esistente.',
      funder: 'Indica un sostenitore esistente.',
      year: 'Anno non valido: usa un anno tra 2000 e 2100.',
      period: 'Periodo non valido: indica "dal" e "al" come AAAA-MM-GG, con "dal" non dopo "al" (al massimo 5 anni).',
    },
    maggio: {
      title: (campaign: string) => `Maggio dei Libri - ${campaign}`,
      columns: {
        title: 'Titolo',
        dates: 'Date',
        activities: 'Attività (date)',
        place: 'Luogo',
        address: 'Indirizzo',
        comune: 'Comune',
        organiser: 'Organizzatore',
        audience: 'Pubblico',
        description: 'Descrizione',
      },
      total: 'Totale attività',
      ages: (min: number | null, max: number | null) =>
        min != null && max != null ? `${min}–${max} anni` : min != null ? `da ${min} anni` : `fino a ${max} anni`,
    },
    annual: {
      title: (year: number) => `Riepilogo annuale per biblioteca ${year}`,
      columns: {
        library: 'Biblioteca',
        comune: 'Comune',
        system: 'Sistema',
        events: 'Eventi',
        dates: 'Date svolte',
        attendance: 'Presenze',
        eventsOf: (name: string) => `Eventi - ${name}`,
        datesOf: (name: string) => `Date - ${name}`,
        attendanceOf: (band: string) => `Presenze - ${band}`,
      },
      noLibrary: 'Altri luoghi (senza biblioteca)',
    },
    funder: {
      title: (funder: string) => `Rendicontazione - ${funder}`,
      columns: {
        title: 'Attività',
        date: 'Data',
        library: 'Biblioteca',
        comune: 'Comune',
        status: 'Stato',
        role: 'Sostegno',
        detail: 'Dettaglio',
        through: 'Indicato su',
        attendance: 'Presenze',
      },
      through: { event: 'Evento', series: 'Rassegna', festival: 'Festival', campaign: 'Campagna' },
      total: 'Totale',
    },
    admin: {
      maggio: 'Esporta per il Maggio dei Libri',
      funder: 'Rendicontazione',
      annual: 'Riepilogo annuale per biblioteca',
      csv: 'CSV',
      xlsx: 'Excel (XLSX)',
      from: 'Dal',
      to: 'Al',
      year: 'Anno',
      download: 'Scarica',
      maggioHint: 'Le attività della campagna, una riga per evento con le sue date; ogni data conta come un’attività.',
      funderHint: 'Ogni attività sostenuta nel periodo, con date, luoghi e presenze.',
      annualHint: 'Eventi, date e presenze dell’anno per biblioteca, per tipo, pubblico e fascia d’età.',
    },
    /** The public page /dati and its open-data files. */
    site: {
      title: 'Dati aperti: le attività delle biblioteche',
      lead: 'Quanti eventi, quante date e quante persone nelle biblioteche della rete, anno per anno.',
      yearTitle: (year: number, current: boolean) => (current ? `${year} (anno in corso)` : String(year)),
      totals: 'In tutta la rete',
      bySystem: 'Per sistema bibliotecario',
      byCategory: 'Per tipo di attività',
      byAudience: 'Per pubblico',
      name: 'Nome',
      system: 'Sistema',
      category: 'Tipo',
      audience: 'Pubblico',
      events: 'Eventi',
      dates: 'Date',
      attendance: 'Presenze',
      caption: (what: string, year: number) => `${what}, ${year}`,
      suppression:
        'Per riservatezza, ogni numero sotto 5 è pubblicato come "<5"; se in una tabella un solo numero è nascosto, ne è nascosto anche un secondo, perché il totale non lo riveli per differenza.',
      counting:
        'Contano le date pubbliche svolte (non annullate né rinviate); un evento con più date conta una volta; una data con più tipi o pubblici conta in ciascuno, per cui le righe per tipo e per pubblico non si sommano al totale. Le presenze sono quelle registrate dalle biblioteche.',
      downloads: 'Scarica i dati',
      csv: (year: number) => `CSV ${year}`,
      json: (year: number) => `JSON ${year}`,
      license: 'Dati pubblicati con licenza Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0).',
      fileColumns: {
        year: 'anno',
        group: 'gruppo',
        name: 'nome',
        events: 'eventi',
        dates: 'date',
        attendance: 'presenze',
      },
      groups: { total: 'totale', system: 'sistema', category: 'tipo', audience: 'pubblico' },
    },
  },

  // (spacer: keeps the sections below apart)

  mail: {
    network: 'Rete Bibliotecaria Bergamasca',
    agenda: 'Agenda delle biblioteche',
    managePreferences: 'Cambia le tue preferenze',
    unsubscribe: 'Annulla l’iscrizione',
    whyFooter:
      'Ricevi questa mail perché ti sei iscritto alla newsletter dell’Agenda della Rete Bibliotecaria Bergamasca.',
    addToCalendar: 'Aggiungi al calendario',
    details: 'Dettagli',
    allEvents: 'Vedi tutti gli eventi sul sito',
    hello: (name?: string | null) => (name ? `Ciao ${name},` : 'Ciao,'),
    statusNotes: { full: 'Posti esauriti', rescheduled: 'Nuova data', movedOnline: 'Si svolge online' } as Record<
      string,
      string
    >,
  },
  admin: {
    /** How dates and numbers are written in the admin's own components. */
    intlLocale: 'it-IT',
    // newsletter list and form
    audience: 'Pubblico',
    subscribers: 'iscritti',
    previewUnavailable: 'Anteprima non disponibile.',
    saveDraftFirst: 'Salva la bozza per vedere l’anteprima, i destinatari e inviare una prova.',
    sendingTest: 'Invio della prova…',
    testSent: (to: string) => `Prova inviata a ${to}.`,
    sendFailed: 'Invio non riuscito.',
    previewLegend: 'Anteprima e prova',
    expectedRecipients: ['Destinatari previsti: ', ' iscritti confermati.'] as [string, string],
    refreshPreview: 'Aggiorna anteprima',
    previewTitle: 'Anteprima della newsletter',
    sendTestToMe: 'Invia una prova a me',
    progress: 'Avanzamento',
    recipients: 'Destinatari',
    sent: 'Inviate',
    failed: 'Non riuscite',
    remaining: 'Da inviare',
    statusChanged: (status: string) => `Stato aggiornato: ${status}. Ricarica la pagina.`,
    // subscribers
    eraseConfirm: 'Cancellare definitivamente i dati personali di questo iscritto? Restano solo i conteggi anonimi.',
    eraseFailed: 'Cancellazione non riuscita.',
    gdprLegend: 'Diritti dell’interessato (GDPR)',
    exportData: 'Scarica tutti i dati (JSON)',
    eraseData: 'Cancella i dati personali',
    subscriberStatuses: {
      unconfirmed: 'Da confermare',
      confirmed: 'Iscritti',
      unsubscribed: 'Disiscritti',
      bounced: 'Indirizzi non validi',
    },
    countsError: 'Errore',
    countsUnavailable: 'Conteggi non disponibili.',
    counting: 'Conteggio degli iscritti…',
    byStatus: 'Iscritti per stato',
    allStatuses: 'Tutti',
    systemsAudience: 'Pubblico di ogni sistema (iscritti confermati)',
    systemColumn: 'Sistema',
    subscribersColumn: 'Iscritti',
    weeklyColumn: 'Newsletter settimanale',
    // health notice above the dashboard
    healthTitle: 'Attenzione: la piattaforma non sta lavorando come dovrebbe',
    queues: {
      default: 'Attività pianificate (pubblicazioni, date ricorrenti)',
      mail: 'Email di servizio (conferme, avvisi, recupero password)',
      newsletter: 'Newsletter (invii e settimanale)',
    } as Record<string, string>,
    newsletterStatuses: { sending: 'In invio', scheduled: 'Programmata' } as Record<string, string>,
    noWrites: 'Il database non accetta scritture: i salvataggi non vanno a buon fine.',
    noDatabase: 'Il database non risponde.',
    stuckQueue: 'Coda ferma: ',
    jobsWaiting: (n: number): string => (n === 1 ? 'lavoro in attesa' : 'lavori in attesa'),
    since: 'dal',
    stuckNewsletter: 'Newsletter senza avanzamenti da più di 5 minuti:',
    newsletterNumber: (id: number | string) => `n. ${id}`,
    lastError: 'Ultimo errore',
    healthFooter:
      'I messaggi in attesa partiranno appena il problema è risolto. Chi gestisce il server trova i passi da seguire nel manuale operativo (sezione «Salute della piattaforma»).',
    // newsletter and campaign tools of the coordinator (issue 19): the event picker
    pickerLabel: 'Eventi',
    pickerDescription:
      'Ogni evento compare nella mail alla sua prossima data. Cerca per titolo, biblioteca o comune, oppure aggiungi tutti gli eventi in programma di una campagna, rassegna o festival o di una ricerca dell’agenda.',
    pickerChosen: (n: number): string =>
      n === 0 ? 'Eventi scelti' : n === 1 ? '1 evento scelto' : `${n} eventi scelti`,
    pickerNone: 'Nessun evento scelto.',
    pickerEvent: 'Evento n.',
    pickerRemove: 'Rimuovi',
    pickerRemoveLabel: (label: string) => `Rimuovi: ${label}`,
    pickerSearch: 'Cerca un evento da aggiungere',
    pickerSearchHint: 'Titolo, biblioteca o comune. Senza parole: i prossimi eventi in programma.',
    pickerSearchButton: 'Cerca',
    pickerSearching: 'Ricerca…',
    pickerResultsLabel: 'Eventi trovati',
    pickerResults: (n: number): string => (n === 1 ? '1 evento trovato.' : `${n} eventi trovati.`),
    pickerNoResults: 'Nessun evento in programma corrisponde alla ricerca.',
    pickerAdd: 'Aggiungi',
    pickerAddLabel: (label: string) => `Aggiungi: ${label}`,
    pickerAlready: 'già scelto',
    pickerMoreDates: 'e altre date',
    pickerGroupLabel: 'Aggiungi tutti gli eventi in programma di una campagna, rassegna o festival',
    pickerGroupChoose: 'Scegli la campagna, la rassegna o il festival.',
    pickerGroups: { campaign: 'Campagne', series: 'Rassegne', festival: 'Festival' },
    pickerAddGroup: 'Aggiungi gli eventi',
    pickerAdded: (added: number, already: number, title: string): string =>
      `${added === 1 ? 'Aggiunto 1 evento' : `Aggiunti ${added} eventi`} di «${title}»${already ? ` (${already} già nell’elenco)` : ''}.`,
    pickerGroupEmpty: (title: string) => `Nessun evento in programma per «${title}».`,
    pickerFailed: 'Non è stato possibile caricare gli eventi: riprova.',
    pickerAgendaLabel: 'Da una ricerca dell’agenda',
    pickerAgendaHint:
      'Incolla l’indirizzo di una ricerca del sito (per esempio …/eventi?sistema=valle-seriana&eta=3): si aggiungono tutti gli eventi in programma che vi corrispondono.',
    pickerAgendaButton: 'Aggiungi dalla ricerca',
    pickerAgendaRequired: 'Incolla prima l’indirizzo di una ricerca dell’agenda.',
    pickerAgendaEmpty: 'Nessun evento in programma corrisponde a questa ricerca.',
    pickerAgendaAdded: (added: number, already: number): string =>
      `${added === 1 ? 'Aggiunto 1 evento' : `Aggiunti ${added} eventi`} della ricerca${already ? ` (${already} già nell’elenco)` : ''}.`,
    pickerLimited: (limit: number): string =>
      `Si aggiungono al massimo ${limit} eventi alla volta: questi sono i primi ${limit} in programma, gli altri sono rimasti fuori.`,
    // "Invia ora"
    sendNowLegend: 'Invio immediato',
    sendNowHint: 'Parte subito per tutti i destinatari previsti, senza aspettare un’ora programmata.',
    sendNow: 'Invia ora…',
    sendNowQuestion: (subject: string, n: number | null): string =>
      `Inviare ora «${subject}» a ${n == null ? 'tutti i destinatari previsti' : n === 1 ? '1 iscritto confermato' : `${n} iscritti confermati`}?`,
    sendNowWarning:
      'Una volta avviato, l’invio si può solo fermare (stato «Annullata»): chi l’ha già ricevuta la tiene.',
    sendNowConfirm: 'Sì, invia ora',
    sendNowCancel: 'Non ora',
    sendNowUnsaved: 'Ci sono modifiche non salvate: salva la newsletter prima di inviarla.',
    sendNowStarting: 'Avvio dell’invio…',
    sendNowStarted:
      'Invio avviato: la newsletter parte entro pochi secondi. Stato e avanzamento sono nella colonna laterale.',
    // campaign periods and the dates of their events
    campaignEventsTitle: 'Date degli eventi della campagna',
    campaignNoEvents: 'Nessun evento pubblicato è ancora collegato a questa campagna.',
    campaignSpan: (n: number, first: string, last: string): string =>
      `${n === 1 ? '1 evento pubblicato' : `${n} eventi pubblicati`}, dal ${first} al ${last}.`,
    campaignTruncated: '(Contati solo i primi 1.000 eventi.)',
    campaignOutside: (n: number, first: string, last: string): string =>
      `Attenzione: ${n === 1 ? '1 evento ha' : `${n} eventi hanno`} date fuori dal periodo della campagna (dal ${first} al ${last}).`,
    campaignOutsideHint:
      'Il salvataggio non è bloccato: allarga il periodo della campagna o chiedi alle biblioteche di rivedere il collegamento.',
    campaignMore: (n: number) => `… e ${n === 1 ? 'un altro' : `altri ${n}`}.`,
    campaignUseSpan: (first: string, last: string) => `Usa il periodo degli eventi (dal ${first} al ${last})`,
    campaignSpanTaken: 'Periodo aggiornato con le date degli eventi: salva la campagna per confermarlo.',
    campaignAllInside: 'Tutte le date degli eventi cadono nel periodo della campagna.',
    eventDays: (first: string, last: string) => (first === last ? first : `dal ${first} al ${last}`),
    eventCampaignOutside: (title: string, first: string, last: string, dates: string): string =>
      `Le date di questo evento (${dates}) cadono fuori dal periodo della campagna «${title}» (dal ${first} al ${last}).`,
    eventCampaignHint:
      'La pubblicazione non è bloccata: controlla le date dell’evento o chiedi al coordinamento della rete di rivedere il periodo della campagna.',
    // the librarian's admin (issue 19): changed dates
    originalStartChoose: '— Scegli la data da spostare o annullare —',
    originalStartUpcoming: 'Prossime date',
    originalStartPast: 'Date passate',
    originalStartGone: (date: string) => `${date} (non più generata dalla ripetizione)`,
    originalStartHint: 'Le date generate dall’inizio e dalla ripetizione indicati sopra.',
    originalStartNoStart: 'Indica prima l’inizio dell’evento: qui compariranno le sue date.',
    originalStartLoading: 'Calcolo delle date…',
    // the events list's views and read-only events
    eventViewsLabel: 'Viste dell’elenco degli eventi',
    eventViews: {
      mine: 'In programma nel mio sistema',
      network: 'In programma in tutta la rete',
      mineAll: 'Tutti quelli del mio sistema, anche passati',
      all: 'Tutta la rete, anche passati',
    },
    readOnlyOtherSystem: 'Evento di un altro sistema: solo lettura',
    readOnlyOtherSystemWhy:
      'Ogni sistema cura i propri eventi. Per una correzione scrivi alla redazione del sistema che lo organizza.',
    readOnlyOtherLibrary: 'Evento di un’altra biblioteca: solo lettura',
    readOnlyOtherLibraryWhy:
      'Ogni biblioteca cura i propri eventi. Per una correzione scrivi alla biblioteca o alla redazione del tuo sistema.',
    readOnly: 'Solo lettura',
    readOnlyWhy: 'Il tuo ruolo non permette di modificare questo evento.',
    // "Vedi sul sito" and the draft preview
    viewOnSite: 'Vedi sul sito',
    previewOnSite: 'Anteprima sul sito',
    opensInNewTab: ' (si apre in una nuova scheda)',
    previewBannerTitle: 'Anteprima',
    previewBannerDraft:
      'Così apparirà l’evento sul sito quando sarà pubblicato. Questa pagina non è pubblica e il suo indirizzo smette di funzionare dopo un’ora.',
    previewBannerPublished:
      'Questa è la versione salvata più recente dell’evento. Questa pagina non è pubblica e il suo indirizzo smette di funzionare dopo un’ora.',
    // new accounts by invitation
    inviteLabel: 'Invia un invito via email',
    inviteHint:
      'La persona riceve una mail con il link per scegliere la propria password (vale 7 giorni): qui non serve indicarla.',
    inviteOffHint: 'Nessun invito: indica qui sotto la password e comunicala tu alla persona.',
    // the dashboard: the librarian's day
    dayTitleNetwork: 'La tua giornata · tutta la rete',
    dayTitleOf: (name: string) => `La tua giornata · ${name}`,
    dayActions: 'Azioni rapide',
    dayNewEvent: 'Nuovo evento',
    dayEventsList: 'Eventi in programma',
    dayStaffAgenda: 'Agenda del personale',
    dayNewNewsletter: 'Nuova newsletter',
    dayToReview: 'In attesa di revisione',
    dayNothingToReview: 'Nessun evento in attesa di revisione.',
    dayNext: 'Le prossime date (14 giorni)',
    dayNoNext: 'Nessuna data nei prossimi 14 giorni.',
    dayDrafts: 'Bozze',
    dayNoDrafts: 'Nessuna bozza.',
    dayChanges: 'Date con modifiche',
    dayNoChanges: 'Nessuna data spostata o annullata in arrivo.',
    dayMovedTo: (date: string) => `spostata a ${date}`,
    dayNewsletter: 'Ultima newsletter',
    dayNoNewsletter: 'Nessuna newsletter ancora.',
    clearDate: 'Svuota',
  },
}

export type Catalogue = typeof it
