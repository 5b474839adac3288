import type { Transaction } from 'kysely';
import type { RecordedEvent } from '@sla/event-sourcing';
import type { ServiceCalendarDefinedData } from '@sla/catalogue-domain';
import type { Projection } from '@sla/projection-runtime';
import type { CalendarDefinition } from '@sla/sla-clock';

export type ServiceCalendarTable = {
  calendar_id: string;
  name: string;
  time_zone: string;
  definition: CalendarDefinition;
  last_change_request: string | null;
  stream_revision: string;
};

export type ServiceCalendarTables = { service_calendar: ServiceCalendarTable };

export const serviceCalendarsProjection: Projection<ServiceCalendarTables> = {
  name: 'service-calendars',
  version: 1,
  handles: ['ServiceCalendarDefined'],
  tables: ['service_calendar'],
  async apply(transaction: Transaction<ServiceCalendarTables>, events: readonly RecordedEvent[]) {
    for (const event of events) {
      const data = event.data as ServiceCalendarDefinedData;
      const row = {
        calendar_id: data.calendarId,
        name: data.definition.name,
        time_zone: data.definition.timeZone,
        definition: JSON.stringify(data.definition) as unknown as CalendarDefinition,
        last_change_request: data.changeRequest,
        stream_revision: event.streamRevision.toString(),
      };
      await transaction
        .insertInto('service_calendar')
        .values(row)
        .onConflict((conflict) => conflict.column('calendar_id').doUpdateSet(row))
        .execute();
    }
  },
};
