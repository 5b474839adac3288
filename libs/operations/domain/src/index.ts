export * from './ticket/ticket.events';
export * from './ticket/ticket.decider';
export * from './outage/outage';
export * from './maintenance/maintenance-window';
export * from './maintenance/recurrence';
