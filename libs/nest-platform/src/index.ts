export * from './tokens';
export * from './request-context';
export * from './zod-validation.pipe';
export * from './http-error.filter';
export * from './if-match';
export * from './openapi';
export * from './request-shape.interceptor';
export * from './stores.module';
