import { render, toPlainText } from '@react-email/render'
import { createElement, type FunctionComponent } from 'react'
import AttendanceReminder, {
  type AttendanceReminderProps,
  subject as attendanceReminderSubject,
} from './templates/attendance-reminder'
import Confirmation, { type ConfirmationProps, subject as confirmationSubject } from './templates/confirmation'
import Digest, { type DigestProps, subject as digestSubject } from './templates/digest'
import Editorial, { type EditorialProps, subject as editorialSubject } from './templates/editorial'
import FollowConfirmation, {
  type FollowConfirmationProps,
  subject as followConfirmationSubject,
} from './templates/follow-confirmation'
import FollowDigest, { type FollowDigestProps, subject as followDigestSubject } from './templates/follow-digest'
import FollowNotice, { type FollowNoticeProps, subject as followNoticeSubject } from './templates/follow-notice'
import ManagePreferences, {
  type ManagePreferencesProps,
  subject as manageSubject,
} from './templates/manage-preferences'
import PasswordReset, { type PasswordResetProps, subject as passwordResetSubject } from './templates/password-reset'
import PreferencesChanged, {
  subject as changedSubject,
  type PreferencesChangedProps,
} from './templates/preferences-changed'
import ProposalConfirmation, {
  type ProposalConfirmationProps,
  subject as proposalConfirmationSubject,
} from './templates/proposal-confirmation'
import ProposalDecision, {
  type ProposalDecisionProps,
  subject as proposalDecisionSubject,
} from './templates/proposal-decision'
import RegistrationCancelled, {
  type RegistrationCancelledProps,
  subject as registrationCancelledSubject,
} from './templates/registration-cancelled'
import RegistrationConfirmation, {
  type RegistrationConfirmationProps,
  subject as registrationConfirmationSubject,
} from './templates/registration-confirmation'
import RegistrationNotice, {
  type RegistrationNoticeProps,
  subject as registrationNoticeSubject,
} from './templates/registration-notice'
import RegistrationOffer, {
  type RegistrationOfferProps,
  subject as registrationOfferSubject,
} from './templates/registration-offer'
import RegistrationOfferExpired, {
  type RegistrationOfferExpiredProps,
  subject as registrationOfferExpiredSubject,
} from './templates/registration-offer-expired'
import RegistrationReminder, {
  type RegistrationReminderProps,
  subject as registrationReminderSubject,
} from './templates/registration-reminder'
import RegistrationUpdated, {
  type RegistrationUpdatedProps,
  subject as registrationUpdatedSubject,
} from './templates/registration-updated'
import StaffInvitation, {
  type StaffInvitationProps,
  subject as staffInvitationSubject,
} from './templates/staff-invitation'
import Welcome, { type WelcomeProps, subject as welcomeSubject } from './templates/welcome'

type Entry<P> = { component: FunctionComponent<P> & { PreviewProps: P }; subject: (props: P) => string }

const entry = <P>(component: FunctionComponent<P> & { PreviewProps: P }, subject: (props: P) => string): Entry<P> => ({
  component,
  subject,
})

/** Every mail the system sends, by name. */
export const TEMPLATES = {
  confirmation: entry<ConfirmationProps>(Confirmation, confirmationSubject),
  welcome: entry<WelcomeProps>(Welcome, welcomeSubject),
  'preferences-changed': entry<PreferencesChangedProps>(PreferencesChanged, changedSubject),
  'manage-preferences': entry<ManagePreferencesProps>(ManagePreferences, manageSubject),
  digest: entry<DigestProps>(Digest, digestSubject),
  editorial: entry<EditorialProps>(Editorial, editorialSubject),
  'password-reset': entry<PasswordResetProps>(PasswordReset, passwordResetSubject),
  'staff-invitation': entry<StaffInvitationProps>(StaffInvitation, staffInvitationSubject),
  'registration-confirmation': entry<RegistrationConfirmationProps>(
    RegistrationConfirmation,
    registrationConfirmationSubject,
  ),
  'registration-offer': entry<RegistrationOfferProps>(RegistrationOffer, registrationOfferSubject),
  'registration-offer-expired': entry<RegistrationOfferExpiredProps>(
    RegistrationOfferExpired,
    registrationOfferExpiredSubject,
  ),
  'registration-reminder': entry<RegistrationReminderProps>(RegistrationReminder, registrationReminderSubject),
  'registration-updated': entry<RegistrationUpdatedProps>(RegistrationUpdated, registrationUpdatedSubject),
  'registration-cancelled': entry<RegistrationCancelledProps>(RegistrationCancelled, registrationCancelledSubject),
  'registration-notice': entry<RegistrationNoticeProps>(RegistrationNotice, registrationNoticeSubject),
  'attendance-reminder': entry<AttendanceReminderProps>(AttendanceReminder, attendanceReminderSubject),
  'follow-confirmation': entry<FollowConfirmationProps>(FollowConfirmation, followConfirmationSubject),
  'follow-notice': entry<FollowNoticeProps>(FollowNotice, followNoticeSubject),
  'follow-digest': entry<FollowDigestProps>(FollowDigest, followDigestSubject),
  'proposal-confirmation': entry<ProposalConfirmationProps>(ProposalConfirmation, proposalConfirmationSubject),
  'proposal-decision': entry<ProposalDecisionProps>(ProposalDecision, proposalDecisionSubject),
}

export type TemplateName = keyof typeof TEMPLATES
export type TemplateProps<N extends TemplateName> = (typeof TEMPLATES)[N] extends Entry<infer P> ? P : never

export type RenderedEmail = { html: string; text: string; subject: string }

/** Renders a template to the HTML part, the plain-text part (derived from the same HTML) and the subject. */
export const renderEmail = async <N extends TemplateName>(name: N, props: TemplateProps<N>): Promise<RenderedEmail> => {
  const template = TEMPLATES[name] as unknown as Entry<TemplateProps<N>>
  const html = await render(createElement(template.component as unknown as FunctionComponent<object>, props as object))
  const text = toPlainText(html)
  return { html, text, subject: template.subject(props) }
}
