export * from './calendar/calendar-definition';
export * from './calendar/business-calendar';
export * from './calendar/calendar-files';
export * from './clock/sla-targets';
export * from './clock/ticket-clock';
export * from './clock/clock-explanation';
export * from './clock/clock-explanation-text';
