export { AuditModule, auditRoutes } from './audit.controller';
export { ReplayAgreementQuery } from './replays.queries';
