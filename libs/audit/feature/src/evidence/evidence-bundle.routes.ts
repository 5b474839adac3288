import { z } from 'zod';
import { access } from '@sla/access-control';
import { reportingRange } from '@sla/compliance-domain';
import { isTimeZone } from '@sla/sla-clock';
import { defineRoute, writeErrors } from '@sla/nest-platform';

export const evidenceBundleQuery = z
  .strictObject({
    period: z.string().min(4).max(7).describe('a month (2026-03), quarter (2026-Q1), half (2026-H2) or year (2026)'),
    timeZone: z.string().refine(isTimeZone, 'not an IANA time zone').default('UTC'),
  })
  // zod runs an object's refinement even when a field failed: an unknown zone is the zone's issue, not the period's.
  .refine((query) => !isTimeZone(query.timeZone) || reportingRange(query.period, query.timeZone) !== null, {
    message: 'a month (2026-03), quarter (2026-Q1), half (2026-H2) or year (2026)',
    path: ['period'],
  });

/**
 * The bundle `audit export` writes, over HTTP. A GET that is not free of effects: like the CLI it logs the bundle's
 * manifest (EvidenceManifestRecorded, actor = who asked) and seals it before answering, so that the head the bundle is
 * proven against commits to exactly what was handed out. Asking twice logs two manifests; nothing else changes.
 */
export const evidenceBundleRoute = defineRoute({
  method: 'get',
  path: '/audit/agreements/{agreementId}/evidence-bundle',
  tag: 'audit',
  access: access.evidence,
  status: 200,
  summary:
    "An agreement's evidence for a period as a download: figures as reported and as known now, agreement history, and the stored events behind them with inclusion proofs to a signed tree head (the JSON `audit verify-bundle` checks); its manifest is logged",
  query: evidenceBundleQuery,
  responses: {
    200: {
      description:
        'the bundle (application/json, attachment), format sla-engine-evidence-bundle/2; verify it offline with `audit verify-bundle`',
      schema: z
        .object({
          format: z.literal('sla-engine-evidence-bundle/2'),
          generatedAt: z.string(),
          agreementId: z.string(),
          period: z.object({ label: z.string(), from: z.string(), to: z.string(), timeZone: z.string() }),
          treeHead: z
            .object({
              treeSize: z.number(),
              rootHash: z.string(),
              signedAt: z.string(),
              keyId: z.string(),
              signature: z.string(),
            })
            .loose(),
          figures: z.object({}).loose(),
          events: z.array(z.object({}).loose()),
          manifest: z.object({}).loose(),
          manifestRecord: z.object({}).loose(),
        })
        .loose(),
    },
    400: writeErrors[400],
    404: writeErrors[404],
  },
});
