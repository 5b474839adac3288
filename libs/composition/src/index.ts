export * from './product';
export * from './product-modules';
export * from './infrastructure';
export * from './report-readers';
