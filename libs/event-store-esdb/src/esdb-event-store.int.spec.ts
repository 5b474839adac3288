import { describeEventStoreContract } from '@sla/event-sourcing/testing';
import { connectEsdbEventStore } from './esdb-event-store';

/**
 * The port's conformance suite against a real EventStoreDB. No server can
 * run on our build machines, so it runs where ESDB_CONNECTION_STRING points
 * at one (see docs/eventstoredb.md and infra/compose/). The adapter's logic
 * also runs the suite against a simulated server in esdb-event-store.spec.ts.
 */
const connectionString = process.env.ESDB_CONNECTION_STRING;

if (connectionString) {
  describeEventStoreContract('eventstoredb', {
    create: () => connectEsdbEventStore({ connectionString, startupTimeoutMilliseconds: 10_000 }),
  });
} else {
  describe('EventStore contract: eventstoredb', () => {
    it('runs the EventStoreDB conformance suite only when ESDB_CONNECTION_STRING is set', () => {
      expect(connectionString ?? '').toBe('');
    });
  });
}
