import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// The attendance added up per month of Rome's calendar, kept by triggers in the same transaction as every write
// to `attendance` and `attendance_ages` (cms/statistics/sums.ts reads them). Payload's schema does not know these
// two tables: they are only ever written by the triggers below.
//
// The month key is `romeMonthSql` of cms/statistics/period.ts as it stood when this migration was written, as a
// YYYYMM integer; a change there needs a migration that rebuilds both tables.
const month = (start: string) =>
  `COALESCE(CAST(replace(CASE WHEN substr(${start}, 9, 5) >= '28T22' THEN substr(datetime(${start}, CASE WHEN CAST(substr(${start}, 6, 2) AS INTEGER) BETWEEN 3 AND 9 THEN '+2 hours' ELSE '+1 hours' END), 1, 7) ELSE substr(${start}, 1, 7) END, '-', '') AS INTEGER), 0)`
const held = (row: string) => `CASE WHEN ${row}.outcome IS NULL OR ${row}.outcome = 'held' THEN 1 ELSE 0 END`
/** The key columns of a record's row in both tables; NULL is stored as 0 / '' so that the key is unique. */
const keys = (row: string) =>
  `${month(`${row}.start`)}, COALESCE(${row}.library_id, 0), COALESCE(${row}.system_id, 0), COALESCE(${row}.format, '')`

const SUMS_CONFLICT = `ON CONFLICT (month, library_id, system_id, format) DO UPDATE SET records = records + excluded.records,
  held = held + excluded.held, people = people + excluded.people`
const BANDS_CONFLICT = `ON CONFLICT (band_id, month, library_id, system_id, format) DO UPDATE SET rows = rows + excluded.rows,
  held = held + excluded.held, people = people + excluded.people`

/** Adds (sign 1) or takes away (sign -1) a record's own row. */
const record = (row: string, sign: 1 | -1) =>
  `INSERT INTO attendance_sums (month, library_id, system_id, format, records, held, people)
    VALUES (${keys(row)}, ${sign}, ${sign} * ${held(row)}, ${sign} * COALESCE(${row}.total, 0)) ${SUMS_CONFLICT};`

/** Adds or takes away the age bands of record `row` (its `attendance_ages` rows). */
const bands = (row: string, sign: 1 | -1) =>
  `INSERT INTO attendance_band_sums (band_id, month, library_id, system_id, format, rows, held, people)
    SELECT g.band_id, ${keys(row)}, ${sign}, ${sign} * ${held(row)}, ${sign} * COALESCE(g.count, 0)
    FROM attendance_ages g WHERE g._parent_id = ${row}.id AND g.band_id IS NOT NULL ${BANDS_CONFLICT};`

/** A band row's parent, when it still exists (a cascade from a deleted record finds none: see the BEFORE DELETE). */
const bandOfParent = (band: 'NEW' | 'OLD', sign: 1 | -1) =>
  `INSERT INTO attendance_band_sums (band_id, month, library_id, system_id, format, rows, held, people)
    SELECT ${band}.band_id, ${keys('a')}, ${sign}, ${sign} * ${held('a')}, ${sign} * COALESCE(${band}.count, 0)
    FROM attendance a WHERE a.id = ${band}._parent_id AND ${band}.band_id IS NOT NULL ${BANDS_CONFLICT};`

const STATEMENTS = [
  `CREATE TABLE attendance_sums (month integer NOT NULL, library_id integer NOT NULL, system_id integer NOT NULL,
    format text NOT NULL, records integer NOT NULL, held integer NOT NULL, people numeric NOT NULL,
    PRIMARY KEY (month, library_id, system_id, format))`,
  `CREATE TABLE attendance_band_sums (band_id integer NOT NULL, month integer NOT NULL, library_id integer NOT NULL,
    system_id integer NOT NULL, format text NOT NULL, rows integer NOT NULL, held integer NOT NULL, people numeric NOT NULL,
    PRIMARY KEY (band_id, month, library_id, system_id, format))`,
  `CREATE INDEX attendance_band_sums_month_idx ON attendance_band_sums (month)`,
  `CREATE TRIGGER attendance_sums_insert AFTER INSERT ON attendance BEGIN ${record('NEW', 1)} END`,
  // BEFORE: the record's bands are still there to take away (a cascade then deletes them, finding no parent).
  `CREATE TRIGGER attendance_sums_delete BEFORE DELETE ON attendance BEGIN ${record('OLD', -1)} ${bands('OLD', -1)} END`,
  `CREATE TRIGGER attendance_sums_update AFTER UPDATE OF start, library_id, system_id, format, outcome, total ON attendance
    BEGIN ${record('OLD', -1)} ${record('NEW', 1)} ${bands('OLD', -1)} ${bands('NEW', 1)} END`,
  `CREATE TRIGGER attendance_band_sums_insert AFTER INSERT ON attendance_ages BEGIN ${bandOfParent('NEW', 1)} END`,
  `CREATE TRIGGER attendance_band_sums_delete AFTER DELETE ON attendance_ages BEGIN ${bandOfParent('OLD', -1)} END`,
  `CREATE TRIGGER attendance_band_sums_update AFTER UPDATE OF band_id, count, _parent_id ON attendance_ages
    BEGIN ${bandOfParent('OLD', -1)} ${bandOfParent('NEW', 1)} END`,
  // What is already recorded.
  `INSERT INTO attendance_sums (month, library_id, system_id, format, records, held, people)
    SELECT ${keys('a')}, COUNT(*), SUM(${held('a')}), SUM(COALESCE(a.total, 0)) FROM attendance a
    WHERE true GROUP BY 1, 2, 3, 4`,
  `INSERT INTO attendance_band_sums (band_id, month, library_id, system_id, format, rows, held, people)
    SELECT g.band_id, ${keys('a')}, COUNT(*), SUM(${held('a')}), SUM(COALESCE(g.count, 0))
    FROM attendance_ages g JOIN attendance a ON a.id = g._parent_id WHERE g.band_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5`,
]

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of STATEMENTS) await db.run(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const name of [
    'attendance_sums_insert',
    'attendance_sums_delete',
    'attendance_sums_update',
    'attendance_band_sums_insert',
    'attendance_band_sums_delete',
    'attendance_band_sums_update',
  ])
    await db.run(sql.raw(`DROP TRIGGER IF EXISTS ${name}`))
  await db.run(sql.raw('DROP TABLE IF EXISTS attendance_band_sums'))
  await db.run(sql.raw('DROP TABLE IF EXISTS attendance_sums'))
}
