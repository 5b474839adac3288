import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('maintenance_window')
    .addColumn('window_id', 'text', (column) => column.primaryKey())
    .addColumn('service_id', 'text', (column) => column.notNull())
    .addColumn('change_reference', 'text', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('schedule', 'jsonb', (column) => column.notNull())
    .addColumn('scheduled_at', 'timestamptz', (column) => column.notNull())
    .addColumn('cancelled_from', 'timestamptz')
    .addColumn('cancellation_reason', 'text')
    .addColumn('source', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('maintenance_window_service').on('maintenance_window').column('service_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('maintenance_window').execute();
}
