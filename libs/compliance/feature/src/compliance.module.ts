import { Module } from '@nestjs/common';
import { CalendarCatalogue } from '@sla/catalogue-read-models';
import { AgreementFiguresReader } from './agreement-figures/agreement-figures.reader';
import { ServiceDowntime } from '@sla/operations-read-models';
import { ComplianceController } from './compliance.controller';
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

/** Needs READ_STORE and CLOCK from the composition root. */
@Module({
  controllers: [ComplianceController],
  providers: [
    CalendarCatalogue,
    ServiceDowntime,
    GetTicketClocksHandler,
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
  ],
  exports: [AgreementFiguresReader],
})
export class ComplianceModule {}
