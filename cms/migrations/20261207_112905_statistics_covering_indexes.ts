import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`start_status_event_places_noRegistration_idx\` ON \`occurrences\` (\`start\`,\`status\`,\`event_id\`,\`places\`,\`no_registration\`);`)
  await db.run(sql`CREATE INDEX \`start_status_people_event_system_library_idx\` ON \`registrations\` (\`start\`,\`status\`,\`people\`,\`event_id\`,\`system_id\`,\`library_id\`);`)
  await db.run(sql`CREATE INDEX \`start_event_system_library_format_outcome_total_idx\` ON \`attendance\` (\`start\`,\`event_id\`,\`system_id\`,\`library_id\`,\`format\`,\`outcome\`,\`total\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`_attendance_v\` (\`version_start\`,\`version_event_id\`,\`version_system_id\`,\`version_library_id\`,\`version_format\`,\`version_outcome\`,\`version_total\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`start_status_event_places_noRegistration_idx\`;`)
  await db.run(sql`DROP INDEX \`start_status_people_event_system_library_idx\`;`)
  await db.run(sql`DROP INDEX \`start_event_system_library_format_outcome_total_idx\`;`)
  await db.run(sql`DROP INDEX \`compound_index_idx\`;`)
}
