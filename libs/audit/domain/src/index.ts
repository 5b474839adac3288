export * from './merkle/merkle-tree';
export * from './merkle/log-leaf';
export * from './merkle/evidence-bundle';
export * from './merkle/sealed-leaf';
