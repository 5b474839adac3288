import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('review')
    .addColumn('review_id', 'text', (column) => column.primaryKey())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('agreement_ids', 'jsonb', (column) => column.notNull())
    .addColumn('period_from', 'timestamptz', (column) => column.notNull())
    .addColumn('period_to', 'timestamptz', (column) => column.notNull())
    .addColumn('scheduled_for', 'timestamptz', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('held_at', 'timestamptz')
    .addColumn('attendees', 'jsonb')
    .addColumn('minutes', 'text')
    .addColumn('decisions', 'jsonb')
    .addColumn('recorded_by', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('improvement_plan')
    .addColumn('plan_id', 'text', (column) => column.primaryKey())
    .addColumn('agreement_id', 'text', (column) => column.notNull())
    .addColumn('review_id', 'text', (column) => column.notNull())
    .addColumn('decision_id', 'text', (column) => column.notNull())
    .addColumn('item', 'text', (column) => column.notNull())
    .addColumn('requirement', 'text', (column) => column.notNull())
    .addColumn('approach', 'text')
    .addColumn('owner', 'text')
    .addColumn('due_at', 'timestamptz')
    .addColumn('resources', 'text')
    .addColumn('phase', 'text', (column) => column.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('percent_complete', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('last_note', 'text')
    .addColumn('effective', 'boolean')
    .addColumn('evidence', 'text')
    .addColumn('outcome', 'text')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('stream_revision', 'bigint', (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('improvement_plan').execute();
  await db.schema.dropTable('review').execute();
}
