export * from './test-database';
export * from './private-postgres';
