import type { Transaction } from 'kysely';
import type { RecordedEvent } from '@sla/event-sourcing';
import type { OutageEvent } from '@sla/operations-domain';
import type { Projection } from '@sla/projection-runtime';

export type OutageTables = {
  outage: {
    outage_id: string;
    service_id: string;
    impact: string;
    weight: number | null;
    ticket_id: string | null;
    started_at: Date;
    ended_at: Date | null;
    source: string;
    start_recorded_at: Date | null;
    end_recorded_at: Date | null;
  };
};

export const outagesProjection: Projection<OutageTables> = {
  name: 'outages',
  // 2: recording times of start and end (as-known-at views).
  version: 2,
  handles: ['OutageStarted', 'OutageEnded'],
  tables: ['outage'],
  async apply(transaction: Transaction<OutageTables>, events: readonly RecordedEvent[]) {
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as OutageEvent;
      if (event.type === 'OutageStarted') {
        await transaction
          .insertInto('outage')
          .values({
            outage_id: event.data.outageId,
            service_id: event.data.serviceId,
            impact: event.data.impact,
            weight: event.data.weight ?? null,
            ticket_id: event.data.ticketId,
            started_at: new Date(event.data.occurredAt),
            ended_at: null,
            source: recorded.metadata.source,
            start_recorded_at: recorded.recordedAt,
            end_recorded_at: null,
          })
          .execute();
      } else {
        await transaction
          .updateTable('outage')
          .set({ ended_at: new Date(event.data.occurredAt), end_recorded_at: recorded.recordedAt })
          .where('outage_id', '=', event.data.outageId)
          .execute();
      }
    }
  },
};
