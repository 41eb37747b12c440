/**
 * Whether this test file runs on the embedded SQLite (the default) rather than on MongoDB (`npm run test:mongo`).
 * Tests of SQLite itself (locks, WAL, its SQL statements, the sqlite3 client) run only there; the adapter-neutral
 * twins they are compared with run on both.
 */
// Read from INT_MONGODB_URL, which exists before any module loads (tests/helpers/int-env.ts derives DATABASE_URL
// from it, after this module may already have been evaluated).
export const onSqlite = !process.env.INT_MONGODB_URL

/** The server's address with the path naming database `name` (host lists, credentials and options kept). */
export const withDatabaseName = (url: string, name: string): string => {
  const m = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(url)
  if (!m) throw new Error('not a mongodb:// or mongodb+srv:// address')
  return `${m[1]}/${name}${m[2] ?? ''}`
}
