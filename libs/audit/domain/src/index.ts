export * from './merkle/merkle-tree';
export * from './merkle/log-leaf';
