export * from './due-dates';
