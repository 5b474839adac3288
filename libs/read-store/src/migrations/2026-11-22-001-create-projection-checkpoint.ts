import { sql, type Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('projection_checkpoint')
    .addColumn('projection_name', 'text', (column) => column.primaryKey())
    .addColumn('projection_version', 'integer', (column) => column.notNull())
    .addColumn('commit_position', 'bigint', (column) => column.notNull())
    .addColumn('prepare_position', 'bigint', (column) => column.notNull())
    .addColumn('events_applied', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('projection_checkpoint').execute();
}
