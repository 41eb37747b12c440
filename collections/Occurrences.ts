import type { CollectionConfig } from 'payload'
import { nobody } from './access/roles'
import { hideStaffOnly } from './access/staff-only'
import { ACCESSIBILITY_OPTIONS, EVENT_STATUS_OPTIONS } from './enums'
import { COMUNE_OPTIONS } from './fields/comune'
import { SLUGS } from './slugs'

/**
 * One row per date of a published event, written only by the event hooks. Every agenda, feed and
 * digest query is an indexed range query on `start` plus equality filters on these denormalised fields.
 */
export const Occurrences: CollectionConfig = {
  slug: SLUGS.occurrences,
  labels: { singular: 'Data', plural: 'Date' },
  admin: { hidden: true, useAsTitle: 'title' },
  access: { read: hideStaffOnly, create: nobody, update: nobody, delete: nobody },
  timestamps: false,
  defaultSort: 'start',
  // "Overlapping [A, B)" is start < B and end > A: with both in one index, counts and pages are read from
  // the index alone (a week's count on 20,000 events: 0.6 ms instead of 370 ms through `start` alone).
  indexes: [
    { fields: ['start', 'end'] },
    // The statistics' dates and places of a period, read from the index alone (cms/statistics).
    { fields: ['start', 'status', 'event', 'places', 'noRegistration'] },
  ],
  fields: [
    { name: 'event', type: 'relationship', relationTo: SLUGS.events, required: true, index: true },
    { name: 'title', type: 'text', required: true },
    { name: 'start', type: 'date', required: true, index: true },
    { name: 'end', type: 'date', required: true, index: true },
    { name: 'originalStart', type: 'date', required: true },
    { name: 'day', type: 'text', required: true, index: true },
    { name: 'allDay', type: 'checkbox' },
    { name: 'status', type: 'select', options: EVENT_STATUS_OPTIONS, index: true },
    { name: 'note', type: 'text' },
    // Places of this date when it differs from the event's (a changed date's own figure).
    { name: 'places', type: 'number' },
    { name: 'noRegistration', type: 'checkbox' },
    { name: 'staffOnly', type: 'checkbox', index: true },
    { name: 'system', type: 'relationship', relationTo: SLUGS.systems, required: true, index: true },
    { name: 'library', type: 'relationship', relationTo: SLUGS.libraries, index: true },
    { name: 'venue', type: 'relationship', relationTo: SLUGS.venues, index: true },
    { name: 'comune', type: 'select', options: COMUNE_OPTIONS, index: true },
    { name: 'categories', type: 'relationship', relationTo: SLUGS.categories, hasMany: true },
    { name: 'audiences', type: 'relationship', relationTo: SLUGS.audiences, hasMany: true },
    { name: 'campaigns', type: 'relationship', relationTo: SLUGS.campaigns, hasMany: true },
    { name: 'accessibility', type: 'select', options: ACCESSIBILITY_OPTIONS, hasMany: true },
    { name: 'series', type: 'relationship', relationTo: SLUGS.series, index: true },
    { name: 'festival', type: 'relationship', relationTo: SLUGS.festivals, index: true },
    { name: 'organiser', type: 'relationship', relationTo: SLUGS.partners, index: true },
    { name: 'ageMin', type: 'number', index: true },
    { name: 'ageMax', type: 'number', index: true },
    { name: 'free', type: 'checkbox', index: true },
    { name: 'featured', type: 'checkbox', index: true },
    { name: 'searchText', type: 'text' },
  ],
}
