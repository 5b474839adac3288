export * from './ticket/ticket.events';
export * from './ticket/ticket.decider';
export * from './outage/outage';
