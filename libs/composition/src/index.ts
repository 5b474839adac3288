export * from './product';
export * from './infrastructure';
