import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('console_session')
    .addColumn('session_sha256', 'text', (column) => column.primaryKey())
    .addColumn('sealed_credential', 'bytea', (column) => column.notNull())
    .addColumn('actor', 'text', (column) => column.notNull())
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('customer', 'text')
    .addColumn('started_at', 'timestamptz', (column) => column.notNull())
    .addColumn('expires_at', 'timestamptz', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('console_session_expires_at').on('console_session').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('console_session').execute();
}
