import type { Migration } from 'kysely';
import * as createStreamActivity from './stream-activity/2026-11-22-101-create-stream-activity.migration';
import * as createAuditLogTree from './log-seal/2026-12-01-102-create-audit-log-tree.migration';
import * as createAuditSealFinding from './log-seal/2026-12-02-103-create-audit-seal-finding.migration';
import * as addAuditSigningKeyRetiredAt from './log-seal/2026-12-02-110-add-audit-signing-key-retired-at.migration';
import * as createAuditHeadDelivery from './log-seal/2026-12-02-111-create-audit-head-delivery.migration';

export * from './stream-activity/stream-activity.projection';
export * from './stream-activity/list-stream-activity.query';
export * from './log-seal/log-sealer';
export * from './log-seal/log-signer';
export * from './log-seal/log-verifier';
export * from './log-seal/known-heads';
export * from './log-seal/head-witness';
export * from './log-seal/signing-key-rotation';
export * from './log-seal/event-proofs.reader';
export * from './as-known/read-models-known-at';

export const auditReadModelMigrations: Record<string, Migration> = {
  '2026-11-22-101-create-stream-activity': createStreamActivity,
  '2026-12-01-102-create-audit-log-tree': createAuditLogTree,
  '2026-12-02-103-create-audit-seal-finding': createAuditSealFinding,
  '2026-12-02-110-add-audit-signing-key-retired-at': addAuditSigningKeyRetiredAt,
  '2026-12-02-111-create-audit-head-delivery': createAuditHeadDelivery,
};
