// Funders and supporters (issue 15): the credits of an activity and the funder's report. The public entry.

export { type Period, type SupportedActivity, supportedActivities, supportedActivityPages } from './activities'
export {
  type Credit,
  eventMentions,
  type Mention,
  mergeSupport,
  type SupportRow,
  type SupportSource,
} from './credits'
