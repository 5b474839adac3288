import { z } from 'zod';
import { instantSchema } from '@sla/event-sourcing/identifiers';

// The data of each breach follow-up step, pure zod: the events are defined with these schemas and the console's
// follow-up form (`@sla/compliance-domain/breach-follow-up-steps`) validates with them, without the decider's
// event-store code.

const breachEventId = z.uuid();
const text = (max: number) => z.string().trim().min(1).max(max);

/** The customer was told of the breach (due within 24 hours of its detection). */
export const breachCustomerNotifiedSchema = z.strictObject({
  breachEventId,
  channel: text(100),
  recipient: text(300),
  reference: text(200).optional(),
  occurredAt: instantSchema,
});

export const breachRootCauseRecordedSchema = z.strictObject({
  breachEventId,
  rootCause: text(5_000),
  occurredAt: instantSchema,
});

/**
 * Assessed against the credit terms of the agreement version the breach was judged by; `termIndex` null when none
 * applies.
 */
export const breachServiceCreditAssessedSchema = z.strictObject({
  breachEventId,
  termIndex: z.number().int().min(0).nullable(),
  // Filled in from the agreement's term when recorded.
  condition: z.string().nullable().default(null),
  credit: z.string().nullable().default(null),
  rationale: text(2_000),
  occurredAt: instantSchema,
});

export const breachRemediationReportedSchema = z.strictObject({
  breachEventId,
  report: text(10_000),
  occurredAt: instantSchema,
});

/** A short deviation the customer approved: recorded beside the breach, which stays on record. */
export const breachWaiverRecordedSchema = z.strictObject({
  breachEventId,
  approvedBy: text(300),
  reason: text(2_000),
  occurredAt: instantSchema,
});

/** Each step's event type and its data schema. */
export const breachFollowUpStepSchemas = {
  BreachCustomerNotified: breachCustomerNotifiedSchema,
  BreachRootCauseRecorded: breachRootCauseRecordedSchema,
  BreachServiceCreditAssessed: breachServiceCreditAssessedSchema,
  BreachRemediationReported: breachRemediationReportedSchema,
  BreachWaiverRecorded: breachWaiverRecordedSchema,
} as const;

export type BreachFollowUpStep = keyof typeof breachFollowUpStepSchemas;

// What a client sends as a step's `data`: the breach is in the path and occurredAt defaults to the time it is recorded
// (the API fills both in before validating the event with the schemas above).
const sent = { breachEventId: true, occurredAt: true } as const;
const optionalOccurredAt = { occurredAt: instantSchema.optional() };

export const breachFollowUpStepData = {
  BreachCustomerNotified: breachCustomerNotifiedSchema.omit(sent).extend(optionalOccurredAt),
  BreachRootCauseRecorded: breachRootCauseRecordedSchema.omit(sent).extend(optionalOccurredAt),
  BreachServiceCreditAssessed: breachServiceCreditAssessedSchema.omit(sent).extend(optionalOccurredAt),
  BreachRemediationReported: breachRemediationReportedSchema.omit(sent).extend(optionalOccurredAt),
  BreachWaiverRecorded: breachWaiverRecordedSchema.omit(sent).extend(optionalOccurredAt),
} as const;
