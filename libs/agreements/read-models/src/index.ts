export * from './agreement-directory';
