// The proposals wing's public surface ("Proponi un evento", issue 16). Jobs (cms/jobs), the seed and the site
// (site/lib/proposals) import from here only.

export {
  PROPOSAL_FIELDS,
  type ProposalError,
  type ProposalField,
  type ProposalForm,
  type ProposalInput,
  type ProposalValues,
  readProposalForm,
} from './form'
export { proposalConfirmUrl } from './links'
export { sendProposalMail, settleAndNotify } from './mail'
export {
  CONTACT_RETENTION_DAYS,
  type ConfirmFailure,
  checkProposalConfirm,
  confirmProposal,
  purgeProposals,
  type SubmitOutcome,
  settleProposal,
  submitProposal,
} from './proposals'
