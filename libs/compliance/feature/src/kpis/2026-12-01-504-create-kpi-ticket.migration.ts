import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('kpi_ticket')
    .addColumn('ticket_id', 'text', (column) => column.primaryKey())
    .addColumn('service_id', 'text', (column) => column.notNull())
    .addColumn('ticket_type', 'text', (column) => column.notNull())
    .addColumn('major', 'boolean', (column) => column.notNull())
    .addColumn('opened_at', 'timestamptz', (column) => column.notNull())
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('reopened_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('satisfaction_score', 'integer')
    .execute();
  await db.schema.createIndex('kpi_ticket_service').on('kpi_ticket').columns(['service_id', 'opened_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('kpi_ticket').execute();
}
