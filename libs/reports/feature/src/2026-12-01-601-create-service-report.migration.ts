import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('service_report')
    .addColumn('report_id', 'text', (column) => column.primaryKey())
    .addColumn('agreement_id', 'text', (column) => column.notNull())
    .addColumn('period', 'text', (column) => column.notNull())
    .addColumn('audience', 'text', (column) => column.notNull())
    .addColumn('due_date', 'text', (column) => column.notNull())
    .addColumn('deadline', 'timestamptz', (column) => column.notNull())
    .addColumn('first_published_at', 'timestamptz')
    .addColumn('on_time', 'boolean')
    .addColumn('late_by_ms', 'bigint')
    .execute();
  await db.schema
    .createTable('service_report_revision')
    .addColumn('report_id', 'text', (column) => column.notNull())
    .addColumn('revision', 'integer', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('content', 'jsonb', (column) => column.notNull())
    .addColumn('content_hash', 'text', (column) => column.notNull())
    .addColumn('reason', 'text')
    .addColumn('drafted_by', 'text', (column) => column.notNull())
    .addColumn('drafted_at', 'timestamptz', (column) => column.notNull())
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'timestamptz')
    .addColumn('published_at', 'timestamptz')
    .addPrimaryKeyConstraint('service_report_revision_pkey', ['report_id', 'revision'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('service_report_revision').execute();
  await db.schema.dropTable('service_report').execute();
}
