import { sql, type Kysely } from 'kysely';
import {
  comparePositions,
  formatPosition,
  START_POSITION,
  type EventFilter,
  type EventStore,
  type GlobalPosition,
} from '@sla/event-sourcing';
import type { CheckpointTables } from '@sla/read-store';
import type { Projection } from './projection';
import { Scheduler } from './scheduler';

export type ProjectionRunnerOptions = {
  readonly batchSize?: number;
  /** Pause between polls once a projection has caught up. */
  readonly idleMilliseconds?: number;
  readonly log?: (message: string) => void;
  /**
   * Counts the events readable after a position, at most `limit` (the PostgreSQL store's `countAfter`): the lag in
   * `status()` without fetching the events. Unset: the lag is counted by reading them.
   */
  readonly countAfter?: (after: GlobalPosition, filter: EventFilter | undefined, limit: number) => Promise<number>;
};

export type ProjectionStatus = {
  readonly name: string;
  readonly version: number;
  readonly checkpoint: string;
  readonly eventsApplied: number;
  readonly updatedAt: Date | null;
  /** Events readable after the checkpoint, counted up to LAG_COUNT_LIMIT. */
  readonly lag: number;
  readonly lagIsAtLeast: boolean;
  /** When the first event not yet applied was recorded; null when up to date. */
  readonly oldestPendingRecordedAt: Date | null;
  readonly lastError: string | null;
};

export type BatchOutcome = { readonly applied: number; readonly isEnd: boolean; readonly moved: boolean };

const LAG_COUNT_LIMIT = 10_000;

/** Thrown inside a batch when another process moved the checkpoint first. */
class CheckpointMovedError extends Error {}

/**
 * Follows the store's global log for each projection from its checkpoint,
 * never through an in-memory event bus. Several runners (processes) may run
 * at once: the checkpoint row is locked and compared in each batch, so a
 * batch applied by one is discarded by the others.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly log: (message: string) => void;
  private readonly scheduler: Scheduler;
  private readonly countAfter: ProjectionRunnerOptions['countAfter'];

  constructor(
    private readonly store: EventStore,
    private readonly db: Kysely<CheckpointTables>,
    readonly projections: readonly Projection[],
    options: ProjectionRunnerOptions = {},
  ) {
    const names = new Set(projections.map((projection) => projection.name));
    if (names.size !== projections.length) throw new Error('two projections share a name');
    this.batchSize = options.batchSize ?? 500;
    this.log = options.log ?? (() => undefined);
    this.countAfter = options.countAfter;
    this.scheduler = new Scheduler(
      projections.map((projection) => ({
        name: `projection ${projection.name}`,
        intervalMilliseconds: options.idleMilliseconds ?? 100,
        run: async () => ({ more: !(await this.runBatch(projection)).isEnd }),
      })),
      { log: this.log },
    );
  }

  /** Registers checkpoints; a projection whose version changed is reset for a rebuild. */
  async prepare(): Promise<void> {
    for (const projection of this.projections) {
      await this.db.transaction().execute(async (transaction) => {
        await transaction
          .insertInto('projection_checkpoint')
          .values({
            projection_name: projection.name,
            projection_version: projection.version,
            commit_position: '0',
            prepare_position: '0',
          })
          .onConflict((conflict) => conflict.column('projection_name').doNothing())
          .execute();
        const row = await transaction
          .selectFrom('projection_checkpoint')
          .select('projection_version')
          .where('projection_name', '=', projection.name)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (row.projection_version !== projection.version) {
          this.log(
            `projection ${projection.name} changed from v${row.projection_version} to v${projection.version}: rebuilding`,
          );
          await this.reset(transaction, projection);
        }
      });
    }
  }

  /** Applies at most one batch of one projection. */
  async runBatch(projection: Projection): Promise<BatchOutcome> {
    const start = await this.checkpointOf(projection.name);
    const page = await this.store.readAll({
      after: start,
      maxCount: this.batchSize,
      filter: filterOf(projection),
    });
    const next = page.checkpoint ?? start;
    if (page.events.length === 0 && comparePositions(next, start) === 0) {
      return { applied: 0, isEnd: page.isEnd, moved: false };
    }
    try {
      await this.db.transaction().execute(async (transaction) => {
        const locked = await transaction
          .selectFrom('projection_checkpoint')
          .select(['commit_position', 'prepare_position'])
          .where('projection_name', '=', projection.name)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (comparePositions(toPosition(locked), start) !== 0) throw new CheckpointMovedError();
        if (page.events.length > 0) await projection.apply(transaction as Kysely<any> as never, page.events);
        await transaction
          .updateTable('projection_checkpoint')
          .set({
            commit_position: next.commit.toString(),
            prepare_position: next.prepare.toString(),
            events_applied: sql`events_applied + ${page.events.length}`,
            updated_at: sql`now()`,
          })
          .where('projection_name', '=', projection.name)
          .execute();
      });
    } catch (error) {
      if (error instanceof CheckpointMovedError) return { applied: 0, isEnd: false, moved: false };
      throw error;
    }
    return { applied: page.events.length, isEnd: page.isEnd, moved: true };
  }

  /** Runs batches until the projection has applied everything readable now. */
  async catchUp(name?: string): Promise<number> {
    let applied = 0;
    for (const projection of this.select(name)) {
      for (;;) {
        const outcome = await this.runBatch(projection);
        applied += outcome.applied;
        if (outcome.isEnd) break;
      }
    }
    return applied;
  }

  /** Empties the projection's tables and replays it from the start of the log. */
  async rebuild(name?: string): Promise<number> {
    for (const projection of this.select(name)) {
      await this.db.transaction().execute((transaction) => this.reset(transaction, projection));
    }
    return this.catchUp(name);
  }

  /** Follows the log live, one loop per projection, until `stop()`. */
  start(): void {
    this.scheduler.start();
  }

  stop(): Promise<void> {
    return this.scheduler.stop();
  }

  async status(): Promise<ProjectionStatus[]> {
    const rows = await this.db.selectFrom('projection_checkpoint').selectAll().execute();
    const statuses: ProjectionStatus[] = [];
    for (const projection of this.projections) {
      const row = rows.find((candidate) => candidate.projection_name === projection.name);
      const checkpoint = row ? toPosition(row) : START_POSITION;
      const lag = await this.lagOf(checkpoint, filterOf(projection));
      statuses.push({
        name: projection.name,
        version: projection.version,
        checkpoint: formatPosition(checkpoint),
        eventsApplied: Number(row?.events_applied ?? 0),
        updatedAt: row?.updated_at ?? null,
        ...lag,
        lastError: this.scheduler.lastError(`projection ${projection.name}`),
      });
    }
    return statuses;
  }

  /**
   * Up to LAG_COUNT_LIMIT events after the checkpoint: /health asks often, and while a projection catches up
   * fetching ten thousand events each time would take the cores the catching up needs. One event gives the oldest
   * pending; only when there is one are the rest counted (without fetching them, where the store can).
   */
  private async lagOf(checkpoint: GlobalPosition, filter: EventFilter | undefined) {
    const first = await this.store.readAll({ after: checkpoint, maxCount: 1, filter });
    const oldestPendingRecordedAt = first.events[0]?.recordedAt ?? null;
    if (first.events.length === 0) return { lag: 0, lagIsAtLeast: false, oldestPendingRecordedAt };
    if (this.countAfter) {
      const lag = await this.countAfter(checkpoint, filter, LAG_COUNT_LIMIT);
      return { lag, lagIsAtLeast: lag >= LAG_COUNT_LIMIT, oldestPendingRecordedAt };
    }
    const page = await this.store.readAll({ after: checkpoint, maxCount: LAG_COUNT_LIMIT, filter });
    return { lag: page.events.length, lagIsAtLeast: !page.isEnd, oldestPendingRecordedAt };
  }

  private async reset(transaction: Kysely<any>, projection: Projection): Promise<void> {
    for (const table of projection.tables) {
      await sql`truncate table ${sql.table(table)}`.execute(transaction);
    }
    await transaction
      .updateTable('projection_checkpoint')
      .set({
        projection_version: projection.version,
        commit_position: '0',
        prepare_position: '0',
        events_applied: '0',
        updated_at: sql`now()`,
      })
      .where('projection_name', '=', projection.name)
      .execute();
  }

  private async checkpointOf(name: string): Promise<GlobalPosition> {
    const row = await this.db
      .selectFrom('projection_checkpoint')
      .select(['commit_position', 'prepare_position'])
      .where('projection_name', '=', name)
      .executeTakeFirst();
    if (!row) throw new Error(`projection ${name} has no checkpoint: call prepare() first`);
    return toPosition(row);
  }

  private select(name: string | undefined): readonly Projection[] {
    if (name === undefined) return this.projections;
    const projection = this.projections.find((candidate) => candidate.name === name);
    if (!projection) {
      throw new Error(
        `no projection named '${name}' (known: ${this.projections.map((known) => known.name).join(', ')})`,
      );
    }
    return [projection];
  }
}

function toPosition(row: { commit_position: string; prepare_position: string }): GlobalPosition {
  return { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) };
}

function filterOf(projection: Projection) {
  return projection.handles === 'all' ? undefined : { eventTypes: projection.handles };
}
