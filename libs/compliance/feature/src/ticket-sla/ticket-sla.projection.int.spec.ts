import type { Kysely } from 'kysely';
import { agreementContentSchema } from '@sla/agreements-domain';
import { deterministicUuid, type RecordedEvent } from '@sla/event-sourcing';
import { migrateReadStore, openReadStore } from '@sla/read-store';
import { parseCalendarDefinition } from '@sla/sla-clock';
import { createTestDatabase } from '@sla/test-support';
import { complianceReadModelMigrations } from '../index';
import { ticketSlaProjection, type TicketSlaTables } from './ticket-sla.projection';

const HOUR = 3_600_000;
let position = 0n;
const recorded = (streamName: string, type: string, data: Record<string, unknown>): RecordedEvent => {
  position += 1n;
  return {
    id: deterministicUuid(`${streamName}/${type}/${position}`),
    type,
    schemaVersion: 1,
    data,
    metadata: { actor: 'test', correlationId: 'c', source: 'test' },
    streamName,
    streamRevision: 0n,
    position: { commit: position, prepare: position },
    recordedAt: new Date(),
  };
};

// As stored: the event schema fills in the defaults.
const officeInput = {
  id: 'office',
  name: 'Office',
  timeZone: 'UTC',
  versions: [
    { weeklyWindows: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, ['09:00-17:00']])) },
  ],
};
const target = (priority: string, responseHours: number) => ({
  serviceId: 'email',
  priority,
  response: { duration: { unit: 'business-hours', amount: responseHours }, calendarId: 'office' },
  resolution: { duration: { unit: 'business-hours', amount: 16 }, calendarId: 'office' },
});
const content = (responseHours: number, effectiveFrom: string) =>
  agreementContentSchema.parse({
    title: 'SLA',
    services: ['email'],
    serviceTargets: ['P1', 'P2', 'P3', 'P4'].map((priority) => target(priority, responseHours)),
    effectiveFrom,
  });
const party = { name: 'x', contacts: [] };

const calendarDefined = recorded('calendar-office', 'ServiceCalendarDefined', {
  calendarId: 'office',
  definition: parseCalendarDefinition(officeInput),
  changeRequest: null,
  occurredAt: '2026-01-01T00:00:00Z',
});
const drafted = recorded('agreement-sla', 'AgreementDrafted', {
  agreementId: 'sla',
  kind: 'SLA',
  provider: party,
  counterparty: party,
  version: 1,
  content: content(4, '2026-03-01T00:00:00Z'),
  occurredAt: '2026-02-01T00:00:00Z',
});
const approved = recorded('agreement-sla', 'AgreementVersionApproved', {
  agreementId: 'sla',
  version: 1,
  effectiveFrom: '2026-03-01T00:00:00Z',
  occurredAt: '2026-02-02T00:00:00Z',
});
const opened = recorded('ticket-T1', 'TicketOpened', {
  ticketId: 'T1',
  ticketType: 'incident',
  serviceId: 'email',
  priority: 'P2',
  impact: 'low',
  major: false,
  title: 't',
  occurredAt: '2026-03-02T09:00:00Z',
});
const acknowledged = recorded('ticket-T1', 'TicketAcknowledged', {
  ticketId: 'T1',
  occurredAt: '2026-03-02T12:00:00Z',
});
const resolved = recorded('ticket-T1', 'TicketResolved', {
  ticketId: 'T1',
  resolution: 'r',
  occurredAt: '2026-03-04T10:00:00Z',
});

/** Given facts → expected rows, on real PostgreSQL; every case also applies its events a second time. */
describe('ticket-sla projection', () => {
  let db: Kysely<TicketSlaTables>;

  beforeAll(async () => {
    db = openReadStore<TicketSlaTables>(await createTestDatabase('ticket_sla_projection'));
    await migrateReadStore(db, complianceReadModelMigrations);
  });
  afterAll(() => db?.destroy());

  const apply = (events: RecordedEvent[]) =>
    db.transaction().execute((transaction) => ticketSlaProjection.apply(transaction, events));
  const rows = () =>
    db
      .selectFrom('ticket_sla_status')
      .select(['ticket_id', 'metric', 'version', 'state', 'elapsed_ms', 'due_at', 'stopped_at'])
      .orderBy('metric', 'desc')
      .execute();
  const empty = async () => {
    for (const table of ticketSlaProjection.tables) await db.deleteFrom(table as keyof TicketSlaTables).execute();
  };

  it('evaluates a ticket whose facts arrive after its agreement, and applying the events again changes nothing', async () => {
    await empty();
    const events = [calendarDefined, drafted, approved, opened, resolved, acknowledged];
    await apply(events);
    const expected = [
      {
        ticket_id: 'T1',
        metric: 'response',
        version: 1,
        state: 'met',
        elapsed_ms: String(3 * HOUR),
        due_at: null,
        stopped_at: new Date('2026-03-02T12:00:00Z'),
      },
      // Mon 8 h + Tue 8 h = 16 h by Tue 17:00; resolved Wed 10:00: 17 h.
      {
        ticket_id: 'T1',
        metric: 'resolution',
        version: 1,
        state: 'breached',
        elapsed_ms: String(17 * HOUR),
        due_at: new Date('2026-03-03T17:00:00Z'),
        stopped_at: new Date('2026-03-04T10:00:00Z'),
      },
    ];
    expect(await rows()).toEqual(expected);
    await apply(events);
    expect(await rows()).toEqual(expected);
    const facts = await db.selectFrom('compliance_ticket').select('facts').executeTakeFirstOrThrow();
    expect(facts.facts).toHaveLength(3);
  });

  it('gives the same rows when the agreement is approved after the ticket was recorded (backdated approval), one event at a time', async () => {
    await empty();
    for (const event of [calendarDefined, drafted, opened, acknowledged, resolved]) await apply([event]);
    expect(await rows()).toEqual([]);
    await apply([approved]);
    await apply([approved]);
    expect((await rows()).map((row) => [row.metric, row.state])).toEqual([
      ['response', 'met'],
      ['resolution', 'breached'],
    ]);
  });

  it('re-evaluates tickets when their calendar is redefined', async () => {
    await empty();
    await apply([calendarDefined, drafted, approved, opened, acknowledged, resolved]);
    const roundTheClock = recorded('calendar-office', 'ServiceCalendarDefined', {
      calendarId: 'office',
      definition: parseCalendarDefinition({ ...officeInput, versions: [{ weeklyWindows: '24x7' }] }),
      changeRequest: 'CR-2',
      occurredAt: '2026-03-05T00:00:00Z',
    });
    await apply([roundTheClock]);
    await apply([roundTheClock]);
    // Round the clock: responded after 3 h (met); resolved after 49 h (breached at 16 h).
    expect((await rows()).map((row) => [row.metric, row.state, row.elapsed_ms])).toEqual([
      ['response', 'met', String(3 * HOUR)],
      ['resolution', 'breached', String(49 * HOUR)],
    ]);
  });
});
