import { sql, type Insertable, type Transaction, type UpdateObject } from 'kysely';
import type { RecordedEvent } from '@sla/event-sourcing';
import type { TicketEvent } from '@sla/operations-domain';
import { applyWithRowRuns, type Projection } from '@sla/projection-runtime';

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
    await applyWithRowRuns<Insertable<KpiTicketTables['kpi_ticket']>>(events, {
      rowOf(recorded) {
        const event = { type: recorded.type, data: recorded.data } as TicketEvent;
        if (event.type !== 'TicketOpened') return undefined;
        return {
          ticket_id: event.data.ticketId,
          service_id: event.data.serviceId,
          ticket_type: event.data.ticketType,
          major: event.data.major,
          opened_at: new Date(event.data.occurredAt),
          resolved_at: null,
          reopened_at: null,
          closed_at: null,
          satisfaction_score: null,
        };
      },
      writeRows: (rows) =>
        transaction
          .insertInto('kpi_ticket')
          .values(rows)
          .onConflict((conflict) => conflict.doNothing())
          .execute(),
      async applyOne(recorded) {
        const event = { type: recorded.type, data: recorded.data } as TicketEvent;
        const at = new Date(event.data.occurredAt);
        const update = (values: UpdateObject<KpiTicketTables, 'kpi_ticket'>) =>
          transaction.updateTable('kpi_ticket').set(values).where('ticket_id', '=', event.data.ticketId).execute();
        switch (event.type) {
          case 'TicketResolved':
            return update({ resolved_at: sql<Date>`greatest(resolved_at, ${at})` });
          case 'TicketReopened':
            return update({ reopened_at: sql<Date>`greatest(reopened_at, ${at})` });
          case 'TicketClosed':
            return update({ closed_at: at });
          case 'CustomerSatisfactionRecorded':
            return update({ satisfaction_score: event.data.score });
          default:
            return undefined;
        }
      },
    });
  },
};
