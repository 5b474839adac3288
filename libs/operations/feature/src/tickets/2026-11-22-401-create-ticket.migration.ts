import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ticket')
    .addColumn('ticket_id', 'text', (column) => column.primaryKey())
    .addColumn('ticket_type', 'text', (column) => column.notNull())
    .addColumn('service_id', 'text', (column) => column.notNull())
    .addColumn('priority', 'text', (column) => column.notNull())
    .addColumn('major', 'boolean', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('opened_at', 'timestamptz', (column) => column.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('facts', 'integer', (column) => column.notNull())
    .addColumn('stream_revision', 'bigint', (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ticket').execute();
}
