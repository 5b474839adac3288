import { Controller, Inject, Res } from '@nestjs/common';
import { sql } from 'kysely';
import { z } from 'zod';
import { access } from '@sla/access-control';
import type { Infrastructure } from '@sla/composition';
import { defineRoute, Endpoint } from '@sla/nest-platform';
import { INFRASTRUCTURE } from '../infrastructure.module';
import { accessControlOffWarning } from '../startup-messages';
import { judgeProjection } from './projection-health';

type HealthResponse = { status(code: number): void; setHeader(name: string, value: string): void };
type ComponentStatus = { status: 'up' | 'down'; error?: string };

export const healthRoute = defineRoute({
  method: 'get',
  path: '/health',
  tag: 'operations',
  access: access.public,
  status: 200,
  summary:
    'Event store, read store, projection lag and stalls, readers held back by a long transaction, audit sealing stopped, head witness behind',
  responses: {
    200: {
      description: 'up (ok or degraded)',
      schema: z
        .object({
          status: z.enum(['ok', 'degraded', 'down']),
          accessControl: z
            .enum(['on', 'off'])
            .describe('off: no API keys nor OIDC configured, or AUTH=off (development only; the console says so)'),
          warnings: z.array(z.string()),
          projections: z.array(z.object({ name: z.string(), lag: z.number() }).loose()),
        })
        .loose(),
    },
    503: { description: 'a store is down' },
  },
});

/**
 * Liveness and readiness in one: the event store, the read store, how far
 * each projection lags (degraded when too far, or when nothing advances it),
 * whether a long transaction holds readers back, and whether the log sealer
 * refused an event (degraded, naming the first).
 */
@Controller()
export class HealthController {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  @Endpoint(healthRoute)
  async health(@Res({ passthrough: true }) response: HealthResponse) {
    const eventStore = await probe(() => this.infrastructure.eventStore.checkHealth());
    const readStore = await probe(async () => {
      await sql`select 1`.execute(this.infrastructure.readStore);
    });
    const warningSeconds = this.infrastructure.configuration.WATERMARK_WARNING_SECONDS;
    const { watermark: watermarkStatus } = this.infrastructure;
    const held = watermarkStatus ? await watermarkStatus().catch(() => undefined) : undefined;
    const watermark = held && {
      heldBackSeconds: Math.round(held.seconds * 10) / 10,
      oldestTransactionPid: held.pid,
      readersHeldBack: held.seconds > warningSeconds,
    };
    const { PROJECTION_LAG_WARNING_EVENTS, PROJECTION_STALL_WARNING_SECONDS } = this.infrastructure.configuration;
    const thresholds = {
      lagWarningEvents: PROJECTION_LAG_WARNING_EVENTS,
      stallWarningSeconds: PROJECTION_STALL_WARNING_SECONDS,
    };
    const now = new Date();
    const projections =
      eventStore.status === 'up' && readStore.status === 'up'
        ? (await this.infrastructure.projections.status()).map((status) => judgeProjection(status, thresholds, now))
        : [];
    const down = eventStore.status === 'down' || readStore.status === 'down';
    // A refused event is tamper evidence: the log holds something the store's append did not write.
    const sealFindings = readStore.status === 'up' ? await this.infrastructure.logSealer.findings() : [];
    const firstSealFinding = sealFindings[0];
    const sealWarnings = firstSealFinding
      ? [
          `audit log sealing stopped at event ${firstSealFinding.eventId} (${firstSealFinding.streamName}@${firstSealFinding.streamRevision}, ${firstSealFinding.kind}): ${firstSealFinding.detail}`,
        ]
      : [];
    const projectionWarnings = projections.flatMap((projection) => (projection.warning ? [projection.warning] : []));
    // A head the witness has not acknowledged is not yet outside the operator's reach. Measured by the
    // infrastructure's clock, the one the heads were signed by.
    const { headWitness } = this.infrastructure;
    const witness = headWitness && readStore.status === 'up' ? await headWitness.status() : null;
    const witnessBound = this.infrastructure.configuration.AUDIT_HEAD_WEBHOOK_LAG_WARNING_SECONDS;
    const witnessWarnings =
      witness && witness.behindSeconds > witnessBound
        ? [
            `the head witness ${witness.witness} is ${witness.headsBehind} signed head(s) behind; the oldest has waited ${witness.behindSeconds} s (bound ${witnessBound} s)${witness.lastError ? `; last error: ${witness.lastError}` : ''}`,
          ]
        : [];
    const degraded =
      watermark?.readersHeldBack ||
      sealWarnings.length > 0 ||
      projectionWarnings.length > 0 ||
      witnessWarnings.length > 0;
    // Access control switched off on purpose (AUTH=off) is a choice, not a failure: listed, but still "ok".
    const { configuration } = this.infrastructure;
    const accessControlOff = configuration.AUTH === 'off' ? accessControlOffWarning(configuration) : null;
    const warnings = [
      ...sealWarnings,
      ...witnessWarnings,
      ...projectionWarnings,
      ...(accessControlOff ? [accessControlOff] : []),
    ];
    response.status(down ? 503 : 200);
    if (down) response.setHeader('Retry-After', '5');
    return {
      status: down ? ('down' as const) : degraded ? ('degraded' as const) : ('ok' as const),
      accessControl: accessControlOffWarning(configuration) ? ('off' as const) : ('on' as const),
      eventStore: { adapter: this.infrastructure.eventStore.adapterName, ...eventStore },
      readStore: { database: this.infrastructure.embeddedDatabase ? 'embedded' : 'external', ...readStore },
      projector: this.infrastructure.configuration.PROJECTOR,
      watermark: watermark ?? null,
      auditSeal: { status: firstSealFinding ? ('stopped' as const) : ('sealing' as const), findings: sealFindings },
      headWitness: witness,
      warnings,
      projections,
    };
  }
}

async function probe(check: () => Promise<void>): Promise<ComponentStatus> {
  try {
    await check();
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  }
}
