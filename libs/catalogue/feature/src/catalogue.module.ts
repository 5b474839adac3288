import { Module } from '@nestjs/common';
import { ServiceCatalogueController } from './service-catalogue.controller';
import { ChangeServiceHandler } from './change-service/change-service.command';
import { GetServiceHandler, ListServicesHandler } from './get-service/get-service.query';
import { CalendarCatalogue } from '@sla/catalogue-read-models';
import { DefineServiceCalendarHandler } from './calendars/define-service-calendar.command';
import { ServiceCalendarsController } from './calendars/service-calendars.controller';

/** Needs EVENT_STORE, READ_STORE and CLOCK from the composition root. */
@Module({
  controllers: [ServiceCatalogueController, ServiceCalendarsController],
  providers: [
    ChangeServiceHandler,
    GetServiceHandler,
    ListServicesHandler,
    DefineServiceCalendarHandler,
    CalendarCatalogue,
  ],
})
export class CatalogueModule {}
