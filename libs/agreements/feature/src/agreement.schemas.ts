import { z } from 'zod';

// Schemas more than one agreements use case (negotiation, lifecycle, queries, reviews, plans) uses.

export { signatory } from './agreement-bodies.schemas';

export const changed = z.object({ agreementId: z.string(), streamRevision: z.string(), events: z.array(z.string()) });

export const underpinningGap = z.object({
  metric: z.string(),
  serviceId: z.string(),
  priority: z.string().nullable(),
  problem: z.string(),
  supportingAgreementId: z.string().nullable(),
  detail: z.string(),
});

/** Each fact of the record: when it happened (occurredAt, may be back-dated) and when it was entered (recordedAt). */
export const governanceFact = z.object({
  event: z.string(),
  actor: z.string(),
  occurredAt: z.string(),
  recordedAt: z.string(),
});
