import type { Migration } from 'kysely';
import * as createServiceCalendar from './calendars/2026-11-22-202-create-service-calendar.migration';

export * from './calendars/service-calendars.projection';
export * from './calendars/calendar-catalogue';
export * from './services/service-catalogue-reader';

/** Read models other contexts consume (agreements and compliance need calendars). */
export const catalogueSharedReadModelMigrations: Record<string, Migration> = {
  '2026-11-22-202-create-service-calendar': createServiceCalendar,
};
