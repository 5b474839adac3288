export * from './merkle/merkle-tree';
export * from './merkle/log-leaf';
export * from './merkle/evidence-bundle';
export * from './merkle/sealed-leaf';
export * from './evidence/evidence-manifest';
export * from './evidence/bundle-completeness';
export * from './evidence/bundle-figures';
