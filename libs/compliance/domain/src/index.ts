export * from './availability/exact-ratio';
export * from './availability/availability';
