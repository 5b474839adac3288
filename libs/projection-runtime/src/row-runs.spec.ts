import type { RecordedEvent } from '@sla/event-sourcing';
import { applyWithRowRuns } from './row-runs';

const event = (type: string, index: number) => ({ id: `e${index}`, type, data: { index } }) as unknown as RecordedEvent;

describe('applyWithRowRuns', () => {
  it('writes each run of row events in one statement, in log order with the other events', async () => {
    const calls: string[] = [];
    const events = ['Opened', 'Opened', 'Resolved', 'Opened', 'Resolved', 'Resolved', 'Opened', 'Opened', 'Opened'].map(
      event,
    );
    await applyWithRowRuns<number>(events, {
      rowOf: (recorded) => (recorded.type === 'Opened' ? (recorded.data as { index: number }).index : undefined),
      writeRows: async (rows) => calls.push(`insert ${rows.join(',')}`),
      applyOne: async (recorded) => calls.push(`apply ${(recorded.data as { index: number }).index}`),
    });
    expect(calls).toEqual(['insert 0,1', 'apply 2', 'insert 3', 'apply 4', 'apply 5', 'insert 6,7,8']);
  });

  it('splits long runs into statements of at most 1,000 rows', async () => {
    const sizes: number[] = [];
    await applyWithRowRuns<number>(
      Array.from({ length: 2_345 }, (_, index) => event('Opened', index)),
      { rowOf: () => 1, writeRows: async (rows) => sizes.push(rows.length), applyOne: async () => undefined },
    );
    expect(sizes).toEqual([1_000, 1_000, 345]);
  });
});
