import { referenceTargetTable, type Priority } from '@sla/sla-clock';
import type { AgreementContent, ServiceTarget } from '../agreement/agreement-content';

/** Availability tiers from the process documents, with their mean time to restore. */
export const AVAILABILITY_TIERS = [
  { tier: 'basic', name: 'Basic', percentage: 99.5, meanTimeToRestoreHours: 2 },
  { tier: 'standard', name: 'Standard', percentage: 99.9, meanTimeToRestoreHours: 1 },
  { tier: 'advanced', name: 'Advanced', percentage: 99.99, meanTimeToRestoreHours: 0.5 },
  { tier: 'exceptional', name: 'Exceptional', percentage: 99.999, meanTimeToRestoreHours: 0.1 },
] as const;

export type AvailabilityTier = (typeof AVAILABILITY_TIERS)[number]['tier'];

export type TemplateRequest = {
  readonly title: string;
  readonly services: readonly string[];
  readonly tier: AvailabilityTier;
  readonly calendars: { readonly roundTheClock: string; readonly businessHours: string };
  readonly effectiveFrom: string;
  readonly expiresAt?: string;
};

/**
 * A starting draft: the tier's availability per service (monthly, in the
 * round-the-clock calendar) and the reference P1-P4 response and
 * resolution targets. Negotiation revises it.
 */
export function draftContentFromTemplate(request: TemplateRequest): AgreementContent {
  const tier = AVAILABILITY_TIERS.find((candidate) => candidate.tier === request.tier)!;
  const table = referenceTargetTable(request.calendars);
  const priorities: Priority[] = ['P1', 'P2', 'P3', 'P4'];
  const serviceTargets: ServiceTarget[] = request.services.flatMap((serviceId) =>
    priorities.map((priority) => ({
      serviceId,
      priority,
      response: { duration: table[priority].response.duration, calendarId: table[priority].response.calendarId },
      resolution: { duration: table[priority].resolution.duration, calendarId: table[priority].resolution.calendarId },
      supportedBy: [],
    })),
  );
  return {
    title: request.title,
    services: [...request.services],
    customerDuties: [
      'Report incidents through the agreed contact point',
      'Provide access and information needed to resolve tickets',
    ],
    providerDuties: [
      'Deliver the services within the agreed service hours',
      'Report performance against targets each period',
    ],
    serviceTargets,
    availabilityTargets: request.services.map((serviceId) => ({
      serviceId,
      percentage: tier.percentage,
      period: 'month' as const,
      calendarId: request.calendars.roundTheClock,
      supportedBy: [],
    })),
    serviceCredits: [],
    reportingPeriod: 'monthly',
    reviewCadence: 'annual',
    risks: [],
    effectiveFrom: request.effectiveFrom,
    ...(request.expiresAt ? { expiresAt: request.expiresAt } : {}),
  };
}
