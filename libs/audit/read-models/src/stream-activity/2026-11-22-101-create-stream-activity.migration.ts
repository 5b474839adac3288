import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stream_activity')
    .addColumn('stream_name', 'text', (column) => column.primaryKey())
    .addColumn('category', 'text', (column) => column.notNull())
    .addColumn('event_count', 'bigint', (column) => column.notNull())
    .addColumn('last_revision', 'bigint', (column) => column.notNull())
    .addColumn('last_event_type', 'text', (column) => column.notNull())
    .addColumn('first_recorded_at', 'timestamptz', (column) => column.notNull())
    .addColumn('last_recorded_at', 'timestamptz', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('stream_activity_category').on('stream_activity').column('category').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stream_activity').execute();
}
