export { AuditModule, auditRoutes } from './audit.controller';
