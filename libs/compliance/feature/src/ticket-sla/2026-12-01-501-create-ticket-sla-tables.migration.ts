import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // The projection's own copies of what it evaluates with, so that a rebuild
  // never depends on how far other projections have got.
  await db.schema
    .createTable('compliance_calendar')
    .addColumn('calendar_id', 'text', (column) => column.primaryKey())
    .addColumn('definition', 'jsonb', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('compliance_agreement')
    .addColumn('agreement_id', 'text', (column) => column.primaryKey())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('events', 'jsonb', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('compliance_agreement_service')
    .addColumn('service_id', 'text', (column) => column.notNull())
    .addColumn('agreement_id', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('compliance_agreement_service_pkey', ['service_id', 'agreement_id'])
    .execute();
  await db.schema
    .createTable('compliance_ticket')
    .addColumn('ticket_id', 'text', (column) => column.primaryKey())
    .addColumn('service_id', 'text', (column) => column.notNull())
    .addColumn('ticket_type', 'text', (column) => column.notNull())
    .addColumn('major', 'boolean', (column) => column.notNull())
    .addColumn('opened_at', 'timestamptz', (column) => column.notNull())
    .addColumn('facts', 'jsonb', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('compliance_ticket_service')
    .on('compliance_ticket')
    .columns(['service_id', 'opened_at'])
    .execute();
  await db.schema
    .createTable('ticket_sla_status')
    .addColumn('ticket_id', 'text', (column) => column.notNull())
    .addColumn('agreement_id', 'text', (column) => column.notNull())
    .addColumn('metric', 'text', (column) => column.notNull())
    .addColumn('agreement_kind', 'text', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('service_id', 'text', (column) => column.notNull())
    .addColumn('ticket_type', 'text', (column) => column.notNull())
    .addColumn('major', 'boolean', (column) => column.notNull())
    .addColumn('opened_at', 'timestamptz', (column) => column.notNull())
    .addColumn('priority', 'text')
    .addColumn('state', 'text', (column) => column.notNull())
    .addColumn('reason', 'text')
    .addColumn('target_ms', 'bigint')
    .addColumn('calendar_id', 'text')
    .addColumn('elapsed_ms', 'bigint', (column) => column.notNull())
    .addColumn('remaining_ms', 'bigint')
    .addColumn('due_at', 'timestamptz')
    .addColumn('breach_at', 'timestamptz')
    .addColumn('breached_at', 'timestamptz')
    .addColumn('at_risk_at', 'timestamptz')
    .addColumn('stopped_at', 'timestamptz')
    .addColumn('evaluated_at', 'timestamptz', (column) => column.notNull())
    .addPrimaryKeyConstraint('ticket_sla_status_pkey', ['ticket_id', 'agreement_id', 'metric'])
    .execute();
  await db.schema
    .createIndex('ticket_sla_status_agreement')
    .on('ticket_sla_status')
    .columns(['agreement_id', 'opened_at'])
    .execute();
  await db.schema.createIndex('ticket_sla_status_calendar').on('ticket_sla_status').column('calendar_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'ticket_sla_status',
    'compliance_ticket',
    'compliance_agreement_service',
    'compliance_agreement',
    'compliance_calendar',
  ])
    await db.schema.dropTable(table).execute();
}
