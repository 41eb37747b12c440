import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`events_registration_age_bands\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`events_registration_age_bands_order_idx\` ON \`events_registration_age_bands\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`events_registration_age_bands_parent_idx\` ON \`events_registration_age_bands\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_events_v_version_registration_age_bands\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_events_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_events_v_version_registration_age_bands_order_idx\` ON \`_events_v_version_registration_age_bands\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_registration_age_bands_parent_idx\` ON \`_events_v_version_registration_age_bands\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`registrations_children\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`band\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`registrations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`registrations_children_order_idx\` ON \`registrations_children\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`registrations_children_parent_id_idx\` ON \`registrations_children\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`registrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`event_id\` integer NOT NULL,
  	\`start\` text NOT NULL,
  	\`status\` text DEFAULT 'confirmed' NOT NULL,
  	\`people\` numeric,
  	\`adults\` numeric NOT NULL,
  	\`name\` text,
  	\`email\` text,
  	\`phone\` text,
  	\`language\` text DEFAULT 'it',
  	\`system_id\` integer,
  	\`library_id\` integer,
  	\`purged_at\` text,
  	\`cancelled_at\` text,
  	\`token_nonce\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`system_id\`) REFERENCES \`systems\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`library_id\`) REFERENCES \`libraries\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`registrations_event_idx\` ON \`registrations\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`registrations_start_idx\` ON \`registrations\` (\`start\`);`)
  await db.run(sql`CREATE INDEX \`registrations_status_idx\` ON \`registrations\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`registrations_email_idx\` ON \`registrations\` (\`email\`);`)
  await db.run(sql`CREATE INDEX \`registrations_system_idx\` ON \`registrations\` (\`system_id\`);`)
  await db.run(sql`CREATE INDEX \`registrations_library_idx\` ON \`registrations\` (\`library_id\`);`)
  await db.run(sql`CREATE INDEX \`registrations_purged_at_idx\` ON \`registrations\` (\`purged_at\`);`)
  await db.run(sql`CREATE INDEX \`registrations_updated_at_idx\` ON \`registrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`registrations_created_at_idx\` ON \`registrations\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`registration_mode\` text DEFAULT 'off';`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`registration_places\` numeric;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`registration_max_per_booking\` numeric DEFAULT 6;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`registration_closes_hours_before\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`registration_waiting_list\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_registration_mode\` text DEFAULT 'off';`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_registration_places\` numeric;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_registration_max_per_booking\` numeric DEFAULT 6;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_registration_closes_hours_before\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_registration_waiting_list\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`systems\` ADD \`registration_retention_days\` numeric DEFAULT 30;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`registrations_id\` integer REFERENCES registrations(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_registrations_id_idx\` ON \`payload_locked_documents_rels\` (\`registrations_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`events_registration_age_bands\`;`)
  await db.run(sql`DROP TABLE \`_events_v_version_registration_age_bands\`;`)
  await db.run(sql`DROP TABLE \`registrations_children\`;`)
  await db.run(sql`DROP TABLE \`registrations\`;`)
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
  	FOREIGN KEY (\`deliveries_id\`) REFERENCES \`deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "events_id", "series_id", "festivals_id", "campaigns_id", "libraries_id", "venues_id", "systems_id", "categories_id", "audiences_id", "media_id", "users_id", "occurrences_id", "newsletters_id", "subscribers_id", "deliveries_id") SELECT "id", "order", "parent_id", "path", "events_id", "series_id", "festivals_id", "campaigns_id", "libraries_id", "venues_id", "systems_id", "categories_id", "audiences_id", "media_id", "users_id", "occurrences_id", "newsletters_id", "subscribers_id", "deliveries_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`registration_mode\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`registration_places\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`registration_max_per_booking\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`registration_closes_hours_before\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`registration_waiting_list\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_registration_mode\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_registration_places\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_registration_max_per_booking\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_registration_closes_hours_before\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_registration_waiting_list\`;`)
  await db.run(sql`ALTER TABLE \`systems\` DROP COLUMN \`registration_retention_days\`;`)
}
