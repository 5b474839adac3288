import { Module } from '@nestjs/common';
import { ServiceCatalogueController } from './service-catalogue.controller';
import { RegisterServiceHandler } from './register-service/register-service.command';
import { RetireServiceHandler } from './retire-service/retire-service.command';
import { GetServiceHandler, ListServicesHandler } from './get-service/get-service.query';

/** Needs EVENT_STORE, READ_STORE and CLOCK from the composition root. */
@Module({
  controllers: [ServiceCatalogueController],
  providers: [RegisterServiceHandler, RetireServiceHandler, GetServiceHandler, ListServicesHandler],
})
export class CatalogueModule {}
