export * from './service/service.events';
export * from './service/service.errors';
export * from './service/service.decider';
export * from './calendar/service-calendar.decider';
