import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { EventSchemaViolationError, withEventSchemas } from '@sla/event-sourcing';
import { migrateEventStore, PostgresEventStore } from '@sla/event-store-postgres';
import { createTestDatabase, withTriggersOff } from '@sla/test-support';
import { productEventCatalog } from './product';

describe('event schemas at the store boundary (real PostgreSQL)', () => {
  let url: string;
  let raw: PostgresEventStore;

  beforeAll(async () => {
    url = await createTestDatabase('event_schemas');
    await migrateEventStore(url);
    raw = new PostgresEventStore({ connectionString: url });
  });
  afterAll(() => raw.close());

  const metadata = { actor: 'alice', correlationId: 'c-1', source: 'test' };

  it('refuses an invalid payload, naming the field and the reason, and stores nothing', async () => {
    const store = withEventSchemas(raw, productEventCatalog());
    const error = await store
      .appendToStream(
        'service-broken',
        [
          {
            id: randomUUID(),
            type: 'ServiceRetired',
            schemaVersion: 0,
            data: { serviceId: 'broken', reason: '', occurredAt: 'soon' },
            metadata,
          },
        ],
        'any',
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EventSchemaViolationError);
    expect((error as Error).message).toMatch(/data\.reason: /);
    expect((error as Error).message).toMatch(/data\.changeRequest: /);
    expect((error as Error).message).toMatch(/data\.occurredAt: /);
    expect(await raw.readStream('service-broken')).toEqual([]);
  });

  it('refuses an event type that has no schema', async () => {
    const store = withEventSchemas(raw, productEventCatalog());
    await expect(
      store.appendToStream(
        'service-x',
        [{ id: randomUUID(), type: 'ServiceTeleported', schemaVersion: 1, data: {}, metadata }],
        'any',
      ),
    ).rejects.toMatchObject({ code: 'UNKNOWN_EVENT_TYPE' });
  });

  it('upcasts a v1 event stored in the old shape when it is read back', async () => {
    const fixture = JSON.parse(
      readFileSync(path.join(__dirname, '../../catalogue/domain/test-fixtures/service-registered.v1.json'), 'utf8'),
    );
    // Written as an old release wrote it: straight into the log, schema version 1.
    await raw.appendToStream(fixture.streamName, [{ ...fixture, schemaVersion: 1 }], 'no_stream');
    // Past the append-only triggers, as only a superuser can: the old release's recording time.
    const client = new Client({ connectionString: withTriggersOff(url) });
    await client.connect();
    await client.query(`update event_store.events set recorded_at = $1 where event_id = $2`, [
      fixture.recordedAt,
      fixture.id,
    ]);
    await client.end();

    const store = withEventSchemas(raw, productEventCatalog());
    const [event] = await store.readStream(fixture.streamName);
    expect(event.schemaVersion).toBe(2);
    expect(event.data).toEqual({
      serviceId: 'email',
      name: 'Corporate e-mail',
      description: 'Mailboxes, calendars and shared contacts',
      owner: { name: 'Li Wei', email: null },
      contactPoint: null,
      calendarId: null,
      exceptions: '',
      securityConsiderations: '',
      changeRequest: null,
      occurredAt: '2026-01-15T08:30:00.000Z',
    });
  });

  it('keeps idempotency across a restart of the store (a new connection pool)', async () => {
    const event = { id: randomUUID(), type: 'ProbeRecorded', schemaVersion: 1, data: {}, metadata };
    const first = await raw.appendToStream('probe-restart', [event], 'no_stream');
    const restarted = new PostgresEventStore({ connectionString: url });
    const again = await restarted.appendToStream('probe-restart', [event], 'no_stream');
    await restarted.close();
    expect(again).toEqual({ ...first, duplicate: true });
    expect(await raw.readStream('probe-restart')).toHaveLength(1);
  });
});
