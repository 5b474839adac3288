import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { serviceCalendarStreamName, type ServiceCalendarDefinedData } from '@sla/catalogue-domain';
import type { EventStore } from '@sla/event-sourcing';
import { EVENT_STORE, READ_STORE } from '@sla/nest-platform';
import { BusinessCalendar } from '@sla/sla-clock';
import type { ServiceCalendarTables } from './service-calendars.projection';

/**
 * The defined calendars as compiled BusinessCalendars, rebuilt only when a
 * calendar's stream revision changes (compiling builds year indexes).
 */
@Injectable()
export class CalendarCatalogue {
  private readonly compiled = new Map<string, { revision: string; calendar: BusinessCalendar }>();

  constructor(
    @Inject(READ_STORE) private readonly db: Kysely<ServiceCalendarTables>,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async load(calendarIds?: readonly string[]): Promise<Map<string, BusinessCalendar>> {
    let query = this.db.selectFrom('service_calendar').select(['calendar_id', 'definition', 'stream_revision']);
    if (calendarIds) {
      if (calendarIds.length === 0) return new Map();
      query = query.where('calendar_id', 'in', [...calendarIds]);
    }
    const calendars = new Map<string, BusinessCalendar>();
    for (const row of await query.execute()) {
      let entry = this.compiled.get(row.calendar_id);
      if (!entry || entry.revision !== row.stream_revision) {
        entry = { revision: row.stream_revision, calendar: new BusinessCalendar(row.definition) };
        this.compiled.set(row.calendar_id, entry);
      }
      calendars.set(row.calendar_id, entry.calendar);
    }
    return calendars;
  }

  /** The ids of every defined calendar. */
  async calendarIds(): Promise<Set<string>> {
    const rows = await this.db.selectFrom('service_calendar').select('calendar_id').execute();
    return new Set(rows.map((row) => row.calendar_id));
  }

  /**
   * The calendars as they were known at an instant: each one's last definition recorded before it, read from the
   * calendar's stream (the read model holds only the latest). A calendar first defined later is absent.
   */
  async loadKnownAt(calendarIds: readonly string[], knownAt: Date): Promise<Map<string, BusinessCalendar>> {
    const calendars = new Map<string, BusinessCalendar>();
    for (const calendarId of new Set(calendarIds)) {
      const known = (await this.store.readStream(serviceCalendarStreamName(calendarId))).filter(
        (event) => event.type === 'ServiceCalendarDefined' && event.recordedAt < knownAt,
      );
      const last = known.at(-1);
      if (last) calendars.set(calendarId, new BusinessCalendar((last.data as ServiceCalendarDefinedData).definition));
    }
    return calendars;
  }
}
