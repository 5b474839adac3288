import { Module } from '@nestjs/common';
import { CalendarCatalogue } from '@sla/catalogue-read-models';
import { AgreementDirectory } from '@sla/agreements-read-models';
import { AgreementFiguresReader } from './agreement-figures/agreement-figures.reader';
import { ServiceDowntime } from '@sla/operations-read-models';
import { BreachFollowUpController } from './breach-follow-up/breach-follow-up.controller';
import { WhatIfController } from './what-if/what-if.controller';
import { TicketSlaController } from './ticket-sla/ticket-sla.controller';
import { LiveQueueController } from './live-queue/live-queue.controller';
import { GetLiveQueueHandler } from './live-queue/live-queue.query';
import { TicketTimelineController } from './ticket-timeline/ticket-timeline.controller';
import { GetTicketTimelineHandler } from './ticket-timeline/ticket-timeline.query';
import { RestatementController } from './as-of/restatement.controller';
import { KpiSummaryController } from './kpis/kpi-summary.controller';
import { AvailabilityController } from './availability/availability.controller';
import { PortfolioController } from './portfolio/portfolio.controller';
import { GetPortfolioHandler } from './portfolio/get-portfolio.query';
import { GetKpiSummaryHandler } from './kpis/kpi-summary.query';
import { EvaluateWhatIfHandler } from './what-if/what-if.query';
import { GetRestatementHandler } from './as-of/as-of.query';
import { ListFollowUpsHandler, RecordBreachFollowUpHandler } from './breach-follow-up/breach-follow-up.handlers';
import {
  GetAgreementAvailabilityHandler,
  GetServiceAvailabilityHandler,
  GetVersionsInForceHandler,
} from './availability/availability.queries';
import {
  GetResponseResolutionComplianceHandler,
  GetTicketClocksHandler,
  ListBreachesHandler,
} from './ticket-sla/ticket-sla.queries';

import { TicketClockInputs } from '@sla/compliance-read-models';

/** Needs READ_STORE, EVENT_STORE and CLOCK from the composition root. */
@Module({
  controllers: [
    BreachFollowUpController,
    WhatIfController,
    TicketSlaController,
    TicketTimelineController,
    LiveQueueController,
    RestatementController,
    KpiSummaryController,
    AvailabilityController,
    PortfolioController,
  ],
  providers: [
    CalendarCatalogue,
    ServiceDowntime,
    GetTicketClocksHandler,
    GetTicketTimelineHandler,
    GetLiveQueueHandler,
    GetResponseResolutionComplianceHandler,
    ListBreachesHandler,
    GetServiceAvailabilityHandler,
    GetAgreementAvailabilityHandler,
    GetVersionsInForceHandler,
    RecordBreachFollowUpHandler,
    ListFollowUpsHandler,
    GetKpiSummaryHandler,
    EvaluateWhatIfHandler,
    GetRestatementHandler,
    AgreementFiguresReader,
    TicketClockInputs,
    GetPortfolioHandler,
    AgreementDirectory,
  ],
  exports: [AgreementFiguresReader],
})
export class ComplianceModule {}
