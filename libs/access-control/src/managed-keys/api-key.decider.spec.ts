import { deciderSpec } from '@sla/event-sourcing/testing';
import { apiKeyDecider, apiKeyStatusAt } from './api-key.decider';
import type { ApiKeyEvent } from './api-key.events';

const key = {
  keyId: '0123456789abcdef',
  actor: 'ci-pipeline',
  role: 'operations' as const,
  customer: null,
  keySha256: 'a'.repeat(64),
  expiresAt: '2026-06-01T00:00:00Z',
  occurredAt: '2026-03-01T09:00:00Z',
};
const created: ApiKeyEvent = { type: 'ApiKeyCreated', data: key };
const revocation = { keyId: key.keyId, reason: 'pipeline retired', occurredAt: '2026-04-01T00:00:00Z' };
const revoked: ApiKeyEvent = { type: 'ApiKeyRevoked', data: revocation };

const { given } = deciderSpec(apiKeyDecider);

describe('API key decider', () => {
  it('creates a key once', () => {
    given([]).when({ type: 'CreateApiKey', data: key }).then([created]);
    given([created]).when({ type: 'CreateApiKey', data: key }).thenFails('API_KEY_ALREADY_CREATED');
  });

  it('refuses an expiry that is not after the creation', () => {
    given([])
      .when({ type: 'CreateApiKey', data: { ...key, expiresAt: key.occurredAt } })
      .thenFails('API_KEY_EXPIRY_NOT_IN_FUTURE', { kind: 'rule_violated' });
  });

  it('asks a customer key, and only a customer key, to name its customer', () => {
    given([])
      .when({ type: 'CreateApiKey', data: { ...key, role: 'customer' } })
      .thenFails('API_KEY_CUSTOMER_MISMATCH');
    given([])
      .when({ type: 'CreateApiKey', data: { ...key, customer: 'Finance' } })
      .thenFails('API_KEY_CUSTOMER_MISMATCH');
    given([])
      .when({ type: 'CreateApiKey', data: { ...key, role: 'customer', customer: 'Finance' } })
      .then([{ type: 'ApiKeyCreated', data: { ...key, role: 'customer', customer: 'Finance' } }]);
  });

  it('revokes a created key once; an unknown key cannot be revoked', () => {
    given([created]).when({ type: 'RevokeApiKey', data: revocation }).then([revoked]);
    given([created, revoked]).when({ type: 'RevokeApiKey', data: revocation }).thenFails('API_KEY_ALREADY_REVOKED');
    given([]).when({ type: 'RevokeApiKey', data: revocation }).thenFails('API_KEY_NOT_FOUND', { kind: 'not_found' });
  });

  it('given a key, then it is active until it expires, and revoked from its revocation on', () => {
    expect(apiKeyStatusAt(given([]).state, new Date('2026-03-02T00:00:00Z'))).toBe('unknown');
    expect(apiKeyStatusAt(given([created]).state, new Date('2026-05-31T23:59:59Z'))).toBe('active');
    expect(apiKeyStatusAt(given([created]).state, new Date('2026-06-01T00:00:00Z'))).toBe('expired');
    expect(apiKeyStatusAt(given([created, revoked]).state, new Date('2026-04-02T00:00:00Z'))).toBe('revoked');
  });
});
