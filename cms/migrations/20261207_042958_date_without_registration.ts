import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`events_changed_dates\` ADD \`no_registration\` integer;`)
  await db.run(sql`ALTER TABLE \`_events_v_version_changed_dates\` ADD \`no_registration\` integer;`)
  await db.run(sql`ALTER TABLE \`occurrences\` ADD \`no_registration\` integer;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`events_changed_dates\` DROP COLUMN \`no_registration\`;`)
  await db.run(sql`ALTER TABLE \`_events_v_version_changed_dates\` DROP COLUMN \`no_registration\`;`)
  await db.run(sql`ALTER TABLE \`occurrences\` DROP COLUMN \`no_registration\`;`)
}
