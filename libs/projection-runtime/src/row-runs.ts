import type { RecordedEvent } from '@sla/event-sourcing';

/** Rows per statement: far below PostgreSQL's 65,535 bind parameters for any read-model row. */
const ROWS_PER_STATEMENT = 1_000;

/**
 * Applies a batch in log order, writing runs of consecutive events that each
 * become one new row with a single multi-row statement: a batch of new
 * tickets is one INSERT instead of hundreds of round trips. Any other event
 * first writes the run gathered so far, so later updates always find their
 * row.
 */
export async function applyWithRowRuns<Row>(
  events: readonly RecordedEvent[],
  handlers: {
    /** The new row this event becomes, or undefined when it needs `applyOne`. */
    rowOf(event: RecordedEvent): Row | undefined;
    writeRows(rows: Row[]): Promise<unknown>;
    applyOne(event: RecordedEvent): Promise<unknown>;
  },
): Promise<void> {
  let run: Row[] = [];
  const flush = async () => {
    for (let index = 0; index < run.length; index += ROWS_PER_STATEMENT)
      await handlers.writeRows(run.slice(index, index + ROWS_PER_STATEMENT));
    run = [];
  };
  for (const event of events) {
    const row = handlers.rowOf(event);
    if (row !== undefined) {
      run.push(row);
      continue;
    }
    await flush();
    await handlers.applyOne(event);
  }
  await flush();
}
