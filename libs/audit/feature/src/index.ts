export { AuditModule, auditRoutes } from './audit.controller';
export { ReplayAgreementQuery, ReplayTicketClockQuery } from './replays.queries';
