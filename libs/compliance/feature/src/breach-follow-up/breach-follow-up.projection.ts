import type { Transaction } from 'kysely';
import type { BreachFollowUpEvent, SlaDetectionEvent } from '@sla/compliance-domain';
import type { RecordedEvent } from '@sla/event-sourcing';
import type { Projection } from '@sla/projection-runtime';

export type BreachFollowUpTables = {
  breach_follow_up: {
    breach_event_id: string;
    ticket_id: string;
    agreement_id: string;
    version: number;
    metric: string;
    breached_at: Date;
    detected_at: Date;
    notification_due_at: Date;
    notified_at: Date | null;
    notification: unknown;
    root_cause: string | null;
    credit: unknown;
    remediation: string | null;
    remediated_at: Date | null;
    waiver: unknown;
    retracted_at: Date | null;
  };
};

/** The customer is owed notice within 24 hours of a breach becoming known. */
export const NOTIFICATION_DEADLINE_MS = 24 * 3_600_000;
const json = (value: unknown) => JSON.stringify(value) as never;

/**
 * One follow-up per recorded breach, its steps as they are recorded. Every write is an upsert or a set: applying twice
 * changes nothing.
 */
export const breachFollowUpsProjection: Projection<BreachFollowUpTables> = {
  name: 'breach-follow-ups',
  version: 1,
  handles: [
    'TicketSlaBreached',
    'TicketSlaBreachRetracted',
    'BreachCustomerNotified',
    'BreachRootCauseRecorded',
    'BreachServiceCreditAssessed',
    'BreachRemediationReported',
    'BreachWaiverRecorded',
  ],
  tables: ['breach_follow_up'],
  async apply(transaction: Transaction<BreachFollowUpTables>, events: readonly RecordedEvent[]) {
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as SlaDetectionEvent | BreachFollowUpEvent;
      const update = (breachEventId: string, values: Partial<BreachFollowUpTables['breach_follow_up']>) =>
        transaction.updateTable('breach_follow_up').set(values).where('breach_event_id', '=', breachEventId).execute();
      switch (event.type) {
        case 'TicketSlaBreached': {
          const detectedAt = new Date(event.data.detectedAt);
          await transaction
            .insertInto('breach_follow_up')
            .values({
              breach_event_id: recorded.id,
              ticket_id: event.data.ticketId,
              agreement_id: event.data.agreementId,
              version: event.data.version,
              metric: event.data.metric,
              breached_at: new Date(event.data.breachedAt),
              detected_at: detectedAt,
              notification_due_at: new Date(detectedAt.getTime() + NOTIFICATION_DEADLINE_MS),
              notified_at: null,
              notification: null,
              root_cause: null,
              credit: null,
              remediation: null,
              remediated_at: null,
              waiver: null,
              retracted_at: null,
            })
            .onConflict((conflict) => conflict.doNothing())
            .execute();
          break;
        }
        case 'TicketSlaBreachRetracted':
          await update(event.data.breachEventId, { retracted_at: new Date(event.data.detectedAt) });
          break;
        case 'BreachCustomerNotified':
          await update(event.data.breachEventId, {
            notified_at: new Date(event.data.occurredAt),
            notification: json({
              channel: event.data.channel,
              recipient: event.data.recipient,
              reference: event.data.reference ?? null,
            }),
          });
          break;
        case 'BreachRootCauseRecorded':
          await update(event.data.breachEventId, { root_cause: event.data.rootCause });
          break;
        case 'BreachServiceCreditAssessed':
          await update(event.data.breachEventId, {
            credit: json({
              termIndex: event.data.termIndex,
              condition: event.data.condition,
              credit: event.data.credit,
              rationale: event.data.rationale,
              assessedAt: event.data.occurredAt,
            }),
          });
          break;
        case 'BreachRemediationReported':
          await update(event.data.breachEventId, {
            remediation: event.data.report,
            remediated_at: new Date(event.data.occurredAt),
          });
          break;
        case 'BreachWaiverRecorded':
          await update(event.data.breachEventId, {
            waiver: json({
              approvedBy: event.data.approvedBy,
              reason: event.data.reason,
              recordedAt: event.data.occurredAt,
            }),
          });
          break;
        default:
          break;
      }
    }
  },
};
