import { UnauthorizedException } from '@nestjs/common';
import { EventCatalog, withEventSchemas, type EventStore } from '@sla/event-sourcing';
import { migrateEventStore, PostgresEventStore } from '@sla/event-store-postgres';
import { migrateReadStore, openReadStore } from '@sla/read-store';
import { createTestDatabase, untilLogShows } from '@sla/test-support';
import type { Kysely } from 'kysely';
import { accessControlReadModelMigrations } from '../index';
import { apiKeyEventDefinitions } from './api-key.events';
import { apiKeysProjection, type ApiKeyTables } from './api-keys.projection';
import { listApiKeys } from './list-api-keys.query';
import { ManagedApiKeys } from './managed-api-keys';

/** Managed keys against a real PostgreSQL event store, with a clock the test moves. */
describe('managed API keys (real PostgreSQL event store and read model)', () => {
  let raw: PostgresEventStore;
  let store: EventStore;
  let readStore: Kysely<ApiKeyTables>;
  let now = new Date('2026-03-01T09:00:00Z');
  const clock = { now: () => now };
  const by = (actor: string) => ({ actor, correlationId: 'c-1', source: 'cli' });

  beforeAll(async () => {
    const url = await createTestDatabase('managed_api_keys');
    await migrateEventStore(url);
    raw = new PostgresEventStore({ connectionString: url });
    store = withEventSchemas(raw, new EventCatalog(apiKeyEventDefinitions));
    readStore = openReadStore<ApiKeyTables>(url);
    await migrateReadStore(readStore, accessControlReadModelMigrations);
  });
  afterAll(async () => {
    await raw.close();
    await readStore.destroy();
  });

  /** The list read model fed every event of the log, twice: applying again changes nothing. */
  async function listed(keyId: string) {
    // The log shows an append only once every older transaction in the cluster has ended: wait for this key's.
    const latest = (await store.readStream(`api_key-${keyId}`)).at(-1);
    await untilLogShows(store, (event) => event.id === latest?.id);
    const { events } = await store.readAll();
    for (let delivery = 0; delivery < 2; delivery += 1)
      await readStore.transaction().execute((transaction) => apiKeysProjection.apply(transaction, events));
    return (await listApiKeys(readStore, now)).find((key) => key.keyId === keyId);
  }

  it('given a created key, then it authenticates as its actor and role, naming the key as the credential', async () => {
    const keys = new ManagedApiKeys(store, clock);
    const { keyId, key } = await keys.create(
      { actor: 'finance-portal', role: 'customer', customer: 'Finance', expiresAt: null },
      by('ops.ana'),
    );
    await expect(keys.verifier().principalFor(key)).resolves.toEqual({
      actor: 'finance-portal',
      role: 'customer',
      customer: 'Finance',
      credential: { kind: 'api-key', id: keyId },
    });
    // Another verifier's credential, or a forged secret under a real key id, is not this verifier's to accept.
    await expect(keys.verifier().principalFor('some-key-from-the-file')).resolves.toBeNull();
    await expect(keys.verifier().principalFor(`sla_${keyId}_${'A'.repeat(43)}`)).resolves.toBeNull();
  });

  it('given an expiry, then the key is refused from that instant on, saying it expired', async () => {
    now = new Date('2026-03-01T09:00:00Z');
    const keys = new ManagedApiKeys(store, clock);
    const { keyId, key } = await keys.create(
      { actor: 'ci', role: 'operations', customer: null, expiresAt: new Date('2026-03-02T09:00:00Z') },
      by('ops.ana'),
    );
    now = new Date('2026-03-02T08:59:59.999Z');
    await expect(keys.verifier().principalFor(key)).resolves.toMatchObject({ actor: 'ci' });
    now = new Date('2026-03-02T09:00:00Z');
    const refusal = keys.verifier().principalFor(key);
    await expect(refusal).rejects.toBeInstanceOf(UnauthorizedException);
    await expect(refusal).rejects.toThrow(`API key ${keyId} expired 2026-03-02T09:00:00.000Z`);
    expect(await listed(keyId)).toMatchObject({ state: 'expired' });
  });

  it('given a revocation, then the key is refused and the list says who revoked it', async () => {
    now = new Date('2026-03-01T09:00:00Z');
    const keys = new ManagedApiKeys(store, clock);
    const { keyId, key } = await keys.create(
      { actor: 'ci', role: 'admin', customer: null, expiresAt: null },
      by('ops.ana'),
    );
    now = new Date('2026-03-05T10:00:00Z');
    await keys.revoke(keyId, 'leaked in a build log', by('ops.bruno'));
    await expect(keys.verifier().principalFor(key)).rejects.toThrow(
      `API key ${keyId} was revoked 2026-03-05T10:00:00.000Z`,
    );
    await expect(keys.revoke(keyId, null, by('ops.bruno'))).rejects.toMatchObject({ code: 'API_KEY_ALREADY_REVOKED' });
    expect(await listed(keyId)).toEqual({
      keyId,
      actor: 'ci',
      role: 'admin',
      customer: null,
      createdAt: '2026-03-01T09:00:00.000Z',
      createdBy: 'ops.ana',
      expiresAt: null,
      state: 'revoked',
      revokedAt: '2026-03-05T10:00:00.000Z',
      revokedBy: 'ops.bruno',
      revocationReason: 'leaked in a build log',
    });
    const stored = await store.readStream(`api_key-${keyId}`);
    expect(JSON.stringify(stored.map((event) => [event.data, event.metadata]))).not.toContain(key);
  });
});
