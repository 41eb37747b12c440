import type { Payload } from 'payload'
import type { FollowKind } from '../../collections/Follows'
import { FOLLOW_KINDS } from '../../collections/Follows'
import { SLUGS } from '../../collections/slugs'
import { publicPagePath } from '../../shared/site-paths'

type Id = number | string
export type Target = { kind: FollowKind; id: Id; title: string; slug: string }

export const isFollowKind = (value: unknown): value is FollowKind =>
  typeof value === 'string' && (FOLLOW_KINDS as string[]).includes(value)

/** A page the public can read now, by kind and slug: what a follow may name. Read with the public's access. */
export const publicTarget = async (payload: Payload, kind: FollowKind, slug: string): Promise<Target | null> => {
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(slug)) return null
  const { docs } = await payload.find({
    collection: kind,
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: false,
    ...(kind === SLUGS.events ? { draft: false } : {}),
  })
  const doc = docs[0] as { id: Id; title?: string; name?: string; slug?: string } | undefined
  if (!doc) return null
  return { kind, id: doc.id, title: doc.title ?? doc.name ?? slug, slug: doc.slug ?? slug }
}

/** The page of a followed document (Italian path; the site adds /en). */
export const targetPath = (kind: FollowKind, slug: string) => publicPagePath(kind, slug)
