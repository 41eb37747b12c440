// Ready-made reports (issue 15): the Maggio dei Libri export, the yearly per-library summary, the funder's
// report, and the network's public figures. The public entry.

export { annualSummary, type LibraryYear, libraryYears, yearPeriod } from './annual'
export { type FunderActivity, funderActivities, funderReport } from './funder'
export { type MaggioReport, maggioDeiLibri } from './maggio'
export {
  type FigureRow,
  type NetworkFigures,
  networkFigures,
  type Published,
  SUPPRESSED,
  suppress,
} from './open-data'
export { REPORT_KINDS, type ReportAnswer, type ReportKind, reportFile } from './requests'
export { inScope, type ReportScope, reportScope, scopeWhere } from './scope'
