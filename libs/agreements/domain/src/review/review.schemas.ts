import { z } from 'zod';
import { instantSchema, slugSchema } from '@sla/event-sourcing/identifiers';

// Pure zod (no event-store code): the console's review form validates with these very schemas.

/** Review meetings of the SLM process: monthly internal, semi-annual with customer and suppliers, annual per SLA/UC. */
export const reviewKindSchema = z.enum(['monthly-internal', 'semi-annual-customer', 'annual-agreement']);

export const reviewDecisionSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    decisionId: slugSchema,
    agreementId: slugSchema,
    outcome: z.literal('accept'),
    rationale: z.string().trim().min(1),
  }),
  z.strictObject({
    decisionId: slugSchema,
    agreementId: slugSchema,
    outcome: z.literal('improvement-required'),
    rationale: z.string().trim().min(1),
    /** The service improvement plan this decision opens. */
    improvement: z.strictObject({
      planId: slugSchema,
      item: z.string().trim().min(1),
      requirement: z.string().trim().min(1),
    }),
  }),
  z.strictObject({
    decisionId: slugSchema,
    agreementId: slugSchema,
    outcome: z.literal('agreement-change-required'),
    rationale: z.string().trim().min(1),
    /** The amendment draft this decision opens, under change control. */
    amendment: z.strictObject({ changeRequest: z.string().trim().min(1).max(100), effectiveFrom: instantSchema }),
  }),
]);

export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

export const reviewScheduledSchema = z.strictObject({
  reviewId: slugSchema,
  kind: reviewKindSchema,
  agreementIds: z.array(slugSchema).min(1),
  periodFrom: instantSchema,
  periodTo: instantSchema,
  scheduledFor: instantSchema,
  occurredAt: instantSchema,
});

export const reviewHeldSchema = z.strictObject({
  reviewId: slugSchema,
  heldAt: instantSchema,
  attendees: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1),
        role: z.string().trim().min(1),
        party: z.enum(['provider', 'customer', 'supplier', 'internal']),
      }),
    )
    .min(1),
  minutes: z.string().trim().min(1),
  decisions: z.array(reviewDecisionSchema).min(1),
  occurredAt: instantSchema,
});
