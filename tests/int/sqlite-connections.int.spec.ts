import { readdirSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { getPayload } from '../helpers/payload'

const openFiles = () => readdirSync('/proc/self/fd').length

describe('SQLite transactions', () => {
  afterAll(async () => (await getPayload()).destroy())

  it('do not leak a database connection per write (libsql would run out of file descriptors)', async () => {
    const payload = await getPayload()
    await payload.create({ collection: 'categories', data: { name: 'Prima' }, overrideAccess: true })
    const before = openFiles()
    for (let i = 0; i < 300; i++)
      await payload.create({ collection: 'categories', data: { name: `Categoria ${i}` }, overrideAccess: true })
    expect(openFiles() - before).toBeLessThan(10)
    expect((await payload.count({ collection: 'categories', overrideAccess: true })).totalDocs).toBe(301)
  })
})
