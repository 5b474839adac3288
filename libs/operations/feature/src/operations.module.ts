import { Module, type DynamicModule } from '@nestjs/common';
import { TicketsController } from './tickets/tickets.controller';
import { RecordFactHandler } from './intake/record-fact.command';
import { ALERT_MAPPING, AlertmanagerWebhookController } from './outages/alertmanager-webhook.controller';
import type { AlertMapping } from './outages/alert-mapping';
import { OutagesController } from './outages/outages.controller';
import { MaintenanceWindowsController } from './maintenance/maintenance-windows.controller';
import { JSON_WEBHOOK_SOURCES, JsonWebhookController } from './json-webhook/json-webhook.controller';
import type { JsonWebhookSources } from './json-webhook/json-webhook-sources';

/** Needs EVENT_STORE and READ_STORE from the composition root; the alert mapping from configuration. */
@Module({})
export class OperationsModule {
  static register(alertMapping: AlertMapping, jsonWebhookSources: JsonWebhookSources): DynamicModule {
    return {
      module: OperationsModule,
      controllers: [
        TicketsController,
        AlertmanagerWebhookController,
        OutagesController,
        MaintenanceWindowsController,
        JsonWebhookController,
      ],
      providers: [
        RecordFactHandler,
        { provide: ALERT_MAPPING, useValue: alertMapping },
        { provide: JSON_WEBHOOK_SOURCES, useValue: jsonWebhookSources },
      ],
    };
  }
}
