// The follow wing's public surface (following pages by email and the notices to followers). Jobs
// (cms/jobs), endpoints (cms/endpoints) and the site (site/lib/follow) import from here only.

export { type FollowDigestResult, sendFollowDigests } from './digest'
export {
  checkFollowConfirm,
  checkUnfollow,
  confirmFollow,
  type FollowFailure,
  type FollowItem,
  type FollowOutcome,
  type FollowRequest,
  followsOfManage,
  removeFollowByManage,
  requestFollow,
  unfollow,
} from './follows'
export { followCalendar } from './ics'
export { followConfirmUrl, oneClickUnfollowUrl, unfollowUrl } from './links'
export { sendFollowMail } from './mail'
export { type FollowNoticesResult, sendFollowNotices } from './notices'
export { isFollowKind, publicTarget } from './targets'
