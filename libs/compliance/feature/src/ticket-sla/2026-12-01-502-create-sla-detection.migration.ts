import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // Kept apart from ticket_sla_status, whose rows are rewritten at every evaluation.
  await db.schema
    .createTable('sla_detection')
    .addColumn('event_id', 'uuid', (column) => column.primaryKey())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('ticket_id', 'text', (column) => column.notNull())
    .addColumn('agreement_id', 'text', (column) => column.notNull())
    .addColumn('metric', 'text', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('service_id', 'text')
    .addColumn('priority', 'text')
    .addColumn('target_ms', 'bigint')
    .addColumn('calendar_id', 'text')
    .addColumn('instant', 'timestamptz', (column) => column.notNull())
    .addColumn('detected_at', 'timestamptz', (column) => column.notNull())
    .addColumn('recorded_at', 'timestamptz', (column) => column.notNull())
    .addColumn('retracted_at', 'timestamptz')
    .addColumn('retraction_reason', 'text')
    .execute();
  await db.schema
    .createIndex('sla_detection_clock')
    .on('sla_detection')
    .columns(['ticket_id', 'agreement_id', 'metric', 'kind'])
    .execute();
  await db.schema
    .createIndex('sla_detection_agreement')
    .on('sla_detection')
    .columns(['agreement_id', 'instant'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sla_detection').execute();
}
