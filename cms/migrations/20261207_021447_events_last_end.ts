import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`events\` ADD \`last_end\` text;`)
  await db.run(sql`CREATE INDEX \`events_last_end_idx\` ON \`events\` (\`last_end\`);`)
  // Events saved before the field: the end of their last published date, else (single-date drafts) their end.
  await db.run(sql`UPDATE \`events\` SET \`last_end\` = COALESCE(
    (SELECT MAX(o.\`end\`) FROM \`occurrences\` o WHERE o.\`event_id\` = \`events\`.\`id\`),
    CASE WHEN \`recurrence_frequency\` = 'none' THEN \`events\`.\`end\` END);`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_last_end\` text;`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_last_end_idx\` ON \`_events_v\` (\`version_last_end\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`events_last_end_idx\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`last_end\`;`)
  await db.run(sql`DROP INDEX \`_events_v_version_version_last_end_idx\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_last_end\`;`)
}
