import { z } from 'zod';
import { instantSchema, slugSchema } from '@sla/event-sourcing/identifiers';
import {
  agreementContentSchema,
  agreementKindSchema,
  partySchema,
  reviewHeldSchema,
  reviewScheduledSchema,
} from '@sla/agreements-domain/schemas';

// The request bodies of the service level manager's writes (negotiation, reviews, improvement plans), pure zod: the
// API's routes validate with them and the console's forms import them (`@sla/agreements-feature/bodies`), so a form
// refuses exactly what the API refuses. No Nest, no event store, no node built-ins here: Vite bundles this file.

export const signatory = z.strictObject({ name: z.string().trim().min(1), title: z.string().trim().min(1) });

/** The shipped template's inputs (see draftContentFromTemplate): what an SLM picks instead of writing full content. */
export const templateRequest = z.strictObject({
  title: z.string().trim().min(1),
  services: z.array(z.string().min(1)).min(1),
  tier: z.enum(['basic', 'standard', 'advanced', 'exceptional']),
  calendars: z.strictObject({ roundTheClock: z.string().min(1), businessHours: z.string().min(1) }),
  effectiveFrom: instantSchema,
  expiresAt: instantSchema.optional(),
});

export const draftBody = z
  .strictObject({
    agreementId: slugSchema,
    kind: agreementKindSchema,
    provider: partySchema,
    counterparty: partySchema,
    content: agreementContentSchema.optional(),
    /** Start from a shipped template instead of full content. */
    template: templateRequest.optional(),
    occurredAt: instantSchema.optional(),
  })
  .refine((body) => (body.content === undefined) !== (body.template === undefined), {
    message: 'give either content or template',
    path: ['content'],
  });

export const reviseBody = z.strictObject({
  content: agreementContentSchema,
  note: z.string().max(2_000).default(''),
  occurredAt: instantSchema.optional(),
});

export const submitBody = z.strictObject({ occurredAt: instantSchema.optional() });

export const signBody = z.strictObject({
  party: z.enum(['provider', 'counterparty']),
  signatory,
  riskAcceptance: z.strictObject({ reason: z.string().trim().min(1) }).optional(),
  occurredAt: instantSchema.optional(),
});

export const amendBody = z.strictObject({
  changeRequest: z.string().trim().min(1).max(100),
  content: agreementContentSchema,
  occurredAt: instantSchema.optional(),
});

export const scheduleBody = reviewScheduledSchema
  .omit({ occurredAt: true })
  .extend({ occurredAt: instantSchema.optional() });

export const holdBody = reviewHeldSchema
  .omit({ reviewId: true, occurredAt: true })
  .extend({ occurredAt: instantSchema.optional() });

export const detailBody = z.strictObject({
  approach: z.string().trim().min(1),
  owner: z.string().trim().min(1),
  dueAt: instantSchema,
  resources: z.string().default(''),
  occurredAt: instantSchema.optional(),
});

export const approvalBody = z.strictObject({ occurredAt: instantSchema.optional() });

export const progressBody = z.strictObject({
  note: z.string().trim().min(1),
  percentComplete: z.number().int().min(0).max(100),
  occurredAt: instantSchema.optional(),
});

export const effectivenessBody = z.strictObject({
  effective: z.boolean(),
  evidence: z.string().trim().min(1),
  occurredAt: instantSchema.optional(),
});

export const closureBody = z.strictObject({ outcome: z.string().trim().min(1), occurredAt: instantSchema.optional() });
