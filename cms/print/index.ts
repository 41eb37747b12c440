// The printed programme's public surface (issue 17): jobs (cms/jobs), endpoints, admin views and the site
// (site/lib/print) import from here only; everything else in this folder is internal.

export { isLayout, LAYOUTS, type Layout, programmePdf } from './pdf'
export {
  addressQuery,
  canonicalQuery,
  MAX_ENTRIES,
  type Programme,
  ProgrammeAddressError,
  type ProgrammeEntry,
  readProgramme,
} from './programme'
export {
  MAX_PENDING,
  PROGRAMME_HOURS,
  PROGRAMME_PDF,
  type ProgrammeRefusal,
  type ProgrammeRequest,
  type ProgrammeState,
  programmeFile,
  programmeState,
  REUSE_MINUTES,
  renderProgramme,
  requestProgramme,
} from './requests'
