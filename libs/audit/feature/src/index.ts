export { AuditModule } from './audit.controller';
export { auditRoutes } from './audit.routes';
export { ReplayAgreementQuery, ReplayTicketClockQuery } from './replays.queries';
