/** "Riepilogo annuale per biblioteca": the yearly per-library summary's download page, under the admin route. */
export const ANNUAL_REPORT_PATH = '/riepilogo-annuale'
