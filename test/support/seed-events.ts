import { randomUUID } from 'node:crypto';
import { serviceStreamName } from '@sla/catalogue-domain';
import type { EventStore } from '@sla/event-sourcing';
import { untilReadable } from './readable';

/**
 * A catalogue service registered straight into the store (a first ServiceRegistered, as an early release stored
 * it), readable in the global log when this returns: the smallest real log for tests of the audit tools and the CLI.
 */
export async function registerSeedService(store: EventStore, serviceId: string, name = serviceId): Promise<void> {
  const appended = await store.appendToStream(
    serviceStreamName(serviceId),
    [
      {
        id: randomUUID(),
        type: 'ServiceRegistered',
        schemaVersion: 0,
        data: {
          serviceId,
          name,
          description: '',
          owner: { name: 'Owner', email: null },
          contactPoint: null,
          changeRequest: null,
          occurredAt: '2026-01-05T09:00:00Z',
        },
        metadata: { actor: 'seed', correlationId: 'seed', source: 'test' },
      },
    ],
    'no_stream',
  );
  await untilReadable(store, appended.position);
}
