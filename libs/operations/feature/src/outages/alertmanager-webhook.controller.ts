import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { z } from 'zod';
import { deterministicUuid, handleCommand, inAnyOrder, type EventMetadata, type EventStore } from '@sla/event-sourcing';
import { outageDecider, outageStreamName, type OutageEvent } from '@sla/operations-domain';
import {
  CLOCK,
  EVENT_STORE,
  RequestMetadata,
  type Clock,
  ZodValidationPipe,
  writeErrors,
  type RouteDocumentation,
} from '@sla/nest-platform';
import { DeliveryConflictError, requireSameDelivery } from '../intake/delivery-conflict';
import { mapAlert, type AlertMapping } from './alert-mapping';

export const ALERT_MAPPING = Symbol('ALERT_MAPPING');

/** Prometheus Alertmanager webhook payload, version 4 (only what we use is checked). */
const alertSchema = z.looseObject({
  status: z.enum(['firing', 'resolved']),
  labels: z.record(z.string(), z.string()),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.string(),
  fingerprint: z.string().min(1).max(100),
});
const webhookBody = z.looseObject({
  version: z.literal('4'),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string(),
  alerts: z.array(alertSchema).max(1_000),
});

type Outcome = {
  fingerprint: string;
  outageId: string | null;
  outcome: 'started' | 'ended' | 'duplicate' | 'conflict' | 'unmapped' | 'refused';
  reason?: string;
};

const milliseconds = (timestamp: string) => new Date(Date.parse(timestamp)).toISOString();

const endsAtSchema = z.iso.datetime({ offset: true });

function problemWithEnd(endsAt: string, startedAt: string): string | undefined {
  if (!endsAtSchema.safeParse(endsAt).success) return `endsAt '${endsAt}' is not an ISO 8601 time with an offset`;
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
@Controller('webhooks/alertmanager')
export class AlertmanagerWebhookController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ALERT_MAPPING) private readonly mapping: AlertMapping,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  async receive(
    @Body(new ZodValidationPipe(webhookBody)) body: z.infer<typeof webhookBody>,
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

export const alertmanagerRoutes: RouteDocumentation[] = [
  {
    method: 'post',
    path: '/webhooks/alertmanager',
    tag: 'operations',
    summary:
      'Prometheus Alertmanager webhook (version 4): firing alerts of mapped services start outages, resolved ones end them',
    body: webhookBody,
    responses: {
      200: {
        description: 'what became of each alert',
        schema: z.object({
          outcomes: z.array(
            z.object({
              fingerprint: z.string(),
              outageId: z.string().nullable(),
              outcome: z.enum(['started', 'ended', 'duplicate', 'conflict', 'unmapped', 'refused']),
              reason: z.string().optional(),
            }),
          ),
        }),
      },
      400: writeErrors[400],
    },
  },
];
