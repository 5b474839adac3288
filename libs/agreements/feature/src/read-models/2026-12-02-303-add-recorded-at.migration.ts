import { sql, type Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
// Recorded-at beside occurred-at for governance facts: back-dated entries stay visible as such.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('agreement_version')
    .addColumn('drafted_recorded_at', 'timestamptz')
    .addColumn('approved_recorded_at', 'timestamptz')
    .execute();
  for (const table of ['review', 'improvement_plan']) {
    await db.schema
      .alterTable(table)
      .addColumn('facts', 'jsonb', (column) => column.notNull().defaultTo(sql`'[]'::jsonb`))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('improvement_plan').dropColumn('facts').execute();
  await db.schema.alterTable('review').dropColumn('facts').execute();
  await db.schema
    .alterTable('agreement_version')
    .dropColumn('approved_recorded_at')
    .dropColumn('drafted_recorded_at')
    .execute();
}
