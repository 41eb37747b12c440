import type { CollectionBeforeChangeHook } from 'payload'
import type { Subscriber } from '../../../cms/payload-types'
import { preferencesKey, preferencesOf } from '../preferences'

/** Control characters (CR and LF above all: header injection) replaced by spaces. */
export const stripControl = (value: string): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  value.replace(/[\u0000-\u001f\u007f]+/g, ' ')

/** Plain text only: control characters (CR/LF included) and angle brackets never reach a header or a body. */
export const cleanName = (value: unknown): string =>
  typeof value === 'string' ? stripControl(value).replace(/[<>]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60) : ''

export const normalizeEmail = (value: string): string => value.trim().toLowerCase()

/** Keeps the canonical preferences key (the digest groups by it) in step with the preferences. */
export const normalizeSubscriber: CollectionBeforeChangeHook<Subscriber> = ({ data, originalDoc }) => {
  if (typeof data.email === 'string') data.email = normalizeEmail(data.email)
  if ('firstName' in data) data.firstName = cleanName(data.firstName) || null
  const preferences = data.preferences ?? originalDoc?.preferences
  data.preferencesKey = preferencesKey(preferencesOf(preferences))
  return data
}
