import type { Decider } from '@sla/event-sourcing';
import type { ApiKeyCreatedData, ApiKeyEvent, ApiKeyRevokedData } from './api-key.events';
import { ApiKeyError } from './api-key.errors';

export type ApiKeyCommand =
  | { readonly type: 'CreateApiKey'; readonly data: ApiKeyCreatedData }
  | { readonly type: 'RevokeApiKey'; readonly data: ApiKeyRevokedData };

export type ApiKeyState =
  | { readonly status: 'none' }
  | { readonly status: 'active'; readonly key: ApiKeyCreatedData }
  | { readonly status: 'revoked'; readonly key: ApiKeyCreatedData; readonly revokedAt: string };

export const apiKeyDecider: Decider<ApiKeyCommand, ApiKeyEvent, ApiKeyState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'ApiKeyCreated':
        return { status: 'active', key: event.data };
      case 'ApiKeyRevoked':
        return state.status === 'none'
          ? state
          : { status: 'revoked', key: state.key, revokedAt: event.data.occurredAt };
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'CreateApiKey': {
        const key = command.data;
        if (state.status !== 'none') throw new ApiKeyError('API_KEY_ALREADY_CREATED', key.keyId);
        if ((key.role === 'customer') !== (key.customer !== null))
          throw new ApiKeyError('API_KEY_CUSTOMER_MISMATCH', key.keyId);
        if (key.expiresAt !== null && Date.parse(key.expiresAt) <= Date.parse(key.occurredAt))
          throw new ApiKeyError('API_KEY_EXPIRY_NOT_IN_FUTURE', key.keyId);
        return [{ type: 'ApiKeyCreated', data: key }];
      }
      case 'RevokeApiKey': {
        if (state.status === 'none') throw new ApiKeyError('API_KEY_NOT_FOUND', command.data.keyId);
        if (state.status === 'revoked') throw new ApiKeyError('API_KEY_ALREADY_REVOKED', command.data.keyId);
        return [{ type: 'ApiKeyRevoked', data: command.data }];
      }
    }
  },
};

/** What a key is worth at an instant: usable, or why not. */
export function apiKeyStatusAt(state: ApiKeyState, at: Date): 'unknown' | 'active' | 'expired' | 'revoked' {
  if (state.status === 'none') return 'unknown';
  if (state.status === 'revoked') return 'revoked';
  return state.key.expiresAt !== null && Date.parse(state.key.expiresAt) <= at.getTime() ? 'expired' : 'active';
}
