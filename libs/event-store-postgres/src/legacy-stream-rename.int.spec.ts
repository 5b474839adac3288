import { randomUUID } from 'node:crypto';
import { streamCategory, type NewEvent } from '@sla/event-sourcing';
import { createTestDatabase, migrateEventStoreThrough, untilReadable } from '@sla/test-support';
import { migrateEventStore, PostgresEventStore } from './postgres-event-store';

const event = (type: string): NewEvent => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data: { type },
  metadata: { actor: 'test', correlationId: randomUUID(), source: 'test' },
});

describe('upgrading stored stream names to categories without "-" (PostgreSQL migration)', () => {
  let url: string;
  let store: PostgresEventStore;
  const legacy = {
    'service-report-email-sla-2026-03': ['ServiceReportDrafted', 'ServiceReportReviewed'],
    'report-definition-email-monthly': ['ReportDefinitionRecorded'],
    'breach-follow-up-0b9c1e4a-5d1f-4c2e-9a3b-7f6e5d4c3b2a': ['BreachCustomerNotified'],
    'sla-watch-T-1': ['TicketSlaBreached'],
    'improvement-plan-1': ['ImprovementPlanOpened'],
    // Not legacy: the catalogue stream of a service whose id is 'report-hub'.
    'service-report-hub': ['ServiceRegistered', 'ServiceActivated'],
    'ticket-T-1': ['TicketOpened'],
  } as const;
  const before = new Map<string, { id: string; revision: bigint; position: string; recordedAt: string }[]>();

  beforeAll(async () => {
    url = await createTestDatabase('legacy_stream_rename');
    // The store as the previous release left it.
    await migrateEventStoreThrough(url, '2026-11-22-001-create-event-log');
    store = new PostgresEventStore({ connectionString: url, idlePollMilliseconds: 20 });
    for (const [name, types] of Object.entries(legacy)) {
      const result = await store.appendToStream(name, types.map(event), 'no_stream');
      await untilReadable(store, result.position);
      before.set(
        name,
        (await store.readStream(name)).map((stored) => ({
          id: stored.id,
          revision: stored.streamRevision,
          position: `${stored.position.commit}/${stored.position.prepare}`,
          recordedAt: stored.recordedAt.toISOString(),
        })),
      );
    }
    await migrateEventStore(url);
  });
  afterAll(async () => {
    await store?.close();
  });

  it.each([
    ['service-report-email-sla-2026-03', 'service_report-email-sla-2026-03'],
    ['report-definition-email-monthly', 'report_definition-email-monthly'],
    ['breach-follow-up-0b9c1e4a-5d1f-4c2e-9a3b-7f6e5d4c3b2a', 'breach_follow_up-0b9c1e4a-5d1f-4c2e-9a3b-7f6e5d4c3b2a'],
    ['sla-watch-T-1', 'sla_watch-T-1'],
    ['improvement-plan-1', 'improvement_plan-plan-1'],
  ])('renames %s to %s, keeping every event id, revision, position and recording time', async (from, to) => {
    expect(await store.readStream(from)).toEqual([]);
    const moved = await store.readStream(to);
    expect(
      moved.map((stored) => ({
        id: stored.id,
        revision: stored.streamRevision,
        position: `${stored.position.commit}/${stored.position.prepare}`,
        recordedAt: stored.recordedAt.toISOString(),
      })),
    ).toEqual(before.get(from));
    expect(moved.every((stored) => stored.streamName === to)).toBe(true);
  });

  it('leaves a catalogue stream whose service id begins with "report-", and every other stream, alone', async () => {
    expect((await store.readStream('service-report-hub')).map((stored) => stored.type)).toEqual([
      'ServiceRegistered',
      'ServiceActivated',
    ]);
    expect(await store.readStream('ticket-T-1')).toHaveLength(1);
  });

  it('lets a renamed stream go on at its revision, and category filters see the whole category', async () => {
    const next = await store.appendToStream('service_report-email-sla-2026-03', [event('ServiceReportApproved')], 1n);
    expect(next.streamRevision).toBe(2n);
    await untilReadable(store, next.position);
    const page = await store.readAll({ filter: { streamCategories: ['service_report', 'service'] } });
    expect(page.events.map((stored) => [streamCategory(stored.streamName), stored.type])).toEqual([
      ['service_report', 'ServiceReportDrafted'],
      ['service_report', 'ServiceReportReviewed'],
      ['service', 'ServiceRegistered'],
      ['service', 'ServiceActivated'],
      ['service_report', 'ServiceReportApproved'],
    ]);
  });

  it('runs once: migrating again changes nothing', async () => {
    await migrateEventStore(url);
    expect(await store.readStream('service_report-email-sla-2026-03')).toHaveLength(3);
  });
});
