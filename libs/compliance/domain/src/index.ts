export * from './availability/exact-ratio';
export * from './availability/availability';
export * from './ticket-sla/ticket-sla';
