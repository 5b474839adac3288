import { restatementRoute } from './as-of/restatement.routes';
import { whatIfRoute } from './what-if/what-if.routes';
import { followUpsRoute, recordFollowUpRoute } from './breach-follow-up/breach-follow-up.routes';
import { breachesRoute, responseResolutionRoute, ticketClocksRoute } from './ticket-sla/ticket-sla.routes';
import { ticketTimelineRoute } from './ticket-timeline/ticket-timeline.routes';
import { queueRoute } from './live-queue/live-queue.routes';
import { kpisRoute } from './kpis/kpi-summary.routes';
import { portfolioRoute } from './portfolio/portfolio.routes';
import { agreementAvailabilityRoute, serviceAvailabilityRoute } from './availability/availability.routes';

/** Every compliance route, in the order of the OpenAPI document. */
export const complianceRoutes = [
  restatementRoute,
  whatIfRoute,
  recordFollowUpRoute,
  followUpsRoute,
  breachesRoute,
  ticketClocksRoute,
  ticketTimelineRoute,
  queueRoute,
  responseResolutionRoute,
  kpisRoute,
  agreementAvailabilityRoute,
  serviceAvailabilityRoute,
  portfolioRoute,
];
