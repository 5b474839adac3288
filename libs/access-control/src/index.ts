export * from './access-policy';
export * from './access.guard';
export * from './customer-scope';
