import { z } from 'zod';
import { instantSchema } from '@sla/event-sourcing/identifiers';

export const agreementKindSchema = z.enum(['SLA', 'OLA', 'UC']);
export type AgreementKind = z.infer<typeof agreementKindSchema>;

export const prioritySchema = z.enum(['P1', 'P2', 'P3', 'P4']);

export const targetDurationSchema = z.discriminatedUnion('unit', [
  z.strictObject({ unit: z.literal('business-minutes'), amount: z.number().positive() }),
  z.strictObject({ unit: z.literal('business-hours'), amount: z.number().positive() }),
  z.strictObject({ unit: z.literal('working-days'), amount: z.number().int().positive() }),
]);

export const metricTargetSchema = z.strictObject({
  duration: targetDurationSchema,
  calendarId: z.string().min(1),
  atRiskFractions: z.array(z.number().gt(0).lt(1)).optional(),
});

/** Points at the target of an OLA or UC that supports this SLA target. */
export const supportingTargetReferenceSchema = z.strictObject({
  agreementId: z.string().min(1),
  serviceId: z.string().min(1),
  priority: prioritySchema,
});

export const serviceTargetSchema = z.strictObject({
  serviceId: z.string().min(1),
  priority: prioritySchema,
  response: metricTargetSchema,
  resolution: metricTargetSchema,
  supportedBy: z.array(supportingTargetReferenceSchema).default([]),
});

export const availabilityTargetSchema = z.strictObject({
  serviceId: z.string().min(1),
  /** Percent of agreed service time, e.g. 99.9; compared exactly, never rounded. */
  percentage: z.number().gt(0).lte(100),
  period: z.enum(['month', 'quarter', 'year']),
  calendarId: z.string().min(1),
  supportedBy: z.array(z.strictObject({ agreementId: z.string().min(1), serviceId: z.string().min(1) })).default([]),
});

const contact = z.strictObject({
  name: z.string().trim().min(1),
  role: z.string().optional(),
  email: z.email().optional(),
});

export const partySchema = z.strictObject({ name: z.string().trim().min(1), contacts: z.array(contact).default([]) });

/** What one version of an agreement says (ISO/IEC 20000 SLA content). */
export const agreementContentSchema = z.strictObject({
  title: z.string().trim().min(1).max(300),
  services: z.array(z.string().min(1)).min(1),
  customerDuties: z.array(z.string()).default([]),
  providerDuties: z.array(z.string()).default([]),
  serviceTargets: z.array(serviceTargetSchema).default([]),
  availabilityTargets: z.array(availabilityTargetSchema).default([]),
  serviceCredits: z.array(z.strictObject({ condition: z.string().min(1), credit: z.string().min(1) })).default([]),
  reportingPeriod: z.enum(['monthly', 'quarterly', 'half-yearly', 'yearly']).default('monthly'),
  reviewCadence: z.enum(['monthly', 'semi-annual', 'annual']).default('annual'),
  risks: z.array(z.string()).default([]),
  /** When this version takes effect (once approved by both parties). */
  effectiveFrom: instantSchema,
  /** When the agreement ends unless renewed. */
  expiresAt: instantSchema.optional(),
});

export type ServiceTarget = z.infer<typeof serviceTargetSchema>;
export type AvailabilityTarget = z.infer<typeof availabilityTargetSchema>;
export type AgreementContent = z.infer<typeof agreementContentSchema>;
export type AgreementContentInput = z.input<typeof agreementContentSchema>;
export type Party = z.infer<typeof partySchema>;
