import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per witness (its URL): the checkpoint of the heads it has acknowledged, and the last failure.
  await db.schema
    .createTable('audit_head_delivery')
    .addColumn('witness', 'text', (column) => column.primaryKey())
    .addColumn('delivered_tree_size', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('failures', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_head_delivery').execute();
}
