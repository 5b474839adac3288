import type { EventCatalog } from './event-catalog';
import type {
  AllPage,
  AppendResult,
  EventStore,
  EventSubscription,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from './event-store.port';

/**
 * Wraps any adapter so that nothing unvalidated is ever stored and every
 * reader sees events in their current schema version.
 */
export function withEventSchemas(store: EventStore, catalog: EventCatalog): EventStore {
  const upcast = (event: RecordedEvent) => catalog.upcast(event);
  return {
    adapterName: store.adapterName,
    appendToStream(streamName: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
      let prepared: NewEvent[];
      try {
        prepared = events.map((event) => catalog.prepareForAppend(event));
      } catch (error) {
        return Promise.reject(error);
      }
      return store.appendToStream(streamName, prepared, expected);
    },
    async readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
      return (await store.readStream(streamName, options)).map(upcast);
    },
    async readAll(options?: ReadAllOptions): Promise<AllPage> {
      const page = await store.readAll(options);
      return { ...page, events: page.events.map(upcast) };
    },
    subscribeToAll(options?: SubscribeOptions): EventSubscription {
      const inner = store.subscribeToAll(options);
      return {
        close: () => inner.close(),
        async *[Symbol.asyncIterator]() {
          for await (const event of inner) yield upcast(event);
        },
      };
    },
    checkHealth: () => store.checkHealth(),
    close: () => store.close(),
  };
}
