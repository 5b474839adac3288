import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { describeEventStoreContract } from '@sla/event-sourcing/testing';
import {
  createLoginRole,
  createTestDatabase,
  migrateEventStoreThrough,
  untilLogShows,
  untilReadable,
  withTriggersOff,
} from '@sla/test-support';
import { grantEventStoreAccess, migrateEventStore, PostgresEventStore } from './postgres-event-store';

const metadata = { actor: 'ana', correlationId: 'c', source: 'api' };
const newEvent = (title: string) => ({
  id: randomUUID(),
  type: 'TicketOpened',
  schemaVersion: 1,
  data: { title },
  metadata,
});

/** Migrated as the owner, used as an application role granted what grantEventStoreAccess grants. */
async function storeWithApplicationRole(purpose: string) {
  const ownerUrl = await createTestDatabase(purpose);
  await migrateEventStore(ownerUrl);
  const application = await createLoginRole(ownerUrl, purpose);
  await grantEventStoreAccess(ownerUrl, application.role);
  return { ownerUrl, applicationUrl: application.url };
}

// Everything the product does with the store works with the application role's privileges alone.
describeEventStoreContract('postgres, as the application role', {
  create: async () => {
    const { applicationUrl } = await storeWithApplicationRole('contract_as_application');
    return new PostgresEventStore({ connectionString: applicationUrl, idlePollMilliseconds: 50 });
  },
});

describe('the event log is append-only in the database (real PostgreSQL)', () => {
  const opened: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of opened.reverse()) await close();
  });
  const connect = async (url: string) => {
    const client = new Client({ connectionString: url });
    client.on('error', () => undefined);
    await client.connect();
    opened.push(() => client.end());
    return client;
  };
  const appendedLog = async () => {
    const urls = await storeWithApplicationRole('append_only');
    const store = new PostgresEventStore({ connectionString: urls.applicationUrl });
    opened.push(() => store.close());
    const appended = await store.appendToStream('ticket-T1', [newEvent('printer on fire')], 'no_stream');
    await untilReadable(store, appended.position);
    return { ...urls, store };
  };
  const row = (eventId: string) => [eventId, 'ticket-T1', 1, 'TicketOpened', 1, '{}', JSON.stringify(metadata)];
  const insertByHand = `insert into event_store.events
    (event_id, stream_name, stream_revision, event_type, schema_version, data, metadata)
    values ($1, $2, $3, $4, $5, $6, $7)`;

  it('lets the application role read and append, but not update, delete or insert rows itself', async () => {
    const { applicationUrl, store } = await appendedLog();
    expect((await store.readStream('ticket-T1')).map((event) => event.data)).toEqual([{ title: 'printer on fire' }]);
    const application = await connect(applicationUrl);
    for (const statement of [
      `update event_store.events set data = '{"title":"nothing happened"}'`,
      'delete from event_store.events',
      'truncate event_store.events',
      'update event_store.streams set revision = 5',
      'delete from event_store.appends',
    ]) {
      await expect(application.query(statement)).rejects.toMatchObject({ code: '42501' });
    }
    await expect(application.query(insertByHand, row(randomUUID()))).rejects.toMatchObject({ code: '42501' });
    expect((await store.readStream('ticket-T1')).map((event) => event.data)).toEqual([{ title: 'printer on fire' }]);
  });

  it('refuses the owner an update, delete or hand-written insert unless a maintenance session says so', async () => {
    const { ownerUrl, store } = await appendedLog();
    const owner = await connect(ownerUrl);
    for (const statement of [
      `update event_store.events set data = '{"title":"nothing happened"}'`,
      'delete from event_store.events',
      'truncate event_store.events',
      'delete from event_store.appends',
    ]) {
      await expect(owner.query(statement)).rejects.toMatchObject({ code: 'ES403', message: /append-only/ });
    }
    await expect(owner.query(insertByHand, row(randomUUID()))).rejects.toMatchObject({
      code: 'ES403',
      message: 'events are written only by event_store.append_events',
    });
    expect((await store.readStream('ticket-T1')).map((event) => event.data)).toEqual([{ title: 'printer on fire' }]);

    // The documented switch, for a deliberate repair.
    await owner.query('begin');
    await owner.query(`set local event_store.maintenance = 'on'`);
    await owner.query(`update event_store.events set data = '{"title":"repaired"}'`);
    await owner.query('commit');
    expect((await store.readStream('ticket-T1')).map((event) => event.data)).toEqual([{ title: 'repaired' }]);
  });

  it('knows which events no append wrote, when a superuser with triggers off inserts one', async () => {
    const { ownerUrl, store } = await appendedLog();
    const attacker = await connect(withTriggersOff(ownerUrl));
    const forged = randomUUID();
    await attacker.query(insertByHand, row(forged));
    await untilLogShows(store, (event) => event.id === forged);
    const log = (await store.readAll()).events;
    expect(log.map((event) => event.id)).toContain(forged);
    expect(await store.eventsNotAppended(log)).toEqual(new Set([forged]));
  });

  it('counts the events stored before the upgrade as appended, so an upgraded log still seals', async () => {
    const url = await createTestDatabase('append_only_upgrade');
    await migrateEventStoreThrough(url, '2026-12-02-002-rename-legacy-stream-categories');
    const store = new PostgresEventStore({ connectionString: url });
    opened.push(() => store.close());
    for (const title of ['printer on fire', 'mail down']) {
      await untilReadable(store, (await store.appendToStream('ticket-T1', [newEvent(title)], 'any')).position);
    }
    await migrateEventStore(url);
    await untilReadable(store, (await store.appendToStream('ticket-T1', [newEvent('after')], 'any')).position);
    const log = (await store.readAll()).events;
    expect(log).toHaveLength(3);
    expect(await store.eventsNotAppended(log)).toEqual(new Set());
  });
});
