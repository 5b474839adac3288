import type { Migration } from 'kysely';
import * as createStreamActivity from './stream-activity/2026-11-22-101-create-stream-activity.migration';

export * from './stream-activity/stream-activity.projection';
export * from './stream-activity/list-stream-activity.query';

export const auditReadModelMigrations: Record<string, Migration> = {
  '2026-11-22-101-create-stream-activity': createStreamActivity,
};
