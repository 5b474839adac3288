import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { READ_STORE } from '@sla/nest-platform';
import { BusinessCalendar } from '@sla/sla-clock';
import type { ServiceCalendarTables } from './service-calendars.projection';

/**
 * The defined calendars as compiled BusinessCalendars, rebuilt only when a
 * calendar's stream revision changes (compiling builds year indexes).
 */
@Injectable()
export class CalendarCatalogue {
  private readonly compiled = new Map<string, { revision: string; calendar: BusinessCalendar }>();

  constructor(@Inject(READ_STORE) private readonly db: Kysely<ServiceCalendarTables>) {}

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
}
