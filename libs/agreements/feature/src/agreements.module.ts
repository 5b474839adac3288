import { Module } from '@nestjs/common';
import { CalendarCatalogue } from '@sla/catalogue-read-models';
import { AgreementsController } from './agreements.controller';
import { ChangeAgreementHandler, UnderpinningCheck } from './commands/change-agreement.command';

/** Needs EVENT_STORE, READ_STORE and CLOCK from the composition root. */
@Module({
  controllers: [AgreementsController],
  providers: [ChangeAgreementHandler, UnderpinningCheck, CalendarCatalogue],
})
export class AgreementsModule {}
