import type { Transaction } from 'kysely';
import type { RecordedEvent } from '@sla/event-sourcing';
import type { Projection } from '@sla/projection-runtime';
import type { ApiKeyEvent } from './api-key.events';

/** The list of keys for `keys list`: never the key nor its hash (the verifier reads the key's stream). */
export type ApiKeyTables = {
  api_key: {
    key_id: string;
    actor: string;
    role: string;
    customer: string | null;
    created_at: Date;
    created_by: string;
    expires_at: Date | null;
    revoked_at: Date | null;
    revoked_by: string | null;
    revocation_reason: string | null;
    stream_revision: string | bigint;
  };
};

export const apiKeysProjection: Projection<ApiKeyTables> = {
  name: 'api-keys',
  version: 1,
  handles: ['ApiKeyCreated', 'ApiKeyRevoked'],
  tables: ['api_key'],
  async apply(transaction: Transaction<ApiKeyTables>, events: readonly RecordedEvent[]) {
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as ApiKeyEvent;
      if (event.type === 'ApiKeyCreated') {
        await transaction
          .insertInto('api_key')
          .values({
            key_id: event.data.keyId,
            actor: event.data.actor,
            role: event.data.role,
            customer: event.data.customer,
            created_at: new Date(event.data.occurredAt),
            created_by: recorded.metadata.actor,
            expires_at: event.data.expiresAt === null ? null : new Date(event.data.expiresAt),
            revoked_at: null,
            revoked_by: null,
            revocation_reason: null,
            stream_revision: recorded.streamRevision,
          })
          .onConflict((conflict) => conflict.column('key_id').doNothing())
          .execute();
      } else {
        // Applied once: a redelivered revocation finds the row at its revision already.
        await transaction
          .updateTable('api_key')
          .set({
            revoked_at: new Date(event.data.occurredAt),
            revoked_by: recorded.metadata.actor,
            revocation_reason: event.data.reason,
            stream_revision: recorded.streamRevision,
          })
          .where('key_id', '=', event.data.keyId)
          .where('stream_revision', '<', recorded.streamRevision)
          .execute();
      }
    }
  },
};
