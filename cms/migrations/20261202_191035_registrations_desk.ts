import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`attendance_bands\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`band\` text NOT NULL,
  	\`count\` numeric NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`attendance\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`attendance_bands_order_idx\` ON \`attendance_bands\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`attendance_bands_parent_id_idx\` ON \`attendance_bands\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`attendance\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`event_id\` integer NOT NULL,
  	\`start\` text NOT NULL,
  	\`total\` numeric,
  	\`checked_in\` numeric,
  	\`walk_ins\` numeric,
  	\`format\` text DEFAULT 'presence',
  	\`notes\` text,
  	\`system_id\` integer NOT NULL,
  	\`library_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`system_id\`) REFERENCES \`systems\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`library_id\`) REFERENCES \`libraries\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`attendance_event_idx\` ON \`attendance\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`attendance_start_idx\` ON \`attendance\` (\`start\`);`)
  await db.run(sql`CREATE INDEX \`attendance_system_idx\` ON \`attendance\` (\`system_id\`);`)
  await db.run(sql`CREATE INDEX \`attendance_library_idx\` ON \`attendance\` (\`library_id\`);`)
  await db.run(sql`CREATE INDEX \`attendance_updated_at_idx\` ON \`attendance\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`attendance_created_at_idx\` ON \`attendance\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`event_start_idx\` ON \`attendance\` (\`event_id\`,\`start\`);`)
  await db.run(sql`CREATE TABLE \`_attendance_v_version_bands\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`band\` text NOT NULL,
  	\`count\` numeric NOT NULL,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_attendance_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_attendance_v_version_bands_order_idx\` ON \`_attendance_v_version_bands\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_attendance_v_version_bands_parent_id_idx\` ON \`_attendance_v_version_bands\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_attendance_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_event_id\` integer NOT NULL,
  	\`version_start\` text NOT NULL,
  	\`version_total\` numeric,
  	\`version_checked_in\` numeric,
  	\`version_walk_ins\` numeric,
  	\`version_format\` text DEFAULT 'presence',
  	\`version_notes\` text,
  	\`version_system_id\` integer NOT NULL,
  	\`version_library_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`attendance\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_system_id\`) REFERENCES \`systems\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_library_id\`) REFERENCES \`libraries\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_attendance_v_parent_idx\` ON \`_attendance_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_attendance_v_version_version_event_idx\` ON \`_attendance_v\` (\`version_event_id\`);`)
  await db.run(sql`CREATE INDEX \`_attendance_v_version_version_start_idx\` ON \`_attendance_v\` (\`version_start\`);`)
  await db.run(sql`CREATE INDEX \`_attendance_v_version_version_system_idx\` ON \`_attendance_v\` (\`version_system_id\`);`)
  await db.run(sql`CREATE INDEX \`_attendance_v_version_version_library_idx\` ON \`_attendance_v\` (\`version_library_id\`);`)
  await db.run(sql`CREATE INDEX \`_attendance_v_version_version_updated_at_idx\` ON \`_attendance_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_attendance_v_version_version_created_at_idx\` ON \`_attendance_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_attendance_v_created_at_idx\` ON \`_attendance_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_attendance_v_updated_at_idx\` ON \`_attendance_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`version_event_version_start_idx\` ON \`_attendance_v\` (\`version_event_id\`,\`version_start\`);`)
  await db.run(sql`CREATE TABLE \`notices_changes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`field\` text,
  	\`before\` text,
  	\`after\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`notices_changes_order_idx\` ON \`notices_changes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`notices_changes_parent_id_idx\` ON \`notices_changes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`notices\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`event_id\` integer NOT NULL,
  	\`start\` text,
  	\`kind\` text NOT NULL,
  	\`recipients\` numeric DEFAULT 0,
  	\`sent\` numeric DEFAULT 0,
  	\`failed\` numeric DEFAULT 0,
  	\`completed_at\` text,
  	\`system_id\` integer NOT NULL,
  	\`library_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`system_id\`) REFERENCES \`systems\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`library_id\`) REFERENCES \`libraries\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`notices_event_idx\` ON \`notices\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_start_idx\` ON \`notices\` (\`start\`);`)
  await db.run(sql`CREATE INDEX \`notices_system_idx\` ON \`notices\` (\`system_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_library_idx\` ON \`notices\` (\`library_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_updated_at_idx\` ON \`notices\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`notices_created_at_idx\` ON \`notices\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`exports\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`kind\` text NOT NULL,
  	\`status\` text DEFAULT 'queued',
  	\`params\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`bytes\` numeric,
  	\`error\` text,
  	\`expires_at\` text,
  	\`requested_by_id\` integer,
  	\`system_id\` integer,
  	\`library_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`requested_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`system_id\`) REFERENCES \`systems\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`library_id\`) REFERENCES \`libraries\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`exports_kind_idx\` ON \`exports\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`exports_expires_at_idx\` ON \`exports\` (\`expires_at\`);`)
  await db.run(sql`CREATE INDEX \`exports_requested_by_idx\` ON \`exports\` (\`requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`exports_system_idx\` ON \`exports\` (\`system_id\`);`)
  await db.run(sql`CREATE INDEX \`exports_library_idx\` ON \`exports\` (\`library_id\`);`)
  await db.run(sql`CREATE INDEX \`exports_updated_at_idx\` ON \`exports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`exports_created_at_idx\` ON \`exports\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`place_counters\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`event_id\` integer NOT NULL,
  	\`start\` text NOT NULL,
  	\`taken\` numeric DEFAULT 0 NOT NULL,
  	FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`place_counters_event_idx\` ON \`place_counters\` (\`event_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`event_start_1_idx\` ON \`place_counters\` (\`event_id\`,\`start\`);`)
  await db.run(sql`ALTER TABLE \`events_changed_dates\` ADD \`places\` numeric;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`registration_opens_days_before\` numeric;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`registration_offer_hours\` numeric DEFAULT 24;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`registration_question\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`staff_only\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`events_staff_only_idx\` ON \`events\` (\`staff_only\`);`)
  await db.run(sql`ALTER TABLE \`_events_v_version_changed_dates\` ADD \`places\` numeric;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_registration_opens_days_before\` numeric;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_registration_offer_hours\` numeric DEFAULT 24;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_registration_question\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_staff_only\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_staff_only_idx\` ON \`_events_v\` (\`version_staff_only\`);`)
  await db.run(sql`ALTER TABLE \`systems\` ADD \`registration_reminder_hours\` numeric DEFAULT 24;`)
  await db.run(sql`ALTER TABLE \`occurrences\` ADD \`places\` numeric;`)
  await db.run(sql`ALTER TABLE \`occurrences\` ADD \`staff_only\` integer;`)
  await db.run(sql`CREATE INDEX \`occurrences_staff_only_idx\` ON \`occurrences\` (\`staff_only\`);`)
  await db.run(sql`ALTER TABLE \`registrations\` ADD \`source\` text DEFAULT 'web';`)
  await db.run(sql`ALTER TABLE \`registrations\` ADD \`answer\` text;`)
  await db.run(sql`ALTER TABLE \`registrations\` ADD \`offered_at\` text;`)
  await db.run(sql`ALTER TABLE \`registrations\` ADD \`offer_expires_at\` text;`)
  await db.run(sql`ALTER TABLE \`registrations\` ADD \`checked_in_at\` text;`)
  await db.run(sql`ALTER TABLE \`registrations\` ADD \`reminded_at\` text;`)
  await db.run(sql`CREATE INDEX \`registrations_offer_expires_at_idx\` ON \`registrations\` (\`offer_expires_at\`);`)
  await db.run(sql`CREATE INDEX \`registrations_reminded_at_idx\` ON \`registrations\` (\`reminded_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`attendance_id\` integer REFERENCES attendance(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`notices_id\` integer REFERENCES notices(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`exports_id\` integer REFERENCES exports(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`place_counters_id\` integer REFERENCES place_counters(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_attendance_id_idx\` ON \`payload_locked_documents_rels\` (\`attendance_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notices_id_idx\` ON \`payload_locked_documents_rels\` (\`notices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_exports_id_idx\` ON \`payload_locked_documents_rels\` (\`exports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_place_counters_id_idx\` ON \`payload_locked_documents_rels\` (\`place_counters_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`attendance_bands\`;`)
  await db.run(sql`DROP TABLE \`attendance\`;`)
  await db.run(sql`DROP TABLE \`_attendance_v_version_bands\`;`)
  await db.run(sql`DROP TABLE \`_attendance_v\`;`)
  await db.run(sql`DROP TABLE \`notices_changes\`;`)
  await db.run(sql`DROP TABLE \`notices\`;`)
  await db.run(sql`DROP TABLE \`exports\`;`)
  await db.run(sql`DROP TABLE \`place_counters\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`events_id\` integer,
  	\`series_id\` integer,
  	\`festivals_id\` integer,
  	\`campaigns_id\` integer,
  	\`libraries_id\` integer,
  	\`venues_id\` integer,
  	\`systems_id\` integer,
  	\`categories_id\` integer,
  	\`audiences_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	\`occurrences_id\` integer,
  	\`newsletters_id\` integer,
  	\`subscribers_id\` integer,
  	\`deliveries_id\` integer,
  	\`registrations_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`series_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`festivals_id\`) REFERENCES \`festivals\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`campaigns_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`libraries_id\`) REFERENCES \`libraries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`venues_id\`) REFERENCES \`venues\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`systems_id\`) REFERENCES \`systems\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audiences_id\`) REFERENCES \`audiences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`occurrences_id\`) REFERENCES \`occurrences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`newsletters_id\`) REFERENCES \`newsletters\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`subscribers_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`deliveries_id\`) REFERENCES \`deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`registrations_id\`) REFERENCES \`registrations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "events_id", "series_id", "festivals_id", "campaigns_id", "libraries_id", "venues_id", "systems_id", "categories_id", "audiences_id", "media_id", "users_id", "occurrences_id", "newsletters_id", "subscribers_id", "deliveries_id", "registrations_id") SELECT "id", "order", "parent_id", "path", "events_id", "series_id", "festivals_id", "campaigns_id", "libraries_id", "venues_id", "systems_id", "categories_id", "audiences_id", "media_id", "users_id", "occurrences_id", "newsletters_id", "subscribers_id", "deliveries_id", "registrations_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_series_id_idx\` ON \`payload_locked_documents_rels\` (\`series_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_festivals_id_idx\` ON \`payload_locked_documents_rels\` (\`festivals_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_campaigns_id_idx\` ON \`payload_locked_documents_rels\` (\`campaigns_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_libraries_id_idx\` ON \`payload_locked_documents_rels\` (\`libraries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_venues_id_idx\` ON \`payload_locked_documents_rels\` (\`venues_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_systems_id_idx\` ON \`payload_locked_documents_rels\` (\`systems_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audiences_id_idx\` ON \`payload_locked_documents_rels\` (\`audiences_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_occurrences_id_idx\` ON \`payload_locked_documents_rels\` (\`occurrences_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsletters_id_idx\` ON \`payload_locked_documents_rels\` (\`newsletters_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscribers_id_idx\` ON \`payload_locked_documents_rels\` (\`subscribers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_registrations_id_idx\` ON \`payload_locked_documents_rels\` (\`registrations_id\`);`)
  await db.run(sql`DROP INDEX \`events_staff_only_idx\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`registration_opens_days_before\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`registration_offer_hours\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`registration_question\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`staff_only\`;`)
  await db.run(sql`DROP INDEX \`_events_v_version_version_staff_only_idx\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_registration_opens_days_before\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_registration_offer_hours\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_registration_question\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_staff_only\`;`)
  await db.run(sql`DROP INDEX \`occurrences_staff_only_idx\`;`)
  await db.run(sql`ALTER TABLE \`occurrences\` DROP COLUMN \`places\`;`)
  await db.run(sql`ALTER TABLE \`occurrences\` DROP COLUMN \`staff_only\`;`)
  await db.run(sql`DROP INDEX \`registrations_offer_expires_at_idx\`;`)
  await db.run(sql`DROP INDEX \`registrations_reminded_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`registrations\` DROP COLUMN \`source\`;`)
  await db.run(sql`ALTER TABLE \`registrations\` DROP COLUMN \`answer\`;`)
  await db.run(sql`ALTER TABLE \`registrations\` DROP COLUMN \`offered_at\`;`)
  await db.run(sql`ALTER TABLE \`registrations\` DROP COLUMN \`offer_expires_at\`;`)
  await db.run(sql`ALTER TABLE \`registrations\` DROP COLUMN \`checked_in_at\`;`)
  await db.run(sql`ALTER TABLE \`registrations\` DROP COLUMN \`reminded_at\`;`)
  await db.run(sql`ALTER TABLE \`events_changed_dates\` DROP COLUMN \`places\`;`)
  await db.run(sql`ALTER TABLE \`_events_v_version_changed_dates\` DROP COLUMN \`places\`;`)
  await db.run(sql`ALTER TABLE \`systems\` DROP COLUMN \`registration_reminder_hours\`;`)
}
