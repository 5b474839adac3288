export * from './service-downtime';
