import { z } from 'zod';
import { defineRoute, writeErrors } from '@sla/nest-platform';
import { access } from '@sla/access-control';
import { opaqueIdentifier } from '../compliance.schemas';
import { availability } from '../availability/availability.routes';

export const portfolioQuery = z.strictObject({
  period: z.string().describe("a month (2026-03), quarter (2026-Q1), half (2026-H2) or year, in each agreement's zone"),
  customer: z.string().min(1).max(300).optional().describe("the counterparty's name"),
  service: opaqueIdentifier.optional().describe('only agreements covering this service'),
});

const metricTotals = z.object({
  tickets: z.number(),
  met: z.number(),
  breached: z.number(),
  open: z.number(),
  percentWithinTarget: z.string().nullable(),
});

export const portfolioRoute = defineRoute({
  method: 'get',
  path: '/compliance/portfolio',
  tag: 'compliance',
  access: access.ownAgreementsList,
  status: 200,
  summary:
    "Every agreement in force in a period, in its own time zone: met, at risk or breached, availability per term with the downtime budget left, response and resolution totals, open follow-ups of the period's breaches",
  query: portfolioQuery,
  responses: {
    200: {
      description: 'one row per agreement, by agreement id',
      schema: z.object({
        period: z.string(),
        asOf: z.string(),
        agreements: z.array(
          z.object({
            agreementId: z.string(),
            kind: z.string(),
            title: z.string(),
            customer: z.string(),
            lifecycleStatus: z.string(),
            services: z.array(z.string()),
            timeZone: z.string(),
            from: z.string(),
            to: z.string(),
            compliance: z.enum(['met', 'at-risk', 'breached']),
            availability: z.array(availability.extend({ version: z.number(), period: z.string() })),
            response: metricTotals,
            resolution: metricTotals,
            atRiskClocks: z.number(),
            openFollowUps: z.number(),
          }),
        ),
      }),
    },
    400: writeErrors[400],
  },
});
