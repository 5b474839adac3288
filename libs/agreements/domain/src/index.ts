export * from './agreement/agreement-content';
export * from './agreement/agreement.events';
export * from './agreement/agreement.errors';
export * from './agreement/agreement.decider';
export * from './agreement/version-in-force';
export * from './agreement/version-diff';
export * from './underpinning/underpinning-gaps';
export * from './templates/agreement-templates';
