import type { Kysely } from 'kysely';
import { deterministicUuid, type RecordedEvent } from '@sla/event-sourcing';
import type { Projection } from '@sla/projection-runtime';
import { migrateReadStore, openReadStore } from '@sla/read-store';
import { createTestDatabase } from '@sla/test-support';
import { breachFollowUpStreamName, slaDetectionStreamName } from '@sla/compliance-domain';
import { breachFollowUpsProjection } from '../breach-follow-up/breach-follow-up.projection';
import { complianceReadModelMigrations } from '../index';
import { kpiTicketsProjection } from './kpi-tickets.projection';

let position = 0n;
const recorded = (
  streamName: string,
  type: string,
  data: Record<string, unknown>,
  id = deterministicUuid(`${streamName}/${type}/${position + 1n}`),
): RecordedEvent => {
  position += 1n;
  return {
    id,
    type,
    schemaVersion: 1,
    data,
    metadata: { actor: 'test', correlationId: 'c', source: 'test' },
    streamName,
    streamRevision: 0n,
    position: { commit: position, prepare: position },
    recordedAt: new Date('2026-04-01T00:00:00Z'),
  };
};

/**
 * Given events → expected rows on real PostgreSQL; each case applies its events a second time and expects the same
 * rows.
 */
describe('compliance projections: breach follow-ups and KPI tickets', () => {
  let db: Kysely<any>;
  beforeAll(async () => {
    db = openReadStore(await createTestDatabase('compliance_projections'));
    await migrateReadStore(db, complianceReadModelMigrations);
  });
  afterAll(() => db?.destroy());

  const applyTwice = async (projection: Projection, events: RecordedEvent[]) => {
    await db.transaction().execute((transaction) => projection.apply(transaction, events));
    const once = await db.selectFrom(projection.tables[0]).selectAll().execute();
    await db.transaction().execute((transaction) => projection.apply(transaction, events));
    expect(await db.selectFrom(projection.tables[0]).selectAll().execute()).toEqual(once);
    return once;
  };

  it('follow-ups: a breach opens one, steps fill it in, the notification deadline is 24 h after detection', async () => {
    const breachId = deterministicUuid('breach-1');
    const rows = await applyTwice(breachFollowUpsProjection, [
      recorded(
        slaDetectionStreamName('T1'),
        'TicketSlaBreached',
        {
          ticketId: 'T1',
          agreementId: 'sla',
          metric: 'resolution',
          version: 2,
          serviceId: 'email',
          priority: 'P2',
          targetMs: 43_200_000,
          calendarId: 'office',
          breachedAt: '2026-03-17T09:00:00.000Z',
          detectedAt: '2026-03-17T09:00:01.000Z',
        },
        breachId,
      ),
      recorded(breachFollowUpStreamName(breachId), 'BreachCustomerNotified', {
        breachEventId: breachId,
        channel: 'phone',
        recipient: 'Bob',
        occurredAt: '2026-03-18T10:00:00.000Z',
      }),
      recorded(breachFollowUpStreamName(breachId), 'BreachRootCauseRecorded', {
        breachEventId: breachId,
        rootCause: 'disk full',
        occurredAt: '2026-03-18T11:00:00.000Z',
      }),
    ]);
    expect(rows).toEqual([
      expect.objectContaining({
        breach_event_id: breachId,
        version: 2,
        notification_due_at: new Date('2026-03-18T09:00:01.000Z'),
        notified_at: new Date('2026-03-18T10:00:00.000Z'),
        notification: { channel: 'phone', recipient: 'Bob', reference: null },
        root_cause: 'disk full',
        remediated_at: null,
      }),
    ]);
  });

  it('KPI tickets: the latest resolution and reopening by event time, whatever the arrival order', async () => {
    const rows = await applyTwice(kpiTicketsProjection, [
      recorded('ticket-C1', 'TicketOpened', {
        ticketId: 'C1',
        ticketType: 'complaint',
        serviceId: 'email',
        priority: 'P4',
        impact: 'low',
        major: false,
        title: 'rude reply',
        occurredAt: '2026-03-02T09:00:00Z',
      }),
      recorded('ticket-C1', 'TicketReopened', {
        ticketId: 'C1',
        reason: 'not fixed',
        occurredAt: '2026-03-04T09:00:00Z',
      }),
      recorded('ticket-C1', 'TicketResolved', {
        ticketId: 'C1',
        resolution: 'apology',
        occurredAt: '2026-03-03T09:00:00Z',
      }),
      recorded('ticket-C1', 'CustomerSatisfactionRecorded', {
        ticketId: 'C1',
        score: 2,
        comment: '',
        occurredAt: '2026-03-05T09:00:00Z',
      }),
    ]);
    expect(rows).toEqual([
      {
        ticket_id: 'C1',
        service_id: 'email',
        ticket_type: 'complaint',
        major: false,
        opened_at: new Date('2026-03-02T09:00:00Z'),
        resolved_at: new Date('2026-03-03T09:00:00Z'),
        reopened_at: new Date('2026-03-04T09:00:00Z'),
        closed_at: null,
        satisfaction_score: 2,
      },
    ]);
  });
  it('KPI tickets: a batch gives the rows its events give one batch each (facts before an opening find no row)', async () => {
    const opened = (ticketId: string, occurredAt: string) =>
      recorded(`ticket-${ticketId}`, 'TicketOpened', {
        ticketId,
        ticketType: 'incident',
        serviceId: 'email',
        priority: 'P3',
        impact: 'low',
        major: false,
        title: ticketId,
        occurredAt,
      });
    const fact = (ticketId: string, type: string, data: Record<string, unknown>) =>
      recorded(`ticket-${ticketId}`, type, { ticketId, ...data });
    const earlier = [opened('B1', '2026-03-01T09:00:00Z')];
    const batch = [
      fact('B1', 'TicketResolved', { resolution: 'fixed', occurredAt: '2026-03-02T09:00:00Z' }),
      fact('B2', 'TicketResolved', { resolution: 'too early', occurredAt: '2026-03-02T10:00:00Z' }),
      opened('B2', '2026-03-02T08:00:00Z'),
      fact('B2', 'TicketReopened', { reason: 'back', occurredAt: '2026-03-03T09:00:00Z' }),
      fact('B1', 'TicketResolved', { resolution: 'older', occurredAt: '2026-03-01T12:00:00Z' }),
      fact('B2', 'TicketResolved', { resolution: 'fixed', occurredAt: '2026-03-04T09:00:00Z' }),
      fact('B2', 'CustomerSatisfactionRecorded', { score: 3, comment: '', occurredAt: '2026-03-05T09:00:00Z' }),
      fact('B2', 'CustomerSatisfactionRecorded', { score: 5, comment: '', occurredAt: '2026-03-05T10:00:00Z' }),
      fact('B1', 'TicketClosed', { occurredAt: '2026-03-06T09:00:00Z' }),
      opened('B1', '2026-03-01T09:00:00Z'),
      fact('B1', 'TicketReopened', { reason: 'again', occurredAt: '2026-03-07T09:00:00Z' }),
    ];
    const rowsOf = async (batches: RecordedEvent[][]) => {
      await db.deleteFrom('kpi_ticket').where('ticket_id', 'in', ['B1', 'B2']).execute();
      for (const events of batches)
        await db.transaction().execute((transaction) => kpiTicketsProjection.apply(transaction, events));
      return db
        .selectFrom('kpi_ticket')
        .selectAll()
        .where('ticket_id', 'in', ['B1', 'B2'])
        .orderBy('ticket_id')
        .execute();
    };
    const oneByOne = await rowsOf([earlier, ...batch.map((event) => [event])]);
    expect(await rowsOf([earlier, batch])).toEqual(oneByOne);
    expect(oneByOne).toMatchObject([
      {
        ticket_id: 'B1',
        resolved_at: new Date('2026-03-02T09:00:00Z'),
        reopened_at: new Date('2026-03-07T09:00:00Z'),
        closed_at: new Date('2026-03-06T09:00:00Z'),
      },
      { ticket_id: 'B2', resolved_at: new Date('2026-03-04T09:00:00Z'), satisfaction_score: 5, closed_at: null },
    ]);
  });
});
