import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_definition')
    .addColumn('definition_id', 'text', (column) => column.primaryKey())
    .addColumn('agreement_id', 'text', (column) => column.notNull())
    .addColumn('terms', 'jsonb', (column) => column.notNull())
    .addColumn('recorded_by', 'text', (column) => column.notNull())
    .addColumn('recorded_at', 'timestamptz', (column) => column.notNull())
    .addColumn('retired_at', 'timestamptz')
    .addColumn('retirement_reason', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_definition').execute();
}
