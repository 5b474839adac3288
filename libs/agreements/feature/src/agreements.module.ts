import { Module } from '@nestjs/common';
import { CalendarCatalogue, ServiceCatalogueReader } from '@sla/catalogue-read-models';
import { AgreementsController } from './agreements.controller';
import { ChangeAgreementHandler, UnderpinningCheck } from './commands/change-agreement.command';
import { ChangeImprovementPlanHandler, ChangeReviewHandler } from './reviews/review-commands';
import { ReviewsController } from './reviews/reviews.controller';

/** Needs EVENT_STORE, READ_STORE and CLOCK from the composition root. */
@Module({
  controllers: [AgreementsController, ReviewsController],
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
