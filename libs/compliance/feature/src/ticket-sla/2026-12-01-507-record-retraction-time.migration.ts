import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
// When a correction was recorded, so the breach log can be read as it stood at a past moment.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sla_detection').addColumn('retraction_recorded_at', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sla_detection').dropColumn('retraction_recorded_at').execute();
}
