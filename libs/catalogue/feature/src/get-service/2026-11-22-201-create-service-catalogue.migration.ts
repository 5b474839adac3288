import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('service_catalogue')
    .addColumn('service_id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('description', 'text', (column) => column.notNull())
    .addColumn('owner_name', 'text', (column) => column.notNull())
    .addColumn('owner_email', 'text')
    .addColumn('contact_point', 'text')
    .addColumn('calendar_id', 'text')
    .addColumn('exceptions', 'text', (column) => column.notNull())
    .addColumn('security_considerations', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('registered_at', 'timestamptz', (column) => column.notNull())
    .addColumn('retired_at', 'timestamptz')
    .addColumn('retirement_reason', 'text')
    .addColumn('last_change_request', 'text')
    .addColumn('stream_revision', 'bigint', (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('service_catalogue').execute();
}
