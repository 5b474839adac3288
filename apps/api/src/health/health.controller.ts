import { Controller, Get, Inject, Res } from '@nestjs/common';
import { sql } from 'kysely';
import type { Infrastructure } from '@sla/composition';
import { INFRASTRUCTURE } from '../infrastructure.module';

type HealthResponse = { status(code: number): void; setHeader(name: string, value: string): void };
type ComponentStatus = { status: 'up' | 'down'; error?: string };

/**
 * Liveness and readiness in one: the event store, the read store, how far
 * each projection lags, and whether a long transaction holds readers back.
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
    const held = this.infrastructure.watermark ? await this.infrastructure.watermark().catch(() => undefined) : undefined;
    const watermark = held && {
      heldBackSeconds: Math.round(held.seconds * 10) / 10,
      oldestTransactionPid: held.pid,
      readersHeldBack: held.seconds > warningSeconds,
    };
    const projections =
      eventStore.status === 'up' && readStore.status === 'up'
        ? (await this.infrastructure.projections.status()).map((projection) => ({
            ...projection,
            state: projection.lastError ? 'failing' : projection.lag === 0 ? 'up-to-date' : 'catching-up',
          }))
        : [];
    const down = eventStore.status === 'down' || readStore.status === 'down';
    const degraded = watermark?.readersHeldBack || projections.some((projection) => projection.state === 'failing');
    response.status(down ? 503 : 200);
    if (down) response.setHeader('Retry-After', '5');
    return {
      status: down ? 'down' : degraded ? 'degraded' : 'ok',
      eventStore: { adapter: this.infrastructure.eventStore.adapterName, ...eventStore },
      readStore: { database: this.infrastructure.embeddedDatabase ? 'embedded' : 'external', ...readStore },
      projector: this.infrastructure.configuration.PROJECTOR,
      watermark: watermark ?? null,
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
