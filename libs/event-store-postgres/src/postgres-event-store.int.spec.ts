import { describeEventStoreContract } from '@sla/event-sourcing/testing';
import { createTestDatabase } from '@sla/test-support';
import { migrateEventStore, PostgresEventStore } from './postgres-event-store';

describeEventStoreContract('postgres', {
  create: async () => {
    const url = await createTestDatabase('conformance');
    await migrateEventStore(url);
    return new PostgresEventStore({ connectionString: url, idlePollMilliseconds: 50 });
  },
});
