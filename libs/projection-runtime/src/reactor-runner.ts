import { sql, type Kysely } from 'kysely';
import { comparePositions, formatPosition, type EventStore, type GlobalPosition } from '@sla/event-sourcing';
import type { CheckpointTables } from '@sla/read-store';
import type { Reactor, ReactorContext } from './reactor';
import { Scheduler } from './scheduler';
import type { BatchOutcome } from './projection-runner';

export type ReactorRunnerOptions = {
  readonly batchSize?: number;
  /** Pause between polls once a reactor has caught up. */
  readonly idleMilliseconds?: number;
  readonly clock?: { now(): Date };
  readonly log?: (message: string) => void;
};

export type ReactorStatus = {
  readonly name: string;
  readonly checkpoint: string;
  readonly triggersHandled: number;
  readonly lastError: string | null;
};

/** Reactors keep their checkpoints beside the projections', under a prefix no projection name has. */
export const reactorCheckpointName = (reactor: Pick<Reactor, 'name'>) => `reactor/${reactor.name}`;

class CheckpointMovedError extends Error {}

/**
 * Follows the global log for each reactor from its checkpoint and hands it
 * the triggers it declared. The checkpoint row stays locked while the batch's
 * follow-ups are appended and moves only after they all succeeded, so a
 * second process waits and then discards the batch, and a process killed
 * mid-batch leaves the checkpoint where it was: the batch is replayed, and
 * the follow-ups already stored are recognised by their derived ids.
 */
export class ReactorRunner {
  private readonly batchSize: number;
  private readonly context: ReactorContext;
  private readonly scheduler: Scheduler;

  constructor(
    private readonly store: EventStore,
    private readonly db: Kysely<CheckpointTables>,
    readonly reactors: readonly Reactor[],
    options: ReactorRunnerOptions = {},
  ) {
    const names = new Set(reactors.map((reactor) => reactor.name));
    if (names.size !== reactors.length) throw new Error('two reactors share a name');
    this.batchSize = options.batchSize ?? 100;
    const log = options.log ?? (() => undefined);
    this.context = { store, clock: options.clock ?? { now: () => new Date() }, log };
    this.scheduler = new Scheduler(
      reactors.map((reactor) => ({
        name: `reactor ${reactor.name}`,
        intervalMilliseconds: options.idleMilliseconds ?? 100,
        run: async () => ({ more: !(await this.runBatch(reactor)).isEnd }),
      })),
      { log },
    );
  }

  /** Registers a checkpoint at the start of the log for each new reactor. */
  async prepare(): Promise<void> {
    if (this.reactors.length === 0) return;
    await this.db
      .insertInto('projection_checkpoint')
      .values(
        this.reactors.map((reactor) => ({
          projection_name: reactorCheckpointName(reactor),
          projection_version: 1,
          commit_position: '0',
          prepare_position: '0',
        })),
      )
      .onConflict((conflict) => conflict.column('projection_name').doNothing())
      .execute();
  }

  /** Handles at most one batch of one reactor's triggers. */
  async runBatch(reactor: Reactor): Promise<BatchOutcome> {
    const name = reactorCheckpointName(reactor);
    const start = await this.checkpointOf(name);
    const page = await this.store.readAll({
      after: start,
      maxCount: this.batchSize,
      filter: { eventTypes: reactor.handles },
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
          .where('projection_name', '=', name)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (comparePositions(toPosition(locked), start) !== 0) throw new CheckpointMovedError();
        // One trigger after the other: a reactor's follow-ups may depend on the ones before.
        for (const trigger of page.events) await reactor.react(trigger, this.context);
        await transaction
          .updateTable('projection_checkpoint')
          .set({
            commit_position: next.commit.toString(),
            prepare_position: next.prepare.toString(),
            events_applied: sql`events_applied + ${page.events.length}`,
            updated_at: sql`now()`,
          })
          .where('projection_name', '=', name)
          .execute();
      });
    } catch (error) {
      if (error instanceof CheckpointMovedError) return { applied: 0, isEnd: false, moved: false };
      throw error;
    }
    return { applied: page.events.length, isEnd: page.isEnd, moved: true };
  }

  /** Runs batches until every reactor has handled every trigger readable now. */
  async catchUp(): Promise<number> {
    let handled = 0;
    for (const reactor of this.reactors) {
      for (;;) {
        const outcome = await this.runBatch(reactor);
        handled += outcome.applied;
        if (outcome.isEnd) break;
      }
    }
    return handled;
  }

  /** Follows the log live, one loop per reactor, until `stop()`. */
  start(): void {
    this.scheduler.start();
  }

  stop(): Promise<void> {
    return this.scheduler.stop();
  }

  async status(): Promise<ReactorStatus[]> {
    const rows = await this.db
      .selectFrom('projection_checkpoint')
      .selectAll()
      .where('projection_name', 'in', this.reactors.map(reactorCheckpointName))
      .execute();
    return this.reactors.map((reactor) => {
      const row = rows.find((candidate) => candidate.projection_name === reactorCheckpointName(reactor));
      return {
        name: reactor.name,
        checkpoint: row ? formatPosition(toPosition(row)) : formatPosition({ commit: 0n, prepare: 0n }),
        triggersHandled: Number(row?.events_applied ?? 0),
        lastError: this.scheduler.lastError(`reactor ${reactor.name}`),
      };
    });
  }

  private async checkpointOf(name: string): Promise<GlobalPosition> {
    const row = await this.db
      .selectFrom('projection_checkpoint')
      .select(['commit_position', 'prepare_position'])
      .where('projection_name', '=', name)
      .executeTakeFirst();
    if (!row) throw new Error(`${name} has no checkpoint: call prepare() first`);
    return toPosition(row);
  }
}

function toPosition(row: { commit_position: string; prepare_position: string }): GlobalPosition {
  return { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) };
}
