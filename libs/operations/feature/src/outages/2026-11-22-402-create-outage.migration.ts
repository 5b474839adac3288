import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outage')
    .addColumn('outage_id', 'text', (column) => column.primaryKey())
    .addColumn('service_id', 'text', (column) => column.notNull())
    .addColumn('impact', 'text', (column) => column.notNull())
    .addColumn('weight', 'double precision')
    .addColumn('ticket_id', 'text')
    .addColumn('started_at', 'timestamptz', (column) => column.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('source', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('outage_service').on('outage').columns(['service_id', 'started_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outage').execute();
}
