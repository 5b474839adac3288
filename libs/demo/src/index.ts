export * from './demo-scenario';
export * from './seeded-random';
