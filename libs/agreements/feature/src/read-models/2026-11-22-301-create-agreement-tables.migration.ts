import { sql, type Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agreement')
    .addColumn('agreement_id', 'text', (column) => column.primaryKey())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('provider', 'jsonb', (column) => column.notNull())
    .addColumn('counterparty', 'jsonb', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('approved_version', 'integer')
    .addColumn('latest_version', 'integer', (column) => column.notNull())
    .addColumn('terminates_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz')
    .addColumn('stream_revision', 'bigint', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('agreement_version')
    .addColumn('agreement_id', 'text', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('content', 'jsonb', (column) => column.notNull())
    .addColumn('change_request', 'text')
    .addColumn('based_on_version', 'integer')
    .addColumn('signatures', 'jsonb', (column) => column.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('underpinning_gaps', 'jsonb', (column) => column.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('drafted_at', 'timestamptz', (column) => column.notNull())
    .addColumn('drafted_by', 'text', (column) => column.notNull())
    .addColumn('approved_at', 'timestamptz')
    .addPrimaryKeyConstraint('agreement_version_pkey', ['agreement_id', 'version'])
    .execute();
  await db.schema
    .createTable('agreement_history')
    .addColumn('agreement_id', 'text', (column) => column.notNull())
    .addColumn('stream_revision', 'bigint', (column) => column.notNull())
    .addColumn('event_type', 'text', (column) => column.notNull())
    .addColumn('version', 'integer')
    .addColumn('actor', 'text', (column) => column.notNull())
    .addColumn('correlation_id', 'text', (column) => column.notNull())
    .addColumn('change_request', 'text')
    .addColumn('occurred_at', 'timestamptz', (column) => column.notNull())
    .addColumn('recorded_at', 'timestamptz', (column) => column.notNull())
    .addColumn('summary', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('agreement_history_pkey', ['agreement_id', 'stream_revision'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agreement_history').execute();
  await db.schema.dropTable('agreement_version').execute();
  await db.schema.dropTable('agreement').execute();
}
