import { describe, expect, it } from 'vitest'
import { ACTORS, type Ctx, MATRIX, type Owner, rowCount, rowOf, type Transport } from './rights'

type Id = number | string

const refused = (status: number, what: string) => {
  expect(status, `${what}: refused with a 4xx`).toBeGreaterThanOrEqual(400)
  expect(status, `${what}: never a server error`).toBeLessThan(500)
}
const ids = (docs: { id: Id }[] | undefined) => (docs ?? []).map((d) => String(d.id))
let counter = 0
const markerOf = (what: string) => `matrice-${what}-${Date.now().toString(36)}-${counter++}`

/**
 * One test per collection × actor × owner: read (by id and in a list), create, update, duplicate and
 * delete (one by id, many by `where`), each answered as the matrix says; every refusal is followed by a
 * read, bypassing access, showing nothing was written.
 */
export const describeMatrix = (ctx: () => Ctx, transport: () => Transport, label: string) =>
  describe.each(Object.keys(MATRIX))(`${label}: %s`, (collection) => {
    const spec = MATRIX[collection]!
    const cells = ACTORS.flatMap((actor) => spec.owners.map((owner) => [actor, owner] as const))
    it.each(cells)('%s on rows of %s', async (actor, owner: Owner) => {
      const c = ctx()
      const t = transport()
      const rest = t.name !== 'Local API'
      const expected =
        spec.noRest && rest ? { read: false, create: false, update: false, delete: false } : spec.rights(actor, owner)
      const at = (op: string) => `${t.name} ${actor} ${op} ${collection} of ${owner}`

      // Read: by id and in a list.
      const row = await spec.make(c, owner)
      const one = await t.findByID(actor, collection, row.id)
      const list = await t.find(actor, collection, { id: { equals: row.id } })
      if (expected.read) {
        expect(one.status, at('findByID')).toBe(200)
        expect(ids(list.docs), at('find')).toContain(String(row.id))
      } else {
        // A 200 is a refusal only if the row is not in it (payload-preferences/:key reads one's own by key).
        if (one.status < 400)
          expect(String(one.doc?.id), at('findByID: the row is not returned')).not.toBe(String(row.id))
        else refused(one.status, at('findByID'))
        if (list.status < 400) expect(ids(list.docs), at('find')).not.toContain(String(row.id))
        else refused(list.status, at('find'))
      }

      // Create.
      const marker = markerOf('c')
      const created = await t.create(actor, collection, spec.data(c, owner, marker, actor))
      const written = await rowCount(c, collection, { [spec.key]: { equals: marker } })
      if (expected.create === true && !spec.allowedCreateTestedIn) {
        expect(created.status, `${at('create')} ${JSON.stringify(created.doc).slice(0, 300)}`).toBe(201)
        expect(written, at('create: the row is there')).toBe(1)
      } else if (expected.create !== true) {
        refused(created.status, at('create'))
        expect(written, at('create: nothing written')).toBe(0)
      }

      // Update: one by id, then many by where.
      const target = await spec.make(c, owner)
      const before = await rowOf(c, collection, target.id)
      const change = markerOf('u')
      const data = spec.change ? spec.change(c, change, actor) : { [spec.key]: change }
      const updated = await t.update(actor, collection, target.id, data)
      const after = await rowOf(c, collection, target.id)
      if (expected.update === true) {
        expect(updated.status, at('update')).toBe(200)
        const key = Object.keys(data)[0] as string
        expect(JSON.stringify(after?.[key]), at('update: written')).toContain(
          JSON.stringify(typeof data[key] === 'object' ? (data[key] as { value: unknown }).value : data[key]),
        )
      } else if (expected.update === 'ignored') {
        expect(updated.status, at('update (ignored fields)')).toBe(200)
        expect(after?.[spec.key], at('update: field unchanged')).toEqual(before?.[spec.key])
      } else {
        refused(updated.status, at('update'))
        expect(after, at('update: nothing written')).toEqual(before)
        const many = await t.updateMany(actor, collection, { id: { equals: target.id } }, data)
        expect(many.status, at('update many: never a server error')).toBeLessThan(500)
        expect(await rowOf(c, collection, target.id), at('update many: nothing written')).toEqual(before)
      }

      // Duplicate: a copy is a create of the source's content; refused unless both are allowed.
      if (!(expected.create === true && expected.update === true)) {
        const total = await rowCount(c, collection)
        const copy = await t.duplicate(actor, collection, target.id)
        refused(copy.status, at('duplicate'))
        expect(await rowCount(c, collection), at('duplicate: nothing written')).toBe(total)
      }

      // Delete: one by id, then many by where.
      const victim = expected.delete && spec.disposable ? await spec.disposable(c, owner) : await spec.make(c, owner)
      const removed = await t.delete(actor, collection, victim.id)
      if (expected.delete) {
        expect(removed.status, at('delete')).toBe(200)
        expect(await rowCount(c, collection, { id: { equals: victim.id } }), at('delete: gone')).toBe(0)
      } else {
        refused(removed.status, at('delete'))
        const many = await t.deleteMany(actor, collection, { id: { equals: victim.id } })
        expect(many.status, at('delete many: never a server error')).toBeLessThan(500)
        expect(await rowCount(c, collection, { id: { equals: victim.id } }), at('delete: still there')).toBe(1)
      }
    })
  })
