import { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-sqlite'

// Changes nothing: the calendar import's and the event proposals' migrations were written side by side, each from
// a schema snapshot without the other's tables. This migration's snapshot (the .json beside it) holds both, so the
// next `migrate:create` compares against the whole schema.
export async function up(_args: MigrateUpArgs): Promise<void> {}

export async function down(_args: MigrateDownArgs): Promise<void> {}
