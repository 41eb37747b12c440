/** Paths of the project's own admin views, under the admin route (`/admin`): read by the config, links and mails. */
export const STAFF_AGENDA_PATH = '/agenda-interna'
/** "Date in attesa di presenze": the past dates whose attendance is still to be recorded (issue 15). */
export const ATTENDANCE_PATH = '/presenze'
/** "Statistiche": the figures of a period, with charts, tables and downloads (issue 15). */
export const STATISTICS_PATH = '/statistiche'
/** "Stampa programma": the printed programme of an agenda filter, prepared by a job (issue 17). */
export const PRINT_PATH = '/stampa'
