import { Controller, Header, Inject, ServiceUnavailableException } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { z } from 'zod';
import { access } from '@sla/access-control';
import type { Infrastructure } from '@sla/composition';
import { defineRoute, Endpoint, errorResponseSchema } from '@sla/nest-platform';
import { INFRASTRUCTURE } from '../infrastructure.module';

/** The Prometheus text exposition format, version 0.0.4 (what prom-client writes); Express adds the charset. */
const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4';

export const metricsRoute = defineRoute({
  method: 'get',
  path: '/metrics',
  tag: 'operations',
  // Public like /health, which already names a seal finding: a scraper needs no API key, and the figures
  // are counts and positions, no content of the log.
  access: access.public,
  status: 200,
  summary:
    'Prometheus metrics: audit sealing stopped (0/1) and the first refused event, sealed tree size, unsealed events',
  responses: {
    200: {
      description: 'the metrics, Prometheus text format 0.0.4',
      contentType: EXPOSITION_CONTENT_TYPE,
      schema: z.string(),
    },
    503: { description: 'the read store cannot be read', schema: errorResponseSchema },
  },
});

/**
 * The alert side of item 2 of issue 14: when the log sealer refuses an event (the log holds something the
 * store's append did not write), /health degrades, the sealer logs an ALERT, and `sla_audit_seal_stopped`
 * turns 1 here, so an alert rule (`sla_audit_seal_stopped == 1`) pages someone. Read fresh on every scrape.
 */
@Controller()
export class MetricsController {
  private readonly registry = new Registry();
  private readonly stopped = new Gauge({
    name: 'sla_audit_seal_stopped',
    help: '1 when the log sealer refused an event and signs no head past it (tamper evidence), else 0',
    registers: [this.registry],
  });
  private readonly refusedPosition = new Gauge({
    name: 'sla_audit_seal_refused_event_position',
    help: 'Global log position (prepare position; PostgreSQL global_position) of the first event the sealer refused',
    labelNames: ['kind', 'event_id', 'stream', 'revision'],
    registers: [this.registry],
  });
  private readonly treeSize = new Gauge({
    name: 'sla_audit_sealed_tree_size',
    help: 'Size of the latest signed tree head (events covered); 0 before the first head',
    registers: [this.registry],
  });
  private readonly sealedLeaves = new Gauge({
    name: 'sla_audit_sealed_leaves',
    help: 'Events sealed as leaves of the audit Merkle tree (a head covers them at the next head interval)',
    registers: [this.registry],
  });
  private readonly unsealed = new Gauge({
    name: 'sla_audit_unsealed_events',
    help: 'Events in the log after the last sealed leaf (counted up to 10000)',
    registers: [this.registry],
  });

  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  @Endpoint(metricsRoute)
  @Header('content-type', EXPOSITION_CONTENT_TYPE)
  async metrics(): Promise<string> {
    const status = await this.infrastructure.logSealer.status().catch((error: unknown) => {
      // A failed scrape is what Prometheus alerts on (`up == 0`); a 503 says why.
      throw new ServiceUnavailableException(
        `audit seal status unavailable: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    const [first] = status.findings;
    this.stopped.set(first ? 1 : 0);
    this.refusedPosition.reset();
    if (first)
      this.refusedPosition.set(
        { kind: first.kind, event_id: first.eventId, stream: first.streamName, revision: first.streamRevision },
        Number(first.position.prepare),
      );
    this.treeSize.set(status.treeSize);
    this.sealedLeaves.set(status.sealedLeaves);
    this.unsealed.set(status.unsealedEvents);
    return this.registry.metrics();
  }
}
