export { AuditModule } from './audit.controller';
export { auditRoutes } from './audit.routes';
export { evidenceBundleQuery, evidenceBundleRoute } from './evidence/evidence-bundle.routes';
export { ReplayAgreementQuery, ReplayTicketClockQuery } from './replays.queries';
export {
  EvidenceBundleExporter,
  EvidenceModule,
  type EvidenceRequest,
  type SealableLog,
} from './evidence/evidence-bundle.exporter';
export { evidenceSummaryHtml } from './evidence/evidence-summary.html';
export { EVIDENCE_SOURCES, type EvidenceSources, type EvidenceSourcesBinding } from './evidence/evidence-sources';
