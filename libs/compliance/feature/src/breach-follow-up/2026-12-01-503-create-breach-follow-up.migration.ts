import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('breach_follow_up')
    .addColumn('breach_event_id', 'uuid', (column) => column.primaryKey())
    .addColumn('ticket_id', 'text', (column) => column.notNull())
    .addColumn('agreement_id', 'text', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('metric', 'text', (column) => column.notNull())
    .addColumn('breached_at', 'timestamptz', (column) => column.notNull())
    .addColumn('detected_at', 'timestamptz', (column) => column.notNull())
    .addColumn('notification_due_at', 'timestamptz', (column) => column.notNull())
    .addColumn('notified_at', 'timestamptz')
    .addColumn('notification', 'jsonb')
    .addColumn('root_cause', 'text')
    .addColumn('credit', 'jsonb')
    .addColumn('remediation', 'text')
    .addColumn('remediated_at', 'timestamptz')
    .addColumn('waiver', 'jsonb')
    .addColumn('retracted_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('breach_follow_up_open')
    .on('breach_follow_up')
    .columns(['remediated_at', 'notification_due_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('breach_follow_up').execute();
}
