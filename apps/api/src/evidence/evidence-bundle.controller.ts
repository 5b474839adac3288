import { Controller, Inject, Res } from '@nestjs/common';
import type { z } from 'zod';
import { EvidenceBundleExporter, evidenceBundleQuery, evidenceBundleRoute } from '@sla/audit-feature';
import type { Infrastructure } from '@sla/composition';
import { slugSchema, type EventMetadata } from '@sla/event-sourcing';
import { Endpoint, RequestMetadata, ValidParam, ValidQuery } from '@sla/nest-platform';
import { INFRASTRUCTURE } from '../infrastructure.module';

/**
 * The evidence bundle over HTTP, built exactly as `audit export` builds it. Here rather than in the audit feature
 * because the export seals the log, which only the opened infrastructure can do (the CLI hands it over the same way).
 */
@Controller()
export class EvidenceBundleController {
  constructor(
    private readonly exporter: EvidenceBundleExporter,
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
  ) {}

  @Endpoint(evidenceBundleRoute)
  async bundle(
    @ValidParam(evidenceBundleRoute, 'agreementId', slugSchema) agreementId: string,
    @ValidQuery(evidenceBundleRoute) query: z.infer<typeof evidenceBundleQuery>,
    @RequestMetadata({ actor: 'evidence-export' }) metadata: EventMetadata,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ) {
    const { bundle } = await this.exporter.export(this.infrastructure, {
      agreementId,
      period: query.period,
      timeZone: query.timeZone,
      actor: metadata.actor,
    });
    // A download: the browser saves it as a file, the one `audit verify-bundle` checks (the same JSON as `audit
    // export --out` writes, without its indentation).
    response.setHeader('cache-control', 'no-store');
    response.setHeader('content-disposition', `attachment; filename="evidence-${agreementId}-${query.period}.json"`);
    return bundle;
  }
}
