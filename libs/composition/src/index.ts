export * from './product';
export * from './infrastructure';
export * from './report-figures';
