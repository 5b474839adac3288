export * from './test-database';
export * from './private-postgres';
export * from './http';
export * from './built-app';
export * from './processes';
export * from './readable';
export * from './openapi-conformance';
export * from './pdf-tools';
