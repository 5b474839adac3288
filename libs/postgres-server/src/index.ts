export * from './embedded-postgres';
export * from './database-admin';
