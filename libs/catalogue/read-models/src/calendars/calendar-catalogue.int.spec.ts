import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { serviceCalendarStreamName } from '@sla/catalogue-domain';
import { migrateEventStore, PostgresEventStore } from '@sla/event-store-postgres';
import { openReadStore } from '@sla/read-store';
import { calendarDefinitionSchema } from '@sla/sla-clock';
import { createTestDatabase } from '@sla/test-support';
import { CalendarCatalogue } from './calendar-catalogue';

/** Calendars as known at an instant come from the calendar's stream, by recording time (the database's clock). */
describe('CalendarCatalogue.loadKnownAt (real PostgreSQL)', () => {
  let store: PostgresEventStore;
  let db: Kysely<any>;

  beforeAll(async () => {
    const url = await createTestDatabase('calendar_known_at');
    await migrateEventStore(url);
    store = new PostgresEventStore({ connectionString: url });
    db = openReadStore(url);
  });
  afterAll(async () => {
    await store.close();
    await db.destroy();
  });

  const define = async (weeklyWindows: unknown) => {
    const definition = calendarDefinitionSchema.parse({
      id: 'office',
      name: 'Office',
      timeZone: 'UTC',
      versions: [{ weeklyWindows }],
    });
    const data = { calendarId: 'office', definition, changeRequest: null, occurredAt: '2026-03-01T00:00:00Z' };
    const metadata = { actor: 'test', correlationId: randomUUID(), source: 'test' };
    const event = { id: randomUUID(), type: 'ServiceCalendarDefined', schemaVersion: 1, data, metadata };
    await store.appendToStream(serviceCalendarStreamName('office'), [event], 'any');
    const [recorded] = (await store.readStream(serviceCalendarStreamName('office'))).slice(-1);
    return recorded.recordedAt;
  };

  it('answers the definition last recorded before the instant, and nothing before the first', async () => {
    const catalogue = new CalendarCatalogue(db, store);
    const firstRecordedAt = await define({ mon: ['09:00-17:00'] });
    // Recording times are the database's, read back in whole milliseconds: keep the two a millisecond apart at least.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const secondRecordedAt = await define('24x7');
    const between = new Date(firstRecordedAt.getTime() + 1);
    expect(between.getTime()).toBeLessThanOrEqual(secondRecordedAt.getTime());

    expect((await catalogue.loadKnownAt(['office'], firstRecordedAt)).has('office')).toBe(false);
    const then = (await catalogue.loadKnownAt(['office', 'office'], between)).get('office');
    expect(then?.definition.versions[0].weeklyWindows).toEqual({ mon: ['09:00-17:00'] });
    const later = await catalogue.loadKnownAt(['office', 'unknown'], new Date(secondRecordedAt.getTime() + 1));
    expect([...later.keys()]).toEqual(['office']);
    expect(later.get('office')?.definition.versions[0].weeklyWindows).toBe('24x7');
  });
});
