import * as recordRetractionTime from './ticket-sla/2026-12-01-507-record-retraction-time.migration';
import type { Migration } from 'kysely';
import * as indexOpenClocks from './live-queue/2026-12-02-508-index-open-clocks.migration';
import * as createTicketSlaTables from './ticket-sla/2026-12-01-501-create-ticket-sla-tables.migration';
import * as createSlaDetection from './ticket-sla/2026-12-01-502-create-sla-detection.migration';
import * as createBreachFollowUp from './breach-follow-up/2026-12-01-503-create-breach-follow-up.migration';
import * as createKpiTicket from './kpis/2026-12-01-504-create-kpi-ticket.migration';
import * as addBreachOnRecord from './ticket-sla/2026-12-01-505-add-breach-on-record.migration';
import * as indexPeriodFigures from './ticket-sla/2026-12-01-506-index-period-figures.migration';

export * from './compliance.module';
export { complianceRoutes } from './compliance.routes';
export * from './ticket-sla/ticket-sla.projection';
export * from './breach-follow-up/breach-follow-up.projection';
export * from './kpis/kpi-tickets.projection';

export const complianceReadModelMigrations: Record<string, Migration> = {
  '2026-12-01-501-create-ticket-sla-tables': createTicketSlaTables,
  '2026-12-01-502-create-sla-detection': createSlaDetection,
  '2026-12-01-503-create-breach-follow-up': createBreachFollowUp,
  '2026-12-01-504-create-kpi-ticket': createKpiTicket,
  '2026-12-01-505-add-breach-on-record': addBreachOnRecord,
  '2026-12-01-506-index-period-figures': indexPeriodFigures,
  '2026-12-01-507-record-retraction-time': recordRetractionTime,
  '2026-12-02-508-index-open-clocks': indexOpenClocks,
};
export * from './sla-watch/sla-watch';
export {
  GetResponseResolutionComplianceQuery,
  ListBreachesQuery,
  type BreachFilter,
  type BreachView,
  type MetricCompliance,
} from './ticket-sla/ticket-sla.queries';
export { GetAgreementAvailabilityQuery, GetVersionsInForceQuery } from './availability/availability.queries';
export { GetKpiSummaryQuery } from './kpis/kpi-summary.query';
export { ListFollowUpsQuery, type FollowUpFilter } from './breach-follow-up/breach-follow-up.handlers';
export { EvaluateWhatIfQuery } from './what-if/what-if.query';
export { GetRestatementQuery } from './as-of/as-of.query';
export { AgreementFiguresReader } from './agreement-figures/agreement-figures.reader';
export * from './agreement-compliance.reader';
