import type { CollectionConfig, Endpoint } from 'payload'
import { SLUGS } from '../../collections/slugs'
import { syncNowEndpoint } from './calendar-sources/sync'
import { exportDownloadEndpoint } from './exports/download'
import { programmeRequestEndpoint, programmeStateEndpoint } from './exports/programme'
import { unfollowOneClickEndpoint, unfollowOneClickPageEndpoint } from './follows/one-click'
import {
  audienceEndpoint,
  eventOptionsEndpoint,
  previewEndpoint,
  sendNowEndpoint,
  testSendEndpoint,
} from './newsletters'
import { checkInEndpoint } from './registrations/check-in'
import {
  deskArrivalsEndpoint,
  deskBookEndpoint,
  deskCsvEndpoint,
  deskHeadcountEndpoint,
  deskPdfEndpoint,
  deskStatusEndpoint,
} from './registrations/desk'
import { staffBookEndpoint, staffCancelEndpoint } from './registrations/staff'
import { statisticsTableEndpoint } from './statistics/table'
import { bouncesEndpoint } from './subscribers/bounces'
import { countsEndpoint } from './subscribers/counts'
import { eraseEndpoint, exportEndpoint } from './subscribers/gdpr'
import { oneClickEndpoint, oneClickPageEndpoint } from './subscribers/one-click'

/** The workflows' REST endpoints, by the collection whose URL they live under (`/api/<slug>/…`). */
const ENDPOINTS: Partial<Record<string, Endpoint[]>> = {
  [SLUGS.subscribers]: [
    countsEndpoint,
    bouncesEndpoint,
    oneClickEndpoint,
    oneClickPageEndpoint,
    exportEndpoint,
    eraseEndpoint,
  ],
  [SLUGS.newsletters]: [eventOptionsEndpoint, previewEndpoint, testSendEndpoint, sendNowEndpoint, audienceEndpoint],
  [SLUGS.registrations]: [
    deskBookEndpoint,
    deskStatusEndpoint,
    deskArrivalsEndpoint,
    deskHeadcountEndpoint,
    deskPdfEndpoint,
    deskCsvEndpoint,
    checkInEndpoint,
    staffBookEndpoint,
    staffCancelEndpoint,
  ],
  [SLUGS.exports]: [exportDownloadEndpoint, programmeRequestEndpoint, programmeStateEndpoint],
  [SLUGS.attendance]: [statisticsTableEndpoint],
  [SLUGS.follows]: [unfollowOneClickEndpoint, unfollowOneClickPageEndpoint],
  [SLUGS.calendarSources]: [syncNowEndpoint],
}

/** The collections with the workflows' endpoints attached (collections/ itself cannot import the workflows). */
export const withEndpoints = (collections: CollectionConfig[]): CollectionConfig[] =>
  collections.map((collection) => {
    const extra = ENDPOINTS[collection.slug]
    if (!extra) return collection
    const own = Array.isArray(collection.endpoints) ? collection.endpoints : []
    return { ...collection, endpoints: [...own, ...extra] }
  })
