import { Module, type DynamicModule } from '@nestjs/common';
import { RecordTicketFactHandler, TicketsController } from './tickets/tickets.controller';
import { ALERT_MAPPING, AlertmanagerWebhookController } from './outages/alertmanager-webhook.controller';
import type { AlertMapping } from './outages/alert-mapping';
import { OutagesController } from './outages/outages.controller';

/** Needs EVENT_STORE and READ_STORE from the composition root; the alert mapping from configuration. */
@Module({})
export class OperationsModule {
  static register(alertMapping: AlertMapping): DynamicModule {
    return {
      module: OperationsModule,
      controllers: [TicketsController, AlertmanagerWebhookController, OutagesController],
      providers: [RecordTicketFactHandler, { provide: ALERT_MAPPING, useValue: alertMapping }],
    };
  }
}
