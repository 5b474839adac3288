import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard, CUSTOMER_SCOPE, loadPrincipals, PRINCIPALS } from '@sla/access-control';
import { AgreementDirectory } from '@sla/agreements-read-models';
import { CqrsModule } from '@nestjs/cqrs';
import { CatalogueModule } from '@sla/catalogue-feature';
import { AgreementsModule } from '@sla/agreements-feature';
import { ComplianceModule } from '@sla/compliance-feature';
import { AuditModule } from '@sla/audit-feature';
import { ServiceReportScope, ServiceReportsModule } from '@sla/reports-feature';
import { reportFigures } from '@sla/composition';
import { loadAlertMapping, loadJsonWebhookSources, OperationsModule } from '@sla/operations-feature';
import type { Infrastructure } from '@sla/composition';
import type { Clock } from '@sla/nest-platform';
import { HealthController } from './health/health.controller';
import { OpenApiController } from './openapi/openapi.controller';
import { DocsController } from './openapi/docs.controller';
import { InfrastructureModule } from './infrastructure.module';
import { CustomerScopeReaders } from './customer-scope-readers';

@Module({})
export class ApiModule {
  static register(infrastructure: Infrastructure, clock: Clock): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CqrsModule.forRoot(),
        InfrastructureModule.register(infrastructure, clock),
        CatalogueModule,
        AgreementsModule,
        ComplianceModule,
        AuditModule,
        ServiceReportsModule.register(reportFigures, {
          draftIntervalMilliseconds: infrastructure.configuration.REPORT_DRAFT_INTERVAL_SECONDS * 1_000,
        }),
        OperationsModule.register(
          loadAlertMapping(infrastructure.configuration.ALERTMANAGER_MAPPING_FILE),
          loadJsonWebhookSources(infrastructure.configuration.JSON_WEBHOOK_SOURCES_FILE),
        ),
      ],
      controllers: [HealthController, OpenApiController, DocsController],
      providers: [
        { provide: PRINCIPALS, useValue: loadPrincipals(infrastructure.configuration.AUTH_API_KEYS_FILE) },
        AgreementDirectory,
        ServiceReportScope,
        { provide: CUSTOMER_SCOPE, useClass: CustomerScopeReaders },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }
}
