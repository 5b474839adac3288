import { Controller, Inject } from '@nestjs/common';
import { z } from 'zod';
import {
  deterministicUuid,
  handleCommand,
  inAnyOrder,
  type EventMetadata,
  type EventStore,
  instantSchema,
} from '@sla/event-sourcing';
import { outageDecider, outageStreamName, type OutageEvent } from '@sla/operations-domain';
import { Endpoint, ValidBody, CLOCK, EVENT_STORE, RequestMetadata, type Clock } from '@sla/nest-platform';
import { DeliveryConflictError, requireSameDelivery } from '../intake/delivery-conflict';
import { mapAlert, type AlertMapping } from './alert-mapping';
import { receiveRoute, webhookBody } from './alertmanager-webhook.routes';

export const ALERT_MAPPING = Symbol('ALERT_MAPPING');

type Outcome = {
  fingerprint: string;
  outageId: string | null;
  outcome: 'started' | 'ended' | 'duplicate' | 'conflict' | 'unmapped' | 'refused';
  reason?: string;
};

const milliseconds = (timestamp: string) => new Date(Date.parse(timestamp)).toISOString();

function problemWithEnd(endsAt: string, startedAt: string): string | undefined {
  if (!instantSchema.safeParse(endsAt).success) return `endsAt '${endsAt}' is not an ISO 8601 time with an offset`;
  if (Date.parse(milliseconds(endsAt)) < Date.parse(startedAt))
    return `endsAt ${endsAt} is before startsAt ${startedAt}`;
  return undefined;
}

/**
 * A firing alert for a mapped service starts an outage, its resolution ends
 * it. The outage is identified by the alert's fingerprint and start time,
 * and each fact's event id is derived from them: Alertmanager repeats
 * notifications and retries deliveries, and every repeat is a no-op.
 *
 * What a repeat must match: annotations, receiver and group never enter a
 * fact, so they may change freely. The start fact holds only what the key
 * already fixes (fingerprint = labels, startsAt) plus the mapping's service
 * and impact: an outage keeps the mapping it started under, a changed
 * mapping file applies to new alerts, not to repeats. The end fact holds
 * the delivery's own endsAt: a resolved repeat with another endsAt is a
 * `conflict` outcome naming both, and the stored end stands.
 */
@Controller()
export class AlertmanagerWebhookController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ALERT_MAPPING) private readonly mapping: AlertMapping,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Endpoint(receiveRoute)
  async receive(
    @ValidBody(receiveRoute) body: z.infer<typeof webhookBody>,
    @RequestMetadata({ actor: 'alertmanager' }) request: EventMetadata,
  ) {
    const metadata: EventMetadata = { ...request, source: 'alertmanager' };
    const outcomes: Outcome[] = [];
    for (const alert of body.alerts) {
      const rule = mapAlert(this.mapping, alert.labels);
      if (!rule) {
        outcomes.push({ fingerprint: alert.fingerprint, outageId: null, outcome: 'unmapped' });
        continue;
      }
      const startedAt = milliseconds(alert.startsAt);
      const outageId = `alertmanager-${alert.fingerprint}-${Date.parse(startedAt)}`;
      // A resolution that cannot end the outage must not start it either: nothing of the alert is stored.
      const endProblem = alert.status === 'resolved' ? problemWithEnd(alert.endsAt, startedAt) : undefined;
      if (endProblem) {
        outcomes.push({ fingerprint: alert.fingerprint, outageId, outcome: 'refused', reason: endProblem });
        continue;
      }
      const key = `alertmanager/${alert.fingerprint}/${startedAt}`;
      const record = (fact: OutageEvent, step: string) =>
        handleCommand(
          this.store,
          outageStreamName(outageId),
          outageDecider,
          { type: 'RecordOutageFact', fact },
          {
            metadata,
            eventIds: [deterministicUuid(`${key}/${step}`)],
            occurredAt: inAnyOrder(this.clock),
          },
        );
      try {
        const started = await record(
          {
            type: 'OutageStarted',
            data: {
              outageId,
              serviceId: rule.serviceId,
              impact: rule.impact,
              ...(rule.weight !== undefined ? { weight: rule.weight } : {}),
              ticketId: null,
              occurredAt: startedAt,
            },
          },
          'started',
        );
        if (alert.status === 'firing') {
          outcomes.push({
            fingerprint: alert.fingerprint,
            outageId,
            outcome: started.duplicate ? 'duplicate' : 'started',
          });
          continue;
        }
        const end: OutageEvent = { type: 'OutageEnded', data: { outageId, occurredAt: milliseconds(alert.endsAt) } };
        const ended = await record(end, 'ended');
        if (ended.duplicate) {
          const endId = deterministicUuid(`${key}/ended`);
          await requireSameDelivery(this.store, outageStreamName(outageId), endId, end, `${key}/ended`);
        }
        outcomes.push({ fingerprint: alert.fingerprint, outageId, outcome: ended.duplicate ? 'duplicate' : 'ended' });
      } catch (error) {
        if (error instanceof DeliveryConflictError) {
          outcomes.push({ fingerprint: alert.fingerprint, outageId, outcome: 'conflict', reason: error.message });
          continue;
        }
        outcomes.push({
          fingerprint: alert.fingerprint,
          outageId,
          outcome: 'refused',
          reason: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return { outcomes };
  }
}
