import { describeEventStoreContract } from '@sla/event-sourcing/testing';
import { connectEsdbEventStore } from './esdb-event-store';

/**
 * The port's conformance suite against a real EventStoreDB. No server can
 * run on our build machines, so it runs where ESDB_CONNECTION_STRING points
 * at one (see docs/eventstoredb.md and infra/compose/).
 */
const connectionString = process.env.ESDB_CONNECTION_STRING;

if (connectionString) {
  describeEventStoreContract('eventstoredb', {
    create: () => connectEsdbEventStore({ connectionString, startupTimeoutMilliseconds: 10_000 }),
  });
} else {
  describe('EventStore contract: eventstoredb', () => {
    it('runs only when ESDB_CONNECTION_STRING names a server', () => {
      expect(process.env.ESDB_CONNECTION_STRING).toBeUndefined();
    });
  });
}
