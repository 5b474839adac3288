export * from './availability/exact-ratio';
export * from './availability/availability';
export * from './ticket-sla/ticket-sla';
export * from './ticket-sla/live-state';
export * from './availability/agreement-periods';
export * from './availability/reporting-period';
export * from './ticket-sla/sla-detection.events';
export * from './breach-follow-up/breach-follow-up.decider';
