export * from './event-store.conformance';
export * from './decider-spec';
