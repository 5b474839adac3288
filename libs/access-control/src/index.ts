export * from './access-policy';
export * from './access.guard';
export * from './customer-scope';
export * from './credentials';
export * from './credential-verifiers';
export * from './oidc-token-verifier';
