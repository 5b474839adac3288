export * from './ticket/ticket.events';
export * from './ticket/ticket.decider';
