import type { Transaction } from 'kysely';
import type { RecordedEvent } from '@sla/event-sourcing';
import type { MaintenanceSchedule, MaintenanceWindowEvent } from '@sla/operations-domain';
import type { Projection } from '@sla/projection-runtime';

export type MaintenanceWindowTables = {
  maintenance_window: {
    window_id: string;
    service_id: string;
    change_reference: string;
    title: string;
    schedule: MaintenanceSchedule;
    scheduled_at: Date;
    cancelled_from: Date | null;
    cancellation_reason: string | null;
    source: string;
    scheduled_recorded_at: Date | null;
    cancellation_recorded_at: Date | null;
  };
};

/** Window definitions; occurrences are expanded from the stored rule when asked for a range. */
export const maintenanceWindowsProjection: Projection<MaintenanceWindowTables> = {
  name: 'maintenance-windows',
  // 2: recording times of scheduling and cancellation (as-known-at views).
  version: 2,
  handles: ['MaintenanceWindowScheduled', 'MaintenanceWindowCancelled'],
  tables: ['maintenance_window'],
  async apply(transaction: Transaction<MaintenanceWindowTables>, events: readonly RecordedEvent[]) {
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as MaintenanceWindowEvent;
      if (event.type === 'MaintenanceWindowScheduled') {
        await transaction
          .insertInto('maintenance_window')
          .values({
            window_id: event.data.windowId,
            service_id: event.data.serviceId,
            change_reference: event.data.changeReference,
            title: event.data.title,
            schedule: JSON.stringify(event.data.schedule) as unknown as MaintenanceSchedule,
            scheduled_at: new Date(event.data.occurredAt),
            cancelled_from: null,
            cancellation_reason: null,
            source: recorded.metadata.source,
            scheduled_recorded_at: recorded.recordedAt,
            cancellation_recorded_at: null,
          })
          .execute();
      } else {
        await transaction
          .updateTable('maintenance_window')
          .set({
            cancelled_from: new Date(event.data.effectiveFrom),
            cancellation_reason: event.data.reason,
            cancellation_recorded_at: recorded.recordedAt,
          })
          .where('window_id', '=', event.data.windowId)
          .execute();
      }
    }
  },
};
