import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('service_calendar')
    .addColumn('calendar_id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('time_zone', 'text', (column) => column.notNull())
    .addColumn('definition', 'jsonb', (column) => column.notNull())
    .addColumn('last_change_request', 'text')
    .addColumn('stream_revision', 'bigint', (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('service_calendar').execute();
}
