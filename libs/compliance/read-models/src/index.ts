export * from './ticket-clock-inputs';
