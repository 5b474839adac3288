import { sql, type Insertable, type Transaction } from 'kysely';
import type { RecordedEvent } from '@sla/event-sourcing';
import type { TicketEvent } from '@sla/operations-domain';
import { applyWithRowRuns, type Projection } from '@sla/projection-runtime';

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
    await applyWithRowRuns<Insertable<TicketTables['ticket']>>(events, {
      rowOf(recorded) {
        const event = { type: recorded.type, data: recorded.data } as TicketEvent;
        if (event.type !== 'TicketOpened') return undefined;
        return {
          ticket_id: event.data.ticketId,
          ticket_type: event.data.ticketType,
          service_id: event.data.serviceId,
          priority: event.data.priority,
          major: event.data.major,
          title: event.data.title,
          opened_at: new Date(event.data.occurredAt),
          closed_at: null,
          facts: 1,
          stream_revision: recorded.streamRevision.toString(),
        };
      },
      writeRows: (rows) => transaction.insertInto('ticket').values(rows).execute(),
      applyOne(recorded) {
        const event = { type: recorded.type, data: recorded.data } as TicketEvent;
        return transaction
          .updateTable('ticket')
          .set({
            facts: sql`facts + 1`,
            stream_revision: recorded.streamRevision.toString(),
            ...(event.type === 'TicketClosed' ? { closed_at: new Date(event.data.occurredAt) } : {}),
          })
          .where('ticket_id', '=', event.data.ticketId)
          .execute();
      },
    });
  },
};
