export * from './event-store.port';
export * from './event-store.errors';
export * from './event-catalog';
export * from './schema-checked-event-store';
export * from './decider';
export * from './domain-error';
export * from './deterministic-id';
export * from './polling-subscription';
