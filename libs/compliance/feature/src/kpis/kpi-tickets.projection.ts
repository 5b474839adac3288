import { sql, type Insertable, type Transaction } from 'kysely';
import type { RecordedEvent } from '@sla/event-sourcing';
import type { TicketEvent } from '@sla/operations-domain';
import type { Projection } from '@sla/projection-runtime';

export type KpiTicketTables = {
  kpi_ticket: {
    ticket_id: string;
    service_id: string;
    ticket_type: string;
    major: boolean;
    opened_at: Date;
    /** The latest resolution and reopening by event time: facts arrive in any order. */
    resolved_at: Date | null;
    reopened_at: Date | null;
    closed_at: Date | null;
    satisfaction_score: number | null;
  };
};

/** A ticket's facts of one batch, folded: the latest resolution and reopening, the last closing and rating. */
type KpiChange = { resolvedAt?: Date; reopenedAt?: Date; closedAt?: Date; satisfactionScore?: number };

/** Rows per statement: far below PostgreSQL's 65,535 bind parameters. */
const ROWS_PER_STATEMENT = 1_000;

/** One multi-row update per thousand tickets; `greatest` keeps the later instant (and ignores a null). */
async function writeChanges(transaction: Transaction<KpiTicketTables>, changes: ReadonlyMap<string, KpiChange>) {
  const entries = [...changes.entries()];
  for (let index = 0; index < entries.length; index += ROWS_PER_STATEMENT) {
    const values = entries
      .slice(index, index + ROWS_PER_STATEMENT)
      .map(
        ([ticketId, change]) =>
          sql`(${ticketId}::text, ${change.resolvedAt ?? null}::timestamptz, ${change.reopenedAt ?? null}::timestamptz, ${change.closedAt !== undefined}::boolean, ${change.closedAt ?? null}::timestamptz, ${change.satisfactionScore !== undefined}::boolean, ${change.satisfactionScore ?? null}::integer)`,
      );
    await sql`update kpi_ticket set resolved_at = greatest(kpi_ticket.resolved_at, v.resolved_at),
        reopened_at = greatest(kpi_ticket.reopened_at, v.reopened_at),
        closed_at = case when v.closed then v.closed_at else kpi_ticket.closed_at end,
        satisfaction_score = case when v.rated then v.satisfaction_score else kpi_ticket.satisfaction_score end
      from (values ${sql.join(values)}) as v (ticket_id, resolved_at, reopened_at, closed, closed_at, rated, satisfaction_score)
      where kpi_ticket.ticket_id = v.ticket_id`.execute(transaction);
  }
}

/**
 * What the process KPIs count per ticket: type, major flag, handled or not, the customer's rating. Applying an event
 * twice changes nothing.
 */
export const kpiTicketsProjection: Projection<KpiTicketTables> = {
  name: 'kpi-tickets',
  version: 1,
  handles: ['TicketOpened', 'TicketResolved', 'TicketReopened', 'TicketClosed', 'CustomerSatisfactionRecorded'],
  tables: ['kpi_ticket'],
  async apply(transaction: Transaction<KpiTicketTables>, events: readonly RecordedEvent[]) {
    // Folded per ticket in memory, each row written once per statement below: updates of facts before the ticket's
    // opening in this batch (they find only a row stored earlier), the new rows, then updates of the facts after
    // the opening: what applying the events one by one in log order gives.
    const openings: Insertable<KpiTicketTables['kpi_ticket']>[] = [];
    const opened = new Set<string>();
    const before = new Map<string, KpiChange>();
    const after = new Map<string, KpiChange>();
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as TicketEvent;
      const ticketId = event.data.ticketId;
      if (event.type === 'TicketOpened') {
        openings.push({
          ticket_id: ticketId,
          service_id: event.data.serviceId,
          ticket_type: event.data.ticketType,
          major: event.data.major,
          opened_at: new Date(event.data.occurredAt),
          resolved_at: null,
          reopened_at: null,
          closed_at: null,
          satisfaction_score: null,
        });
        opened.add(ticketId);
        continue;
      }
      const changes = opened.has(ticketId) ? after : before;
      const change = changes.get(ticketId) ?? {};
      const at = new Date(event.data.occurredAt);
      const latest = (current: Date | undefined) => (current === undefined || at > current ? at : current);
      switch (event.type) {
        case 'TicketResolved':
          change.resolvedAt = latest(change.resolvedAt);
          break;
        case 'TicketReopened':
          change.reopenedAt = latest(change.reopenedAt);
          break;
        case 'TicketClosed':
          change.closedAt = at;
          break;
        case 'CustomerSatisfactionRecorded':
          change.satisfactionScore = event.data.score;
          break;
        default:
          continue;
      }
      changes.set(ticketId, change);
    }
    await writeChanges(transaction, before);
    for (let index = 0; index < openings.length; index += ROWS_PER_STATEMENT)
      await transaction
        .insertInto('kpi_ticket')
        .values(openings.slice(index, index + ROWS_PER_STATEMENT))
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    await writeChanges(transaction, after);
  },
};
