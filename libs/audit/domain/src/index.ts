export * from './merkle/merkle-tree';
