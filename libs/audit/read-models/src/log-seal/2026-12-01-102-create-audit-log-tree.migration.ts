import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_log_leaf')
    .addColumn('leaf_index', 'bigint', (column) => column.primaryKey())
    .addColumn('event_id', 'uuid', (column) => column.notNull().unique())
    .addColumn('position_commit', 'bigint', (column) => column.notNull())
    .addColumn('position_prepare', 'bigint', (column) => column.notNull())
    .addColumn('leaf_hash', 'bytea', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('audit_tree_head')
    .addColumn('tree_size', 'bigint', (column) => column.primaryKey())
    .addColumn('root_hash', 'bytea', (column) => column.notNull())
    .addColumn('signed_at', 'text', (column) => column.notNull())
    .addColumn('key_id', 'text', (column) => column.notNull())
    .addColumn('signature', 'bytea', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('audit_signing_key')
    .addColumn('key_id', 'text', (column) => column.primaryKey())
    .addColumn('public_key_pem', 'text', (column) => column.notNull())
    .addColumn('first_used_at', 'timestamptz', (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_signing_key', 'audit_tree_head', 'audit_log_leaf'])
    await db.schema.dropTable(table).execute();
}
