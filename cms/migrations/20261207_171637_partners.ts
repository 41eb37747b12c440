import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`partners\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text,
  	\`kind\` text DEFAULT 'altro' NOT NULL,
  	\`comune\` text NOT NULL,
  	\`summary\` text,
  	\`website\` text,
  	\`email\` text,
  	\`note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`partners_slug_idx\` ON \`partners\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`partners_comune_idx\` ON \`partners\` (\`comune\`);`)
  await db.run(sql`CREATE INDEX \`partners_updated_at_idx\` ON \`partners\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`partners_created_at_idx\` ON \`partners\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`partners_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`systems_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`systems_id\`) REFERENCES \`systems\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`partners_rels_order_idx\` ON \`partners_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`partners_rels_parent_idx\` ON \`partners_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`partners_rels_path_idx\` ON \`partners_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`partners_rels_systems_id_idx\` ON \`partners_rels\` (\`systems_id\`);`)
  // `ON DELETE set null` added by hand, as the tables created whole have it: the generator omits it on ADD, and
  // an old version naming a deleted partner would then make the delete fail.
  await db.run(sql`ALTER TABLE \`events\` ADD \`organiser_id\` integer REFERENCES partners(id) ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`events_organiser_idx\` ON \`events\` (\`organiser_id\`);`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_organiser_id\` integer REFERENCES partners(id) ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_organiser_idx\` ON \`_events_v\` (\`version_organiser_id\`);`)
  await db.run(sql`ALTER TABLE \`occurrences\` ADD \`organiser_id\` integer REFERENCES partners(id) ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`occurrences_organiser_idx\` ON \`occurrences\` (\`organiser_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`partners_id\` integer REFERENCES partners(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_partners_id_idx\` ON \`payload_locked_documents_rels\` (\`partners_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`partners\`;`)
  await db.run(sql`DROP TABLE \`partners_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`summary\` text,
  	\`description\` text,
  	\`image_id\` integer,
  	\`image_alt\` text,
  	\`start\` text,
  	\`start_tz\` text DEFAULT 'Europe/Rome',
  	\`end\` text,
  	\`end_tz\` text DEFAULT 'Europe/Rome',
  	\`all_day\` integer DEFAULT false,
  	\`recurrence_frequency\` text DEFAULT 'none',
  	\`recurrence_interval\` numeric DEFAULT 1,
  	\`recurrence_until\` text,
  	\`recurrence_count\` numeric,
  	\`library_id\` integer,
  	\`venue_id\` integer,
  	\`place_notes\` text,
  	\`online_url\` text,
  	\`min_age\` numeric,
  	\`max_age\` numeric,
  	\`free\` integer DEFAULT true,
  	\`price\` text,
  	\`booking_mode\` text DEFAULT 'none',
  	\`booking_url\` text,
  	\`booking_phone\` text,
  	\`booking_email\` text,
  	\`registration_mode\` text DEFAULT 'off',
  	\`registration_places\` numeric,
  	\`registration_max_per_booking\` numeric DEFAULT 6,
  	\`registration_closes_hours_before\` numeric DEFAULT 0,
  	\`registration_opens_days_before\` numeric,
  	\`registration_offer_hours\` numeric DEFAULT 24,
  	\`registration_question\` text,
  	\`registration_waiting_list\` integer DEFAULT true,
  	\`series_id\` integer,
  	\`festival_id\` integer,
  	\`slug\` text,
  	\`system_id\` integer,
  	\`status\` text DEFAULT 'scheduled',
  	\`review\` text DEFAULT 'none',
  	\`staff_only\` integer DEFAULT false,
  	\`featured\` integer DEFAULT false,
  	\`occurrences_info\` text,
  	\`last_end\` text,
  	\`occurrences_rolling\` integer DEFAULT false,
  	\`sequence\` numeric DEFAULT 0,
  	\`first_published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`library_id\`) REFERENCES \`libraries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`venue_id\`) REFERENCES \`venues\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`series_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`festival_id\`) REFERENCES \`festivals\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`system_id\`) REFERENCES \`systems\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_events\`("id", "title", "summary", "description", "image_id", "image_alt", "start", "start_tz", "end", "end_tz", "all_day", "recurrence_frequency", "recurrence_interval", "recurrence_until", "recurrence_count", "library_id", "venue_id", "place_notes", "online_url", "min_age", "max_age", "free", "price", "booking_mode", "booking_url", "booking_phone", "booking_email", "registration_mode", "registration_places", "registration_max_per_booking", "registration_closes_hours_before", "registration_opens_days_before", "registration_offer_hours", "registration_question", "registration_waiting_list", "series_id", "festival_id", "slug", "system_id", "status", "review", "staff_only", "featured", "occurrences_info", "last_end", "occurrences_rolling", "sequence", "first_published_at", "updated_at", "created_at", "_status") SELECT "id", "title", "summary", "description", "image_id", "image_alt", "start", "start_tz", "end", "end_tz", "all_day", "recurrence_frequency", "recurrence_interval", "recurrence_until", "recurrence_count", "library_id", "venue_id", "place_notes", "online_url", "min_age", "max_age", "free", "price", "booking_mode", "booking_url", "booking_phone", "booking_email", "registration_mode", "registration_places", "registration_max_per_booking", "registration_closes_hours_before", "registration_opens_days_before", "registration_offer_hours", "registration_question", "registration_waiting_list", "series_id", "festival_id", "slug", "system_id", "status", "review", "staff_only", "featured", "occurrences_info", "last_end", "occurrences_rolling", "sequence", "first_published_at", "updated_at", "created_at", "_status" FROM \`events\`;`)
  await db.run(sql`DROP TABLE \`events\`;`)
  await db.run(sql`ALTER TABLE \`__new_events\` RENAME TO \`events\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`events_image_idx\` ON \`events\` (\`image_id\`);`)
  await db.run(sql`CREATE INDEX \`events_start_idx\` ON \`events\` (\`start\`);`)
  await db.run(sql`CREATE INDEX \`events_library_idx\` ON \`events\` (\`library_id\`);`)
  await db.run(sql`CREATE INDEX \`events_venue_idx\` ON \`events\` (\`venue_id\`);`)
  await db.run(sql`CREATE INDEX \`events_series_idx\` ON \`events\` (\`series_id\`);`)
  await db.run(sql`CREATE INDEX \`events_festival_idx\` ON \`events\` (\`festival_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`events_slug_idx\` ON \`events\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`events_system_idx\` ON \`events\` (\`system_id\`);`)
  await db.run(sql`CREATE INDEX \`events_status_idx\` ON \`events\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`events_staff_only_idx\` ON \`events\` (\`staff_only\`);`)
  await db.run(sql`CREATE INDEX \`events_featured_idx\` ON \`events\` (\`featured\`);`)
  await db.run(sql`CREATE INDEX \`events_last_end_idx\` ON \`events\` (\`last_end\`);`)
  await db.run(sql`CREATE INDEX \`events_occurrences_rolling_idx\` ON \`events\` (\`occurrences_rolling\`);`)
  await db.run(sql`CREATE INDEX \`events_first_published_at_idx\` ON \`events\` (\`first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`events_updated_at_idx\` ON \`events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`events_created_at_idx\` ON \`events\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`events__status_idx\` ON \`events\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__events_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_summary\` text,
  	\`version_description\` text,
  	\`version_image_id\` integer,
  	\`version_image_alt\` text,
  	\`version_start\` text,
  	\`version_start_tz\` text DEFAULT 'Europe/Rome',
  	\`version_end\` text,
  	\`version_end_tz\` text DEFAULT 'Europe/Rome',
  	\`version_all_day\` integer DEFAULT false,
  	\`version_recurrence_frequency\` text DEFAULT 'none',
  	\`version_recurrence_interval\` numeric DEFAULT 1,
  	\`version_recurrence_until\` text,
  	\`version_recurrence_count\` numeric,
  	\`version_library_id\` integer,
  	\`version_venue_id\` integer,
  	\`version_place_notes\` text,
  	\`version_online_url\` text,
  	\`version_min_age\` numeric,
  	\`version_max_age\` numeric,
  	\`version_free\` integer DEFAULT true,
  	\`version_price\` text,
  	\`version_booking_mode\` text DEFAULT 'none',
  	\`version_booking_url\` text,
  	\`version_booking_phone\` text,
  	\`version_booking_email\` text,
  	\`version_registration_mode\` text DEFAULT 'off',
  	\`version_registration_places\` numeric,
  	\`version_registration_max_per_booking\` numeric DEFAULT 6,
  	\`version_registration_closes_hours_before\` numeric DEFAULT 0,
  	\`version_registration_opens_days_before\` numeric,
  	\`version_registration_offer_hours\` numeric DEFAULT 24,
  	\`version_registration_question\` text,
  	\`version_registration_waiting_list\` integer DEFAULT true,
  	\`version_series_id\` integer,
  	\`version_festival_id\` integer,
  	\`version_slug\` text,
  	\`version_system_id\` integer,
  	\`version_status\` text DEFAULT 'scheduled',
  	\`version_review\` text DEFAULT 'none',
  	\`version_staff_only\` integer DEFAULT false,
  	\`version_featured\` integer DEFAULT false,
  	\`version_occurrences_info\` text,
  	\`version_last_end\` text,
  	\`version_occurrences_rolling\` integer DEFAULT false,
  	\`version_sequence\` numeric DEFAULT 0,
  	\`version_first_published_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_library_id\`) REFERENCES \`libraries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_venue_id\`) REFERENCES \`venues\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_series_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_festival_id\`) REFERENCES \`festivals\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_system_id\`) REFERENCES \`systems\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__events_v\`("id", "parent_id", "version_title", "version_summary", "version_description", "version_image_id", "version_image_alt", "version_start", "version_start_tz", "version_end", "version_end_tz", "version_all_day", "version_recurrence_frequency", "version_recurrence_interval", "version_recurrence_until", "version_recurrence_count", "version_library_id", "version_venue_id", "version_place_notes", "version_online_url", "version_min_age", "version_max_age", "version_free", "version_price", "version_booking_mode", "version_booking_url", "version_booking_phone", "version_booking_email", "version_registration_mode", "version_registration_places", "version_registration_max_per_booking", "version_registration_closes_hours_before", "version_registration_opens_days_before", "version_registration_offer_hours", "version_registration_question", "version_registration_waiting_list", "version_series_id", "version_festival_id", "version_slug", "version_system_id", "version_status", "version_review", "version_staff_only", "version_featured", "version_occurrences_info", "version_last_end", "version_occurrences_rolling", "version_sequence", "version_first_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_summary", "version_description", "version_image_id", "version_image_alt", "version_start", "version_start_tz", "version_end", "version_end_tz", "version_all_day", "version_recurrence_frequency", "version_recurrence_interval", "version_recurrence_until", "version_recurrence_count", "version_library_id", "version_venue_id", "version_place_notes", "version_online_url", "version_min_age", "version_max_age", "version_free", "version_price", "version_booking_mode", "version_booking_url", "version_booking_phone", "version_booking_email", "version_registration_mode", "version_registration_places", "version_registration_max_per_booking", "version_registration_closes_hours_before", "version_registration_opens_days_before", "version_registration_offer_hours", "version_registration_question", "version_registration_waiting_list", "version_series_id", "version_festival_id", "version_slug", "version_system_id", "version_status", "version_review", "version_staff_only", "version_featured", "version_occurrences_info", "version_last_end", "version_occurrences_rolling", "version_sequence", "version_first_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_events_v\`;`)
  await db.run(sql`DROP TABLE \`_events_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__events_v\` RENAME TO \`_events_v\`;`)
  await db.run(sql`CREATE INDEX \`_events_v_parent_idx\` ON \`_events_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_image_idx\` ON \`_events_v\` (\`version_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_start_idx\` ON \`_events_v\` (\`version_start\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_library_idx\` ON \`_events_v\` (\`version_library_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_venue_idx\` ON \`_events_v\` (\`version_venue_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_series_idx\` ON \`_events_v\` (\`version_series_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_festival_idx\` ON \`_events_v\` (\`version_festival_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_slug_idx\` ON \`_events_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_system_idx\` ON \`_events_v\` (\`version_system_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_status_idx\` ON \`_events_v\` (\`version_status\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_staff_only_idx\` ON \`_events_v\` (\`version_staff_only\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_featured_idx\` ON \`_events_v\` (\`version_featured\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_last_end_idx\` ON \`_events_v\` (\`version_last_end\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_occurrences_rolling_idx\` ON \`_events_v\` (\`version_occurrences_rolling\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_first_published_at_idx\` ON \`_events_v\` (\`version_first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_updated_at_idx\` ON \`_events_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_created_at_idx\` ON \`_events_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version__status_idx\` ON \`_events_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_created_at_idx\` ON \`_events_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_updated_at_idx\` ON \`_events_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_latest_idx\` ON \`_events_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_occurrences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`event_id\` integer NOT NULL,
  	\`title\` text NOT NULL,
  	\`start\` text NOT NULL,
  	\`end\` text NOT NULL,
  	\`original_start\` text NOT NULL,
  	\`day\` text NOT NULL,
  	\`all_day\` integer,
  	\`status\` text,
  	\`note\` text,
  	\`places\` numeric,
  	\`no_registration\` integer,
  	\`staff_only\` integer,
  	\`system_id\` integer NOT NULL,
  	\`library_id\` integer,
  	\`venue_id\` integer,
  	\`comune\` text,
  	\`series_id\` integer,
  	\`festival_id\` integer,
  	\`age_min\` numeric,
  	\`age_max\` numeric,
  	\`free\` integer,
  	\`featured\` integer,
  	\`search_text\` text,
  	FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`system_id\`) REFERENCES \`systems\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`library_id\`) REFERENCES \`libraries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`venue_id\`) REFERENCES \`venues\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`series_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`festival_id\`) REFERENCES \`festivals\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_occurrences\`("id", "event_id", "title", "start", "end", "original_start", "day", "all_day", "status", "note", "places", "no_registration", "staff_only", "system_id", "library_id", "venue_id", "comune", "series_id", "festival_id", "age_min", "age_max", "free", "featured", "search_text") SELECT "id", "event_id", "title", "start", "end", "original_start", "day", "all_day", "status", "note", "places", "no_registration", "staff_only", "system_id", "library_id", "venue_id", "comune", "series_id", "festival_id", "age_min", "age_max", "free", "featured", "search_text" FROM \`occurrences\`;`)
  await db.run(sql`DROP TABLE \`occurrences\`;`)
  await db.run(sql`ALTER TABLE \`__new_occurrences\` RENAME TO \`occurrences\`;`)
  await db.run(sql`CREATE INDEX \`occurrences_event_idx\` ON \`occurrences\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`occurrences_start_idx\` ON \`occurrences\` (\`start\`);`)
  await db.run(sql`CREATE INDEX \`occurrences_end_idx\` ON \`occurrences\` (\`end\`);`)
  await db.run(sql`CREATE INDEX \`occurrences_day_idx\` ON \`occurrences\` (\`day\`);`)
  await db.run(sql`CREATE INDEX \`occurrences_status_idx\` ON \`occurrences\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`occurrences_staff_only_idx\` ON \`occurrences\` (\`staff_only\`);`)
  await db.run(sql`CREATE INDEX \`occurrences_system_idx\` ON \`occurrences\` (\`system_id\`);`)
  await db.run(sql`CREATE INDEX \`occurrences_library_idx\` ON \`occurrences\` (\`library_id\`);`)
  await db.run(sql`CREATE INDEX \`occurrences_venue_idx\` ON \`occurrences\` (\`venue_id\`);`)
  await db.run(sql`CREATE INDEX \`occurrences_comune_idx\` ON \`occurrences\` (\`comune\`);`)
  await db.run(sql`CREATE INDEX \`occurrences_series_idx\` ON \`occurrences\` (\`series_id\`);`)
  await db.run(sql`CREATE INDEX \`occurrences_festival_idx\` ON \`occurrences\` (\`festival_id\`);`)
  await db.run(sql`CREATE INDEX \`occurrences_age_min_idx\` ON \`occurrences\` (\`age_min\`);`)
  await db.run(sql`CREATE INDEX \`occurrences_age_max_idx\` ON \`occurrences\` (\`age_max\`);`)
  await db.run(sql`CREATE INDEX \`occurrences_free_idx\` ON \`occurrences\` (\`free\`);`)
  await db.run(sql`CREATE INDEX \`occurrences_featured_idx\` ON \`occurrences\` (\`featured\`);`)
  await db.run(sql`CREATE INDEX \`start_end_idx\` ON \`occurrences\` (\`start\`,\`end\`);`)
  await db.run(sql`CREATE INDEX \`start_status_event_places_noRegistration_idx\` ON \`occurrences\` (\`start\`,\`status\`,\`event_id\`,\`places\`,\`no_registration\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`events_id\` integer,
  	\`series_id\` integer,
  	\`festivals_id\` integer,
  	\`campaigns_id\` integer,
  	\`funders_id\` integer,
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
  	\`attendance_id\` integer,
  	\`attendance_age_bands_id\` integer,
  	\`notices_id\` integer,
  	\`notice_deliveries_id\` integer,
  	\`exports_id\` integer,
  	\`place_counters_id\` integer,
  	\`follows_id\` integer,
  	\`follow_notices_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`series_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`festivals_id\`) REFERENCES \`festivals\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`campaigns_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`funders_id\`) REFERENCES \`funders\`(\`id\`) ON UPDATE no action ON DELETE cascade,
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
  	FOREIGN KEY (\`registrations_id\`) REFERENCES \`registrations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`attendance_id\`) REFERENCES \`attendance\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`attendance_age_bands_id\`) REFERENCES \`attendance_age_bands\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`notices_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`notice_deliveries_id\`) REFERENCES \`notice_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`exports_id\`) REFERENCES \`exports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`place_counters_id\`) REFERENCES \`place_counters\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`follows_id\`) REFERENCES \`follows\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`follow_notices_id\`) REFERENCES \`follow_notices\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "events_id", "series_id", "festivals_id", "campaigns_id", "funders_id", "libraries_id", "venues_id", "systems_id", "categories_id", "audiences_id", "media_id", "users_id", "occurrences_id", "newsletters_id", "subscribers_id", "deliveries_id", "registrations_id", "attendance_id", "attendance_age_bands_id", "notices_id", "notice_deliveries_id", "exports_id", "place_counters_id", "follows_id", "follow_notices_id") SELECT "id", "order", "parent_id", "path", "events_id", "series_id", "festivals_id", "campaigns_id", "funders_id", "libraries_id", "venues_id", "systems_id", "categories_id", "audiences_id", "media_id", "users_id", "occurrences_id", "newsletters_id", "subscribers_id", "deliveries_id", "registrations_id", "attendance_id", "attendance_age_bands_id", "notices_id", "notice_deliveries_id", "exports_id", "place_counters_id", "follows_id", "follow_notices_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_series_id_idx\` ON \`payload_locked_documents_rels\` (\`series_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_festivals_id_idx\` ON \`payload_locked_documents_rels\` (\`festivals_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_campaigns_id_idx\` ON \`payload_locked_documents_rels\` (\`campaigns_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_funders_id_idx\` ON \`payload_locked_documents_rels\` (\`funders_id\`);`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_attendance_id_idx\` ON \`payload_locked_documents_rels\` (\`attendance_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_attendance_age_bands_id_idx\` ON \`payload_locked_documents_rels\` (\`attendance_age_bands_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notices_id_idx\` ON \`payload_locked_documents_rels\` (\`notices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notice_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`notice_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_exports_id_idx\` ON \`payload_locked_documents_rels\` (\`exports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_place_counters_id_idx\` ON \`payload_locked_documents_rels\` (\`place_counters_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_follows_id_idx\` ON \`payload_locked_documents_rels\` (\`follows_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_follow_notices_id_idx\` ON \`payload_locked_documents_rels\` (\`follow_notices_id\`);`)
}
