import type { CollectionSlug, Field, FieldHook, Where } from 'payload'
import { slugify } from '../lib/slugify'

type Data = Record<string, unknown> | undefined

/**
 * A readable, unique slug. It is derived from `sourceField` when the document is created (or when the
 * editor empties it) and then kept, so links stay valid when the title changes. On a clash the
 * `qualifier` (e.g. the event's date) is appended, then the smallest free number.
 */
export const slugField = (sourceField = 'title', qualifier?: (data: Data) => string | undefined): Field => {
  const ensureSlug: FieldHook = async ({ value, data, originalDoc, collection, req }) => {
    const given = typeof value === 'string' ? slugify(value) : ''
    if (given && given === originalDoc?.slug) return given
    const base = given || slugify(String(data?.[sourceField] ?? originalDoc?.[sourceField] ?? '')) || 'senza-titolo'
    if (!collection) return base
    const exists = async (slug: string) =>
      (
        await req.payload.count({
          collection: collection.slug as CollectionSlug,
          where: {
            and: [{ slug: { equals: slug } }, ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : [])],
          },
          overrideAccess: true, // uniqueness spans documents the editor may not see
          req,
        })
      ).totalDocs > 0
    const taken = async (where: Where) =>
      (
        await req.payload.find({
          collection: collection.slug as CollectionSlug,
          where: { and: [where, ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : [])] },
          select: { slug: true },
          pagination: false,
          depth: 0,
          overrideAccess: true, // uniqueness spans documents the editor may not see
          req,
        })
      ).docs.map((doc) => String((doc as { slug?: string }).slug))
    if (!(await exists(base))) return base
    const extra = qualifier?.({ ...originalDoc, ...data })
    const stem = extra ? `${base}-${slugify(extra)}` : base
    if (stem !== base && !(await exists(stem))) return stem
    // `stem-…` slugs as an index range: every string that starts with "stem-" sorts below "stem.".
    const prefix = `${stem}-`
    const numbered = await taken({ and: [{ slug: { greater_than: prefix } }, { slug: { less_than: `${stem}.` } }] })
    const used = new Set(numbered.map((slug) => Number(slug.slice(prefix.length))))
    let n = 2
    while (used.has(n)) n++
    return `${prefix}${n}`
  }
  return {
    name: 'slug',
    type: 'text',
    label: 'Slug (indirizzo)',
    unique: true,
    index: true,
    admin: {
      position: 'sidebar',
      description: 'Parte finale dell’indirizzo web. Si genera dal titolo e resta stabile se il titolo cambia.',
    },
    hooks: { beforeValidate: [ensureSlug] },
  }
}
