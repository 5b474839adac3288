export {
  EsdbEventStore,
  connectEsdbEventStore,
  describeAddresses,
  type EsdbClient,
  type EsdbEventStoreOptions,
} from './esdb-event-store';
