export * from './ticket/ticket.events';
export * from './ticket/ticket.decider';
export * from './outage/outage.decider';
export * from './maintenance/maintenance-window.decider';
export * from './maintenance/recurrence';
