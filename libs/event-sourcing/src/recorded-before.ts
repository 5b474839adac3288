import type { EventStore, EventSubscription, RecordedEvent } from './event-store.port';

/**
 * The store as it stood at an instant: only events recorded before it are
 * read, and nothing can be written. Projections fed from it build the read
 * models as they were then — what a report made at that moment could say.
 */
export function recordedBefore(store: EventStore, knownAt: Date): EventStore {
  const known = (event: RecordedEvent) => event.recordedAt < knownAt;
  return {
    adapterName: `${store.adapterName} (recorded before ${knownAt.toISOString()})`,
    appendToStream: () => Promise.reject(new Error('the store as it stood at a past instant is read-only')),
    readStream: async (streamName, options) => (await store.readStream(streamName, options)).filter(known),
    readAll: async (options) => {
      const page = await store.readAll(options);
      return { ...page, events: page.events.filter(known) };
    },
    subscribeToAll: (options) => {
      const subscription = store.subscribeToAll(options);
      const filtered: EventSubscription = {
        async *[Symbol.asyncIterator]() {
          for await (const event of subscription) if (known(event)) yield event;
        },
        close: () => subscription.close(),
      };
      return filtered;
    },
    checkHealth: () => store.checkHealth(),
    close: () => Promise.resolve(),
  };
}
