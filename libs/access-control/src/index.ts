import type { Migration } from 'kysely';
import * as createApiKey from './managed-keys/2026-12-02-701-create-api-key.migration';
import * as createConsoleSession from './console-sessions/2026-12-03-702-create-console-session.migration';

export * from './access-policy';
export * from './access.guard';
export * from './customer-scope';
export * from './credentials';
export * from './credential-verifiers';
export * from './oidc-token-verifier';
export * from './managed-keys/api-key.events';
export * from './managed-keys/api-key.errors';
export * from './managed-keys/api-key.decider';
export * from './managed-keys/api-key-secret';
export * from './managed-keys/managed-api-keys';
export * from './managed-keys/api-keys.projection';
export * from './managed-keys/list-api-keys.query';

/** The tables access control owns: the list of managed API keys (a read model) and the console's live sessions. */
export const accessControlReadModelMigrations: Record<string, Migration> = {
  '2026-12-02-701-create-api-key': createApiKey,
  '2026-12-03-702-create-console-session': createConsoleSession,
};
export * from './console-sessions/console-sessions';
export * from './console-sessions/console-session.routes';
export * from './console-sessions/console-session.controller';
export * from './console-sessions/openid-sign-in';
export * from './access-trail/access.events';
export * from './access-trail/access-trail';
export * from './access-trail/access-events.routes';
export * from './access-trail/access-trail.module';
