export * from './product';
export * from './infrastructure';
export * from './report-readers';
export * from './read-models-known-at';
