import { DomainError } from '@sla/event-sourcing';

export type ApiKeyErrorCode =
  | 'API_KEY_ALREADY_CREATED'
  | 'API_KEY_NOT_FOUND'
  | 'API_KEY_ALREADY_REVOKED'
  | 'API_KEY_EXPIRY_NOT_IN_FUTURE'
  | 'API_KEY_CUSTOMER_MISMATCH';

export class ApiKeyError extends DomainError {
  readonly kind;
  constructor(
    readonly code: ApiKeyErrorCode,
    readonly keyId: string,
  ) {
    super(`${MESSAGES[code]}: ${keyId}`);
    this.name = 'ApiKeyError';
    this.kind =
      code === 'API_KEY_NOT_FOUND'
        ? ('not_found' as const)
        : code === 'API_KEY_ALREADY_CREATED' || code === 'API_KEY_ALREADY_REVOKED'
          ? ('conflict' as const)
          : ('rule_violated' as const);
  }
}

const MESSAGES: Record<ApiKeyErrorCode, string> = {
  API_KEY_ALREADY_CREATED: 'an API key with this id exists already',
  API_KEY_NOT_FOUND: 'no API key has this id',
  API_KEY_ALREADY_REVOKED: 'the API key is revoked already',
  API_KEY_EXPIRY_NOT_IN_FUTURE: 'an API key expires after it is created',
  API_KEY_CUSTOMER_MISMATCH:
    "a customer key names its customer (the agreements' counterparty); keys of other roles name none",
};
