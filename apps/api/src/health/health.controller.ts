import { Controller, Get, Inject, Res } from '@nestjs/common';
import { sql } from 'kysely';
import type { Infrastructure } from '@sla/composition';
import { INFRASTRUCTURE } from '../infrastructure.module';
import { judgeProjection } from './projection-health';

type HealthResponse = { status(code: number): void; setHeader(name: string, value: string): void };
type ComponentStatus = { status: 'up' | 'down'; error?: string };

/**
 * Liveness and readiness in one: the event store, the read store, how far
 * each projection lags (degraded when too far, or when nothing advances it),
 * and whether a long transaction holds readers back.
 */
@Controller('health')
export class HealthController {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  @Get()
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
    const warnings = projections.flatMap((projection) => (projection.warning ? [projection.warning] : []));
    const degraded = watermark?.readersHeldBack || warnings.length > 0;
    response.status(down ? 503 : 200);
    if (down) response.setHeader('Retry-After', '5');
    return {
      status: down ? 'down' : degraded ? 'degraded' : 'ok',
      eventStore: { adapter: this.infrastructure.eventStore.adapterName, ...eventStore },
      readStore: { database: this.infrastructure.embeddedDatabase ? 'embedded' : 'external', ...readStore },
      projector: this.infrastructure.configuration.PROJECTOR,
      watermark: watermark ?? null,
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
