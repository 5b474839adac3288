import { sql, type Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // Period figures of one agreement read only this index (an index-only scan): the rows of one
  // agreement and month lie scattered over the table's pages, and fetching them was most of the time.
  await sql`create index ticket_sla_status_period_figures on ticket_sla_status (agreement_id, opened_at)
    include (service_id, priority, metric, state, elapsed_ms, ticket_type, breach_on_record)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index ticket_sla_status_period_figures`.execute(db);
}
