import { Module } from '@nestjs/common';
import { CalendarCatalogue, ServiceCatalogueReader } from '@sla/catalogue-read-models';
import { AgreementLifecycleController } from './agreement-lifecycle/agreement-lifecycle.controller';
import { ChangeAgreementHandler, UnderpinningCheck } from './commands/change-agreement.command';
import { ChangeImprovementPlanHandler, ChangeReviewHandler } from './reviews/review-commands';
import { ReviewsController } from './reviews/reviews.controller';
import { GetAgreementController } from './get-agreement/get-agreement.controller';
import { ImprovementPlansController } from './improvement-plans/improvement-plans.controller';
import { NegotiateAgreementController } from './negotiate-agreement/negotiate-agreement.controller';

/** Needs EVENT_STORE, READ_STORE and CLOCK from the composition root. */
@Module({
  controllers: [
    NegotiateAgreementController,
    AgreementLifecycleController,
    GetAgreementController,
    ReviewsController,
    ImprovementPlansController,
  ],
  providers: [
    ChangeAgreementHandler,
    UnderpinningCheck,
    CalendarCatalogue,
    ServiceCatalogueReader,
    ChangeReviewHandler,
    ChangeImprovementPlanHandler,
  ],
})
export class AgreementsModule {}
