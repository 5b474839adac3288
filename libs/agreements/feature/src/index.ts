import type { Migration } from 'kysely';
import * as createAgreementTables from './read-models/2026-11-22-301-create-agreement-tables.migration';
import * as createReviewTables from './reviews/2026-11-22-302-create-review-tables.migration';
import * as addRecordedAt from './read-models/2026-12-02-303-add-recorded-at.migration';

export * from './agreements.module';
export * from './read-models/agreements.projection';
export * from './commands/change-agreement.command';
export * from './reviews/reviews.projection';
export * from './reviews/review-commands';
export * from './reviews/governance-records.reader';
export * from './reviews/review-follow-ups.reactor';

export const agreementReadModelMigrations: Record<string, Migration> = {
  '2026-11-22-301-create-agreement-tables': createAgreementTables,
  '2026-11-22-302-create-review-tables': createReviewTables,
  '2026-12-02-303-add-recorded-at': addRecordedAt,
};
export { agreementRoutes } from './agreements.routes';
export { reviewRoutes } from './reviews/reviews.routes';
export type { ReviewTables } from './reviews/reviews.projection';
export * from './read-models/approved-agreement.reader';
export * from './reviews/improvement-plans.reader';
