import { describe, expect, it } from 'vitest'
import { databaseAdapter, databaseKind } from '../../cms/db'

describe('DATABASE_URL chooses the database adapter', () => {
  it('file: URLs use the embedded SQLite adapter', () => {
    expect(databaseKind('file:./data/agenda.db')).toBe('sqlite')
    expect(databaseAdapter('file:/tmp/agenda-unit/agenda.db').name).toBe('sqlite')
  })

  it('mongodb:// and mongodb+srv:// use the MongoDB adapter', () => {
    expect(databaseKind('mongodb://db.example.org:27017/agenda')).toBe('mongodb')
    expect(databaseKind('mongodb+srv://user:pw@cluster.example.org/agenda')).toBe('mongodb')
    expect(databaseAdapter('mongodb://127.0.0.1:1/agenda').name).toBe('mongoose')
  })

  it('anything else is refused with a message that names the accepted schemes', () => {
    expect(() => databaseKind('postgres://localhost/agenda')).toThrow(/file:, mongodb:\/\/ or mongodb\+srv:\/\//)
  })
})
