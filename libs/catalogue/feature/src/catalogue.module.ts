import { Module } from '@nestjs/common';
import { ServiceCatalogueController } from './service-catalogue.controller';
import { RegisterServiceHandler } from './register-service/register-service.command';
import { RetireServiceHandler } from './retire-service/retire-service.command';
import { GetServiceHandler, ListServicesHandler } from './get-service/get-service.query';
import { CalendarCatalogue } from '@sla/catalogue-read-models';
import { DefineServiceCalendarHandler } from './calendars/define-service-calendar.command';
import { ServiceCalendarsController } from './calendars/service-calendars.controller';

/** Needs EVENT_STORE, READ_STORE and CLOCK from the composition root. */
@Module({
  controllers: [ServiceCatalogueController, ServiceCalendarsController],
  providers: [RegisterServiceHandler, RetireServiceHandler, GetServiceHandler, ListServicesHandler, DefineServiceCalendarHandler, CalendarCatalogue],
})
export class CatalogueModule {}
