import { deterministicUuid, handleCommand } from '@sla/event-sourcing';
import { migrateEventStore, PostgresEventStore } from '@sla/event-store-postgres';
import { createTestDatabase } from '@sla/test-support';
import { ticketDecider } from './ticket.decider';
import { ticketStreamName, type TicketEvent } from './ticket.events';

/** Idempotency by source and external id: a redelivered fact is stored once and reported as a duplicate. */
describe('redelivered ticket facts (real PostgreSQL)', () => {
  let store: PostgresEventStore;
  beforeAll(async () => {
    const url = await createTestDatabase('ticket_redelivery');
    await migrateEventStore(url);
    store = new PostgresEventStore({ connectionString: url });
  });
  afterAll(() => store.close());

  const metadata = { actor: 'servicenow', correlationId: 'c', source: 'servicenow' };
  const deliver = (fact: TicketEvent, externalId: string) =>
    handleCommand(
      store,
      ticketStreamName('INC-7'),
      ticketDecider,
      { type: 'RecordTicketFact', fact },
      { metadata, eventIds: [deterministicUuid(`servicenow/${externalId}`)] },
    );

  it('stores each fact once however often it is delivered, even one the decider would refuse a second time', async () => {
    const opened: TicketEvent = {
      type: 'TicketOpened',
      data: {
        ticketId: 'INC-7',
        ticketType: 'incident',
        serviceId: 'email',
        priority: 'P3',
        impact: 'low',
        major: false,
        title: 't',
        occurredAt: '2026-03-09T09:00:00Z',
      },
    };
    const closed = {
      type: 'TicketClosed',
      data: { ticketId: 'INC-7', occurredAt: '2026-03-10T09:00:00Z' },
    } as TicketEvent;
    expect(await deliver(opened, 'evt-1')).toMatchObject({ duplicate: false, streamRevision: 0n });
    expect(await deliver(closed, 'evt-2')).toMatchObject({ duplicate: false, streamRevision: 1n });
    expect(await deliver(opened, 'evt-1')).toMatchObject({ duplicate: true, streamRevision: 1n });
    // Closing twice is refused, but the same closure delivered again is a duplicate.
    expect(await deliver(closed, 'evt-2')).toMatchObject({ duplicate: true });
    await expect(
      deliver({ ...closed, data: { ...closed.data, occurredAt: '2026-03-11T09:00:00Z' } } as TicketEvent, 'evt-3'),
    ).rejects.toMatchObject({ code: 'TICKET_ALREADY_CLOSED' });
    expect(await store.readStream(ticketStreamName('INC-7'))).toHaveLength(2);
  });
});
