import type { Transaction } from 'kysely';
import type { RecordedEvent } from '@sla/event-sourcing';

/**
 * A read model fed from the global log. `apply` runs inside the same
 * transaction that moves the projection's checkpoint, so each event takes
 * effect exactly once even if the process dies at any instant.
 */
export type Projection<Database = any> = {
  readonly name: string;
  /** Bump when `apply` changes meaning: the projection is then rebuilt from the start. */
  readonly version: number;
  /** Event types applied; 'all' for projections over the whole log (audit views). */
  readonly handles: readonly string[] | 'all';
  /** Tables this projection alone writes: emptied when it is rebuilt. */
  readonly tables: readonly string[];
  readonly apply: (transaction: Transaction<Database>, events: readonly RecordedEvent[]) => Promise<void>;
};
