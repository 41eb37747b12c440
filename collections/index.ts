import { Attendance } from './Attendance'
import { AttendanceBands } from './AttendanceBands'
import { Audiences } from './Audiences'
import { CalendarSources } from './CalendarSources'
import { Campaigns } from './Campaigns'
import { Categories } from './Categories'
import { Deliveries } from './Deliveries'
import { EventProposals } from './EventProposals'
import { Events } from './Events'
import { Exports } from './Exports'
import { Festivals } from './Festivals'
import { FollowNotices } from './FollowNotices'
import { Follows } from './Follows'
import { Funders } from './Funders'
import { ImportItems } from './ImportItems'
import { ImportRuns } from './ImportRuns'
import { Libraries } from './Libraries'
import { Media } from './Media'
import { Newsletters } from './Newsletters'
import { NoticeDeliveries } from './NoticeDeliveries'
import { Notices } from './Notices'
import { Occurrences } from './Occurrences'
import { Partners } from './Partners'
import { PlaceCounters } from './PlaceCounters'
import { Registrations } from './Registrations'
import { Series } from './Series'
import { Subscribers } from './Subscribers'
import { Systems } from './Systems'
import { Users } from './Users'
import { Venues } from './Venues'

export const collections = [
  Events,
  Series,
  Festivals,
  Campaigns,
  Funders,
  Partners,
  Libraries,
  Venues,
  Systems,
  Categories,
  Audiences,
  Media,
  Users,
  Occurrences,
  Newsletters,
  Subscribers,
  Deliveries,
  Registrations,
  Attendance,
  AttendanceBands,
  Notices,
  NoticeDeliveries,
  Exports,
  PlaceCounters,
  Follows,
  FollowNotices,
  CalendarSources,
  ImportRuns,
  ImportItems,
  EventProposals,
]
