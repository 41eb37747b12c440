import type { CollectionSlug, Field, FieldHook } from 'payload'
import { slugify } from '../lib/slugify'

/**
 * A readable, unique slug. It is derived from `sourceField` when the document is created (or when the
 * editor empties it) and then kept, so links stay valid when the title changes.
 */
export const slugField = (sourceField = 'title'): Field => {
  const ensureSlug: FieldHook = async ({ value, data, originalDoc, collection, req }) => {
    const given = typeof value === 'string' ? slugify(value) : ''
    if (given && given === originalDoc?.slug) return given
    const base = given || slugify(String(data?.[sourceField] ?? originalDoc?.[sourceField] ?? '')) || 'senza-titolo'
    if (!collection) return base
    let candidate = base
    for (let n = 2; n < 1000; n++) {
      const clash = await req.payload.find({
        collection: collection.slug as CollectionSlug,
        where: {
          and: [{ slug: { equals: candidate } }, ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : [])],
        },
        limit: 1,
        depth: 0,
        pagination: false,
        draft: true,
        overrideAccess: true, // uniqueness spans documents the editor may not see
        req,
        select: {},
      })
      if (clash.docs.length === 0) return candidate
      candidate = `${base}-${n}`
    }
    return `${base}-${Date.now()}`
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
