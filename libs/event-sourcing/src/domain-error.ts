/**
 * A command refused by a business rule. `kind` says how an entry point
 * should report it (HTTP: 409, 404, 422); `code` is stable for clients.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: 'conflict' | 'not_found' | 'rule_violated';
}
