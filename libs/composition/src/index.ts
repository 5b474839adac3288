export * from './product';
export * from './infrastructure';
export * from './report-figures';
export * from './read-models-known-at';
