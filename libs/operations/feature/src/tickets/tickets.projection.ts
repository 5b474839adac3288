import { sql, type Insertable, type Transaction } from 'kysely';
import type { RecordedEvent } from '@sla/event-sourcing';
import type { TicketEvent } from '@sla/operations-domain';
import type { Projection } from '@sla/projection-runtime';

export type TicketTables = {
  ticket: {
    ticket_id: string;
    ticket_type: string;
    service_id: string;
    priority: string;
    major: boolean;
    title: string;
    opened_at: Date;
    closed_at: Date | null;
    facts: number;
    stream_revision: string;
  };
};

type RowUpdate = { facts: number; revision: string; closedAt: Date | undefined };

/** Rows per statement: far below PostgreSQL's 65,535 bind parameters. */
const ROWS_PER_STATEMENT = 1_000;

/** One row per ticket: what it is and how many facts it has; the clock views come with compliance. */
export const ticketsProjection: Projection<TicketTables> = {
  name: 'tickets',
  version: 1,
  handles: [
    'TicketOpened',
    'TicketAcknowledged',
    'TicketAssigned',
    'TicketPriorityChanged',
    'TicketPausedAwaitingCustomer',
    'TicketResumed',
    'TicketResolved',
    'TicketReopened',
    'TicketClosed',
    'CustomerSatisfactionRecorded',
  ],
  tables: ['ticket'],
  async apply(transaction: Transaction<TicketTables>, events: readonly RecordedEvent[]) {
    // Folded per ticket in memory, each row written once: what applying the events one by one in log order gives.
    // Updates to rows stored before this batch run first: one opened in it is then a new row that takes its own
    // later facts, as it would have (an update before its opening finds no row either way).
    const opened = new Map<string, Insertable<TicketTables['ticket']>[]>();
    const updated = new Map<string, RowUpdate>();
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as TicketEvent;
      const ticketId = event.data.ticketId;
      const revision = recorded.streamRevision.toString();
      if (event.type === 'TicketOpened') {
        const row = {
          ticket_id: ticketId,
          ticket_type: event.data.ticketType,
          service_id: event.data.serviceId,
          priority: event.data.priority,
          major: event.data.major,
          title: event.data.title,
          opened_at: new Date(event.data.occurredAt),
          closed_at: null,
          facts: 1,
          stream_revision: revision,
        };
        // A second opening of one ticket stays a second row, refused by the key as it was one by one.
        opened.set(ticketId, [...(opened.get(ticketId) ?? []), row]);
        continue;
      }
      const closedAt = event.type === 'TicketClosed' ? new Date(event.data.occurredAt) : undefined;
      const row = opened.get(ticketId)?.at(-1);
      if (row) {
        row.facts = (row.facts as number) + 1;
        row.stream_revision = revision;
        if (closedAt) row.closed_at = closedAt;
        continue;
      }
      const update = updated.get(ticketId) ?? { facts: 0, revision, closedAt: undefined };
      update.facts += 1;
      update.revision = revision;
      if (closedAt) update.closedAt = closedAt;
      updated.set(ticketId, update);
    }
    const updates = [...updated.entries()];
    for (let index = 0; index < updates.length; index += ROWS_PER_STATEMENT) {
      const values = updates
        .slice(index, index + ROWS_PER_STATEMENT)
        .map(
          ([ticketId, update]) =>
            sql`(${ticketId}::text, ${update.facts}::integer, ${update.revision}::bigint, ${update.closedAt !== undefined}::boolean, ${update.closedAt ?? null}::timestamptz)`,
        );
      await sql`update ticket set facts = ticket.facts + v.facts, stream_revision = v.stream_revision,
          closed_at = case when v.closed then v.closed_at else ticket.closed_at end
        from (values ${sql.join(values)}) as v (ticket_id, facts, stream_revision, closed, closed_at)
        where ticket.ticket_id = v.ticket_id`.execute(transaction);
    }
    const rows = [...opened.values()].flat();
    for (let index = 0; index < rows.length; index += ROWS_PER_STATEMENT) {
      await transaction
        .insertInto('ticket')
        .values(rows.slice(index, index + ROWS_PER_STATEMENT))
        .execute();
    }
  },
};
