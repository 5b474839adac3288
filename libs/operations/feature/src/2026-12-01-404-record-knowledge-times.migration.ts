import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
// When each fact was recorded (not when it happened): what a view knew at a past moment.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('outage')
    .addColumn('start_recorded_at', 'timestamptz')
    .addColumn('end_recorded_at', 'timestamptz')
    .execute();
  await db.schema
    .alterTable('maintenance_window')
    .addColumn('scheduled_recorded_at', 'timestamptz')
    .addColumn('cancellation_recorded_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outage').dropColumn('start_recorded_at').dropColumn('end_recorded_at').execute();
  await db.schema
    .alterTable('maintenance_window')
    .dropColumn('scheduled_recorded_at')
    .dropColumn('cancellation_recorded_at')
    .execute();
}
