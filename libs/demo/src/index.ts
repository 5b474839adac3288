export * from './demo-scenario';
export * from './demo-step';
export * from './seeded-random';
export * from './scenario/operations';
