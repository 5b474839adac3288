import { UnauthorizedException } from '@nestjs/common';
import {
  handleCommand,
  toDomainEvent,
  type EventMetadata,
  type EventStore,
  type RecordedEvent,
} from '@sla/event-sourcing';
import type { Clock, Role } from '@sla/nest-platform';
import type { Principal } from '../access-policy';
import type { CredentialVerifier } from '../credentials';
import { apiKeyDecider, apiKeyStatusAt, type ApiKeyState } from './api-key.decider';
import { apiKeyStreamName, type ApiKeyEvent } from './api-key.events';
import { generateApiKey, managedKeyId, matchesDigest } from './api-key-secret';

export type NewApiKey = {
  readonly actor: string;
  readonly role: Role;
  readonly customer: string | null;
  readonly expiresAt: Date | null;
};

/**
 * API keys for machines, managed from the CLI: each key is a stream `api_key-<key id>` (created, perhaps revoked),
 * so who created or revoked it is on the events. The verifier reads the presented key's own stream on every
 * request: a revocation or an expiry holds from the next request on, in every process sharing the event store,
 * without a restart or a projection in between. The list of keys is a read model (api-keys.projection.ts).
 */
export class ManagedApiKeys {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  /** Records a new key; the returned key is the only copy (only its hash is stored). */
  async create(request: NewApiKey, metadata: EventMetadata): Promise<{ keyId: string; key: string }> {
    const { keyId, key, keySha256 } = generateApiKey();
    await handleCommand(
      this.store,
      apiKeyStreamName(keyId),
      apiKeyDecider,
      {
        type: 'CreateApiKey',
        data: {
          keyId,
          actor: request.actor,
          role: request.role,
          customer: request.customer,
          keySha256,
          expiresAt: request.expiresAt?.toISOString() ?? null,
          occurredAt: this.clock.now().toISOString(),
        },
      },
      { metadata },
    );
    return { keyId, key };
  }

  async revoke(keyId: string, reason: string | null, metadata: EventMetadata): Promise<void> {
    await handleCommand(
      this.store,
      apiKeyStreamName(keyId),
      apiKeyDecider,
      { type: 'RevokeApiKey', data: { keyId, reason, occurredAt: this.clock.now().toISOString() } },
      { metadata },
    );
  }

  /** The managed keys as a credential verifier: null for a credential that is not a managed key. */
  verifier(): CredentialVerifier {
    return {
      principalFor: async (credential): Promise<Principal | null> => {
        const keyId = managedKeyId(credential);
        if (!keyId) return null;
        const state = fold(await this.store.readStream(apiKeyStreamName(keyId)));
        if (state.status === 'none' || !matchesDigest(credential, state.key.keySha256)) return null;
        if (state.status === 'revoked')
          throw new UnauthorizedException(`API key ${keyId} was revoked ${state.revokedAt}`);
        if (apiKeyStatusAt(state, this.clock.now()) === 'expired')
          throw new UnauthorizedException(`API key ${keyId} expired ${state.key.expiresAt}`);
        return {
          actor: state.key.actor,
          role: state.key.role,
          customer: state.key.customer,
          credential: { kind: 'api-key', id: keyId },
        };
      },
    };
  }
}

const fold = (history: readonly RecordedEvent[]): ApiKeyState =>
  history.reduce(
    (state, recorded) => apiKeyDecider.evolve(state, toDomainEvent<ApiKeyEvent>(recorded)),
    apiKeyDecider.initialState(),
  );
