import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
// When the first publication was recorded (not the time it states): "as reported" reads the figures known then. The
// projection's version 2 rebuilds the table, which fills the column for reports published before it existed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('service_report').addColumn('first_published_recorded_at', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('service_report').dropColumn('first_published_recorded_at').execute();
}
